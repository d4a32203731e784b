package com.campaigntracker.query.projection;

import org.bson.BsonDocument;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The documents one projection batch works on, as projections see them: declared up front ({@link #want}), loaded
 * once with one $in per collection, changed in memory in event order ({@link #put}), written back by the
 * {@link Projector} with one bulk write per collection.
 */
public final class Batch {
    private final DocStore store;
    private final Map<Table<?>, Set<String>> wanted = new LinkedHashMap<>();
    /** Per collection, every document loaded (null: not stored; a raw BsonDocument until first asked for) or put. */
    private final Map<String, Map<String, Object>> docs = new HashMap<>();
    final Map<String, Set<String>> absent = new HashMap<>();
    /** Per table, the ids put and the sequence whose event put them. */
    final Map<Table<?>, Map<String, String>> dirty = new LinkedHashMap<>();
    String sequence;
    private int size;

    Batch(DocStore store) {
        this.store = store;
    }

    /** Declares that the batch will need this document; all declared ids are loaded together. */
    public void want(Table<?> table, String id) {
        wanted.computeIfAbsent(table, t -> new LinkedHashSet<>()).add(id);
    }

    void load() {
        wanted.forEach((table, ids) -> load(table.name(), ids));
        wanted.clear();
    }

    private Map<String, Object> load(String collection, Set<String> ids) {
        Map<String, Object> known = docs.computeIfAbsent(collection, k -> new HashMap<>());
        List<String> missing = ids.stream().filter(id -> !known.containsKey(id)).toList();
        Map<String, BsonDocument> found = missing.isEmpty() ? Map.of() : store.find(collection, missing);
        size += missing.size();
        for (String id : missing) {
            known.put(id, found.get(id));
            if (found.get(id) == null) {
                absent.computeIfAbsent(collection, k -> new HashSet<>()).add(id);
            }
        }
        return known;
    }

    /**
     * The document, or null; loads it alone if it was not declared up front. Decoded here, by the event that reads
     * it, so a damaged document dead-letters that event rather than failing the whole batch.
     */
    public <T extends Record> T get(Table<T> table, String id) {
        Map<String, Object> known = load(table.name(), Set.of(id));
        if (known.get(id) instanceof BsonDocument stored) {
            known.put(id, Docs.decode(stored, table.type()));
        }
        return table.type().cast(known.get(id));
    }

    public <T extends Record> T get(Table<T> table, String id, Supplier<T> ifAbsent) {
        T d = get(table, id);
        return d != null ? d : ifAbsent.get();
    }

    /** Marks a document to be written at the end of the batch (its last version is written). */
    public <T extends Record> void put(Table<T> table, T document) {
        String id = Docs.id(document);
        Map<String, Object> known = docs.computeIfAbsent(table.name(), k -> new HashMap<>());
        if (!known.containsKey(id)) {
            size++;
        }
        known.put(id, document);
        dirty.computeIfAbsent(table, k -> new LinkedHashMap<>()).put(id, sequence);
    }

    /** How many documents (or known absences) the batch holds. */
    int size() {
        return size;
    }

    /** After a failed write, whose inserts may have partly happened: the next write of these documents upserts. */
    void forgetAbsences() {
        absent.clear();
    }

    BsonDocument encoded(Table<?> table, String id) {
        return Docs.encode((Record) docs.get(table.name()).get(id));
    }
}
