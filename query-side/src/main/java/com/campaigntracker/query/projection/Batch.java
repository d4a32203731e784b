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
    /**
     * For a batch held across processor batches (see {@link Projector#hold}): per collection and id, the processor
     * batch ({@link #generation}) that last used the document, times two, plus one once a later batch used it again
     * — so a full window writes out what is no longer in use or was used by one batch only (a new ledger row) and
     * keeps the documents batch after batch changes. Null in an ordinary batch.
     */
    private final Map<String, Map<String, Integer>> used;
    int generation;
    /** For a held batch: what the replay wrote so far; documents it surely did not write are not looked up. */
    private final WrittenIds written;

    Batch(DocStore store) {
        this(store, null);
    }

    Batch(DocStore store, WrittenIds written) {
        this.store = store;
        this.written = written;
        this.used = written != null ? new HashMap<>() : null;
    }

    private void use(String collection, String id) {
        if (used != null) {
            used.computeIfAbsent(collection, k -> new HashMap<>()).merge(id, generation * 2,
                    (before, now) -> before / 2 == generation ? before : now + 1);
        }
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
        ids.forEach(id -> use(collection, id));
        List<String> missing = ids.stream().filter(id -> !known.containsKey(id)).toList();
        List<String> lookUp = written == null ? missing
                : missing.stream().filter(id -> written.mayHold(collection, id)).toList();
        Map<String, BsonDocument> found = lookUp.isEmpty() ? Map.of() : store.find(collection, lookUp);
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
        use(table.name(), id);
        dirty.computeIfAbsent(table, k -> new LinkedHashMap<>()).put(id, sequence);
    }

    /** How many documents (or known absences) the batch holds. */
    int size() {
        return size;
    }

    /**
     * Moves every document used by one processor batch only, or last used before processor batch {@code generation}
     * (changed or only read), into a new batch, which then writes what changed of them; this batch keeps the rest.
     */
    Batch takeUnusedSince(int generation) {
        Batch out = new Batch(store, written);
        used.forEach((collection, ids) -> ids.forEach((id, last) -> {
            if (last % 2 == 0 || last / 2 < generation) {
                out.docs.computeIfAbsent(collection, k -> new HashMap<>()).put(id, docs.get(collection).remove(id));
                out.use(collection, id);
                out.size++;
                size--;
                if (absent.containsKey(collection) && absent.get(collection).remove(id)) {
                    out.absent.computeIfAbsent(collection, k -> new HashSet<>()).add(id);
                }
            }
        }));
        dirty.forEach((table, ids) -> ids.entrySet().removeIf(e -> {
            if (out.docs.containsKey(table.name()) && out.docs.get(table.name()).containsKey(e.getKey())) {
                out.dirty.computeIfAbsent(table, k -> new LinkedHashMap<>()).put(e.getKey(), e.getValue());
                return true;
            }
            return false;
        }));
        out.used.forEach((collection, ids) -> used.get(collection).keySet().removeAll(ids.keySet()));
        return out;
    }

    /** Takes over every document of {@code other} (whose ids this batch does not hold). */
    void absorb(Batch other) {
        other.docs.forEach((c, m) -> {
            docs.computeIfAbsent(c, k -> new HashMap<>()).putAll(m);
            m.keySet().forEach(id -> use(c, id));
        });
        other.absent.forEach((c, ids) -> absent.computeIfAbsent(c, k -> new HashSet<>()).addAll(ids));
        other.dirty.forEach((t, ids) -> dirty.computeIfAbsent(t, k -> new LinkedHashMap<>()).putAll(ids));
        size += other.size;
    }

    /** Notes, in the replay's {@link WrittenIds}, every document this batch has written. */
    void written() {
        dirty.forEach((table, ids) -> ids.keySet().forEach(id -> written.add(table.name(), id)));
    }

    /** After a failed write, whose inserts may have partly happened: the next write of these documents upserts. */
    void forgetAbsences() {
        absent.clear();
    }

    BsonDocument encoded(Table<?> table, String id) {
        return Docs.encode((Record) docs.get(table.name()).get(id));
    }
}
