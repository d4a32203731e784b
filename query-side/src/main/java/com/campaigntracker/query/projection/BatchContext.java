package com.campaigntracker.query.projection;

import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The documents one projection batch works on: loaded once by key ($in per collection), changed in memory in
 * event order, written back once (one bulk write per collection).
 */
public final class BatchContext {
    private final DocStore store;
    private final Map<String, Set<String>> wanted = new LinkedHashMap<>();
    private final Map<String, Map<String, Document>> cache = new HashMap<>();
    private final Map<String, Map<String, Document>> dirty = new LinkedHashMap<>();
    private final Set<String> touchedCampaigns = new LinkedHashSet<>();
    private final Map<String, Set<String>> created = new HashMap<>();
    private static final Document ABSENT = new Document();
    private final Map<String, Map<String, Document>> before = new HashMap<>();
    private final Map<String, String> writer = new HashMap<>();
    private String sequence = "none";

    public BatchContext(DocStore store) {
        this.store = store;
    }

    /** Declares that the batch will need this document; all declared ids are loaded together. */
    public void want(String collection, String id) {
        wanted.computeIfAbsent(collection, c -> new LinkedHashSet<>()).add(id);
    }

    public void load() {
        wanted.forEach((collection, ids) -> {
            Map<String, Document> found = store.find(collection, ids);
            Map<String, Document> c = cache.computeIfAbsent(collection, k -> new HashMap<>());
            for (String id : ids) {
                if (!c.containsKey(id)) {
                    loaded(collection, id, found.get(id));
                }
            }
        });
        wanted.clear();
    }

    /** The document, or null; loads it alone if it was not declared up front. */
    public Document get(String collection, String id) {
        Map<String, Document> c = cache.computeIfAbsent(collection, k -> new HashMap<>());
        if (!c.containsKey(id)) {
            loaded(collection, id, store.find(collection, Set.of(id)).get(id));
        }
        return c.get(id);
    }

    /** Keeps the document as loaded (or its absence): the batch's undo image, should its writes be cut short. */
    private void loaded(String collection, String id, Document document) {
        cache.computeIfAbsent(collection, k -> new HashMap<>()).put(id, document);
        before.computeIfAbsent(collection, k -> new HashMap<>()).put(id,
                document == null ? ABSENT : Docs.deepCopy(document));
    }

    /** The sequence whose event is being applied: every document it changes is journaled under it. */
    void applying(String sequence) {
        this.sequence = sequence;
    }

    /**
     * One journal document per sequence: for every document this batch will write, its content before the batch
     * (null where it did not exist). Written before the batch's writes and removed after them, so that a batch cut
     * short between two writes can be undone before it is applied again.
     */
    List<Document> journal() {
        dirty.forEach((collection, docs) -> {
            // written without being read first (a full page): what was stored there must be known as well
            Map<String, Document> known = before.computeIfAbsent(collection, k -> new HashMap<>());
            List<String> unknown = docs.keySet().stream().filter(id -> !known.containsKey(id)).toList();
            if (!unknown.isEmpty()) {
                Map<String, Document> stored = store.find(collection, unknown);
                unknown.forEach(id -> known.put(id, stored.getOrDefault(id, ABSENT)));
            }
        });
        Map<String, List<Document>> bySequence = new LinkedHashMap<>();
        dirty.forEach((collection, docs) -> docs.keySet().forEach(id -> {
            Document was = before.getOrDefault(collection, Map.of()).get(id);
            bySequence.computeIfAbsent(writer.get(collection + Docs.SEP + id), k -> new ArrayList<>())
                    .add(new Document("c", collection).append("id", id).append("before", was == ABSENT ? null : was));
        }));
        List<Document> out = new ArrayList<>();
        bySequence.forEach((seq, entries) -> out.add(new Document("_id", seq).append("entries", entries)));
        return out;
    }

    public Document getOrCreate(String collection, String id, Supplier<Document> creator) {
        Document d = get(collection, id);
        if (d == null) {
            d = creator.get();
            d.put("_id", id);
            cache.get(collection).put(id, d);
            created.computeIfAbsent(collection, k -> new java.util.HashSet<>()).add(id);
        }
        return d;
    }

    /** Marks a document to be written at the end of the batch. */
    public void changed(String collection, Document document) {
        String id = document.getString("_id");
        cache.computeIfAbsent(collection, k -> new HashMap<>()).put(id, document);
        dirty.computeIfAbsent(collection, k -> new LinkedHashMap<>()).put(id, document);
        writer.putIfAbsent(collection + Docs.SEP + id, sequence);
    }

    public void touchCampaign(String campaignId) {
        touchedCampaigns.add(campaignId);
    }

    public Set<String> touchedCampaigns() {
        return touchedCampaigns;
    }

    public void flush(Collection<String> lastCollections) {
        dirty.forEach((collection, docs) -> {
            if (!lastCollections.contains(collection)) {
                store.write(collection, docs.values(), created.getOrDefault(collection, Set.of()));
            }
        });
        for (String collection : lastCollections) {
            Map<String, Document> docs = dirty.get(collection);
            if (docs != null) {
                store.write(collection, docs.values(), created.getOrDefault(collection, Set.of()));
            }
        }
        dirty.clear();
        created.clear();
    }
}
