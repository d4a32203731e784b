package com.campaigntracker.query.projection;

import org.bson.Document;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
    private final Map<String, Set<String>> requested = new HashMap<>();

    public BatchContext(DocStore store) {
        this.store = store;
    }

    /** Declares that the batch will need this document; all declared ids are loaded together. */
    public void want(String collection, String id) {
        wanted.computeIfAbsent(collection, c -> new LinkedHashSet<>()).add(id);
    }

    public void load() {
        wanted.forEach((collection, ids) -> {
            Map<String, Document> c = cache.computeIfAbsent(collection, k -> new HashMap<>());
            requested.computeIfAbsent(collection, k -> new HashSet<>()).addAll(ids);
            ids.removeIf(c::containsKey);
            if (ids.isEmpty()) {
                return;
            }
            Map<String, Document> found = store.find(collection, ids);
            for (String id : ids) {
                c.putIfAbsent(id, found.get(id));
            }
        });
        wanted.clear();
    }

    /** Supplies a document known to be current (kept from this node's previous batch) so it is not read again. */
    void preload(String collection, String id, Document document) {
        cache.computeIfAbsent(collection, k -> new HashMap<>()).put(id, document);
    }

    /** The existing documents of {@code collection} this batch read or created (not those it only wrote). */
    Map<String, Document> requestedDocuments(String collection) {
        Map<String, Document> out = new HashMap<>();
        Map<String, Document> c = cache.getOrDefault(collection, Map.of());
        for (String id : requested.getOrDefault(collection, Set.of())) {
            Document d = c.get(id);
            if (d != null) {
                out.put(id, d);
            }
        }
        return out;
    }

    /** The document, or null; loads it alone if it was not declared up front. */
    public Document get(String collection, String id) {
        Map<String, Document> c = cache.computeIfAbsent(collection, k -> new HashMap<>());
        requested.computeIfAbsent(collection, k -> new HashSet<>()).add(id);
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
        // a document created but never marked changed is not in the store: it must not be remembered as current
        created.forEach((collection, ids) -> {
            Map<String, Document> written = dirty.getOrDefault(collection, Map.of());
            Set<String> r = requested.get(collection);
            if (r != null) {
                ids.stream().filter(id -> !written.containsKey(id)).forEach(r::remove);
            }
        });
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
