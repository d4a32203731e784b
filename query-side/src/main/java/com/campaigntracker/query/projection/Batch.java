package com.campaigntracker.query.projection;

import org.bson.Document;

import java.util.Collection;
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
    /** Per collection, every document loaded (null: not stored; decoded when first asked for) or put. */
    private final Map<String, Map<String, Object>> docs = new HashMap<>();
    private final Map<String, Set<String>> absent = new HashMap<>();
    /** Per collection, the documents put and the sequence whose event put them. */
    private final Map<Table<?>, Map<String, String>> dirty = new LinkedHashMap<>();
    String sequence;

    Batch(DocStore store) {
        this.store = store;
    }

    /** Declares that the batch will need this document; all declared ids are loaded together. */
    public void want(Table<?> table, String id) {
        wanted.computeIfAbsent(table, t -> new LinkedHashSet<>()).add(id);
    }

    void load() {
        wanted.forEach(this::load);
        wanted.clear();
    }

    private <T extends Record> void load(Table<T> table, Collection<String> ids) {
        Map<String, Object> known = docs.computeIfAbsent(table.name(), k -> new HashMap<>());
        List<String> missing = ids.stream().filter(id -> !known.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            Map<String, Document> found = store.find(table.name(), missing);
            for (String id : missing) {
                Document d = found.get(id);
                known.put(id, d);
                if (d == null) {
                    absent.computeIfAbsent(table.name(), k -> new HashSet<>()).add(id);
                }
            }
        }
    }

    /**
     * The document, or null; loads it alone if it was not declared up front. Decoded here, by the event that reads
     * it, so a damaged document dead-letters that event rather than failing the whole batch.
     */
    @SuppressWarnings("unchecked")
    public <T extends Record> T get(Table<T> table, String id) {
        load(table, List.of(id));
        Map<String, Object> known = docs.get(table.name());
        if (known.get(id) instanceof Document stored) {
            known.put(id, table.decode(stored));
        }
        return (T) known.get(id);
    }

    public <T extends Record> T get(Table<T> table, String id, Supplier<T> ifAbsent) {
        T d = get(table, id);
        return d != null ? d : ifAbsent.get();
    }

    /** Marks a document to be written at the end of the batch (its last version is written). */
    public <T extends Record> void put(Table<T> table, T document) {
        String id = table.id(document);
        docs.computeIfAbsent(table.name(), k -> new HashMap<>()).put(id, document);
        dirty.computeIfAbsent(table, k -> new LinkedHashMap<>()).put(id, sequence);
    }

    /** Calls back per written document: collection, sequence of its writer, the document as stored. */
    interface Writes {
        void accept(String collection, String sequence, Document document);
    }

    void forEachWrite(Writes writes) {
        dirty.forEach((table, ids) -> ids.forEach((id, seq) ->
                writes.accept(table.name(), seq, table.encode(docs.get(table.name()).get(id)))));
    }

    /** Ids looked up and not found: inserted rather than replaced (one writer per document). */
    Set<String> absent(String collection) {
        return absent.getOrDefault(collection, Set.of());
    }
}
