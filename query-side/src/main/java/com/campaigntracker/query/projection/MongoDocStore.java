package com.campaigntracker.query.projection;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** {@link DocStore} on the raw MongoDB driver: $in reads in chunks, one unordered bulk write per collection. */
public class MongoDocStore implements DocStore {
    private static final int CHUNK = 100;
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoDatabase db;

    public MongoDocStore(MongoDatabase db) {
        this.db = db;
    }

    @Override
    public Map<String, BsonDocument> find(String collection, Collection<String> ids) {
        Map<String, BsonDocument> result = new HashMap<>();
        byKeys(ids, CHUNK, filter -> db.getCollection(collection, BsonDocument.class).find(filter)
                .forEach(d -> result.put(d.getString("_id").getValue(), d)));
        return result;
    }

    /** The documents with these ids, as their records (what the repositories read). */
    public <T extends Record> Map<String, T> find(Table<T> table, Collection<String> ids) {
        return find(table, ids, CHUNK);
    }

    /** The same, {@code chunk} ids per query and reply (a reader walking many small documents asks for more). */
    public <T extends Record> Map<String, T> find(Table<T> table, Collection<String> ids, int chunk) {
        Map<String, T> result = new HashMap<>();
        byKeys(ids, chunk, filter -> db.getCollection(table.name(), table.type()).find(filter).batchSize(chunk)
                .forEach(d -> result.put(Docs.id(d), d)));
        return result;
    }

    public <T extends Record> T get(Table<T> table, String id) {
        return find(table, List.of(id)).get(id);
    }

    private static void byKeys(Collection<String> ids, int size, Consumer<Bson> query) {
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += size) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + size));
            query.accept(chunk.size() == 1 ? Filters.eq("_id", chunk.get(0)) : Filters.in("_id", chunk));
        }
    }

    @Override
    public void write(String collection, Collection<BsonDocument> documents, Set<String> absentAtLoad) {
        if (documents.isEmpty()) {
            return;
        }
        List<WriteModel<BsonDocument>> writes = new ArrayList<>(documents.size());
        for (BsonDocument d : documents) {
            writes.add(absentAtLoad.contains(d.getString("_id").getValue()) ? new InsertOneModel<>(d)
                    : new ReplaceOneModel<>(Filters.eq("_id", d.get("_id")), d, UPSERT));
        }
        db.getCollection(collection, BsonDocument.class).bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    @Override
    public void delete(String collection, Collection<String> ids) {
        if (!ids.isEmpty()) {
            db.getCollection(collection).deleteMany(Filters.in("_id", new ArrayList<>(ids)));
        }
    }

    @Override
    public void clear(String collection) {
        db.getCollection(collection).deleteMany(new Document());
    }
}
