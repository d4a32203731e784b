package com.campaigntracker.query.projection;

import com.mongodb.client.MongoDatabase;

import java.util.List;

/** One read model's part of the batch projection: which documents it needs, how an event changes them. */
public interface ProjectionSlice {

    /** Declares the documents {@code event} will touch so the batch can load them with one $in per collection. */
    void prefetch(ProjectionEvent event, BatchContext ctx);

    /** Applies one (new, not yet applied) event. Deterministic: uses only the event and the documents. */
    void apply(ProjectionEvent event, BatchContext ctx);

    /** The collections this slice owns (cleared on reset, dumped by the rebuild test). */
    List<String> collections();

    /** Secondary indexes a real MongoDB would want (the embedded server ignores non-unique ones). */
    default void createIndexes(MongoDatabase db) {
    }
}
