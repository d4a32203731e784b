package com.campaigntracker.query.projection;

import org.bson.BsonDocument;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Key-only access to read-model documents: what a projection batch loads and writes. */
public interface DocStore {

    /** Documents of {@code collection} with the given {@code _id}s (equality / $in only). */
    Map<String, BsonDocument> find(String collection, Collection<String> ids);

    /** One bulk write: ids in {@code absentAtLoad} (looked up by this batch, not found) inserted, others replaced. */
    void write(String collection, Collection<BsonDocument> documents, Set<String> absentAtLoad);

    void delete(String collection, Collection<String> ids);

    void clear(String collection);
}
