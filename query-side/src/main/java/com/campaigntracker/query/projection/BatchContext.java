package com.campaigntracker.query.projection;

import org.bson.Document;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
                c.putIfAbsent(id, found.get(id));
            }
        });
        wanted.clear();
    }

    /** The document, or null; loads it alone if it was not declared up front. */
    public Document get(String collection, String id) {
        Map<String, Document> c = cache.computeIfAbsent(collection, k -> new HashMap<>());
        if (!c.containsKey(id)) {
            c.put(id, store.find(collection, Set.of(id)).get(id));
        }
        return c.get(id);
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
