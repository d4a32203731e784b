package com.campaigntracker.query.projection;

import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.DecoderContext;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A DocStore in memory that round-trips documents through BSON, as a real store would. */
public class MemoryDocStore implements DocStore {
    private static final DocumentCodec CODEC = new DocumentCodec();
    private final Map<String, TreeMap<String, BsonDocument>> data = new HashMap<>();
    public int bulkWrites;
    /** How many ids were looked up. */
    public int lookups;

    @Override
    public Map<String, BsonDocument> find(String collection, Collection<String> ids) {
        Map<String, BsonDocument> out = new LinkedHashMap<>();
        lookups += ids.size();
        TreeMap<String, BsonDocument> c = data.getOrDefault(collection, new TreeMap<>());
        for (String id : ids) {
            BsonDocument b = c.get(id);
            if (b != null) {
                out.put(id, b.clone());
            }
        }
        return out;
    }

    @Override
    public void write(String collection, Collection<BsonDocument> documents, java.util.Set<String> absentAtLoad) {
        if (collection.equals(failNextWriteOf)) {
            failNextWriteOf = null;
            throw new IllegalStateException("write of " + collection + " failed");
        }
        bulkWrites++;
        for (BsonDocument d : documents) {
            String id = d.getString("_id").getValue();
            if (absentAtLoad.contains(id) && data.containsKey(collection) && data.get(collection).containsKey(id)) {
                throw new IllegalStateException("duplicate key " + id);
            }
            data.computeIfAbsent(collection, k -> new TreeMap<>()).put(id, d.clone());
        }
    }

    @Override
    public void delete(String collection, Collection<String> ids) {
        if (data.containsKey(collection)) {
            ids.forEach(data.get(collection)::remove);
        }
    }

    /** The next write to {@code collection} fails (the batch's earlier writes stay, as after a crash). */
    public void failNextWrite(String collection) {
        failNextWriteOf = collection;
    }

    private String failNextWriteOf;

    @Override
    public void clear(String collection) {
        data.remove(collection);
    }

    /** Every collection as sorted JSON: compares byte for byte. */
    public Map<String, String> dump() {
        Map<String, String> out = new TreeMap<>();
        data.forEach((c, docs) -> {
            if (docs.isEmpty()) {
                return; // a collection emptied again (the journal) is no content
            }
            StringBuilder sb = new StringBuilder();
            docs.forEach((id, d) -> sb.append(d.toJson()).append('\n'));
            out.put(c, sb.toString());
        });
        return out;
    }

    /** The stored document as the driver reads it into a {@link Document}, or null. */
    public Document get(String collection, String id) {
        BsonDocument b = find(collection, java.util.List.of(id)).get(id);
        return b == null ? null : CODEC.decode(new BsonDocumentReader(b), DecoderContext.builder().build());
    }

    /** The stored document as its record, or null. */
    public <T extends Record> T get(Table<T> table, String id) {
        BsonDocument d = find(table.name(), java.util.List.of(id)).get(id);
        return d == null ? null : Docs.decode(d, table.type());
    }

    public <T extends Record> Map<String, T> find(Table<T> table, Collection<String> ids) {
        Map<String, T> out = new LinkedHashMap<>();
        find(table.name(), ids).forEach((id, d) -> out.put(id, Docs.decode(d, table.type())));
        return out;
    }
}
