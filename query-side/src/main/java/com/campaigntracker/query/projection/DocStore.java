package com.campaigntracker.query.projection;

import org.bson.Document;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Key-only access to read-model documents: what a projection batch loads and writes. */
public interface DocStore {

    /** Documents of {@code collection} with the given {@code _id}s (equality / $in only). */
    Map<String, Document> find(String collection, Collection<String> ids);

    /**
     * Writes the documents in one bulk write: those whose id is in {@code absentAtLoad} (looked up by this batch
     * and not found; one writer per document) are inserted, the others replaced (upsert).
     */
    void write(String collection, Collection<Document> documents, Set<String> absentAtLoad);

    void delete(String collection, Collection<String> ids);

    /** Removes every document of the collection (a projection reset). */
    void clear(String collection);
}
