package com.campaigntracker.query.projection;

import org.bson.Document;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The documents one projection batch works on, as projections see them: declared up front ({@link #want}), loaded
 * once with one $in per collection, changed in memory in event order, written back by the {@link Projector} with
 * one bulk write per collection. Keeps what each document held when loaded: the batch's undo images.
 */
public final class Batch {
    static final Document ABSENT = new Document();

    private final DocStore store;
    private final Map<String, Set<String>> wanted = new LinkedHashMap<>();
    final Map<String, Map<String, Document>> loaded = new HashMap<>();
    private final Map<String, Map<String, Document>> docs = new HashMap<>();
    final Map<String, Map<String, Document>> dirty = new LinkedHashMap<>();
    /** Per collection and id, the sequence whose event first changed the document: its journal. */
    final Map<String, Map<String, String>> writer = new HashMap<>();
    private final Set<String> touchedCampaigns = new LinkedHashSet<>();
    String sequence;

    Batch(DocStore store) {
        this.store = store;
    }

    /** Declares that the batch will need this document; all declared ids are loaded together. */
    public void want(String collection, String id) {
        wanted.computeIfAbsent(collection, c -> new LinkedHashSet<>()).add(id);
    }

    void load() {
        wanted.forEach((collection, ids) -> {
            Map<String, Document> found = store.find(collection, ids);
            ids.forEach(id -> loaded(collection, id, found.get(id)));
        });
        wanted.clear();
    }

    private void loaded(String collection, String id, Document d) {
        if (loaded.computeIfAbsent(collection, k -> new HashMap<>()).putIfAbsent(id,
                d == null ? ABSENT : Docs.deepCopy(d)) == null) {
            docs.computeIfAbsent(collection, k -> new HashMap<>()).put(id, d);
        }
    }

    /** The document, or null; loads it alone if it was not declared up front. */
    public Document get(String collection, String id) {
        if (!loaded.getOrDefault(collection, Map.of()).containsKey(id)) {
            loaded(collection, id, store.find(collection, Set.of(id)).get(id));
        }
        return docs.get(collection).get(id);
    }

    public Document getOrCreate(String collection, String id, Supplier<Document> creator) {
        Document d = get(collection, id);
        if (d == null) {
            d = creator.get();
            d.put("_id", id);
            docs.get(collection).put(id, d);
        }
        return d;
    }

    /** The document as its record type, or null. */
    public <T extends Record> T get(String collection, String id, Class<T> type) {
        Document d = get(collection, id);
        return d == null ? null : Docs.decode(d, type);
    }

    /** Marks a document, given as its record (its {@code @BsonId} component the key), to be written. */
    public void put(String collection, Record document) {
        changed(collection, Docs.encode(document));
    }

    /** Marks a document to be written at the end of the batch. */
    public void changed(String collection, Document document) {
        String id = document.getString("_id");
        docs.computeIfAbsent(collection, k -> new HashMap<>()).put(id, document);
        dirty.computeIfAbsent(collection, k -> new LinkedHashMap<>()).put(id, document);
        writer.computeIfAbsent(collection, k -> new HashMap<>()).putIfAbsent(id, sequence);
    }

    public void touchCampaign(String campaignId) {
        touchedCampaigns.add(campaignId);
    }

    Set<String> touchedCampaigns() {
        return touchedCampaigns;
    }
}
