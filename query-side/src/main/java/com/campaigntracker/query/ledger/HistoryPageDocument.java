package com.campaigntracker.query.ledger;

import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code rm_history_pages}: every event of a campaign and its activities in order, in full pages of
 * {@value LedgerProjection#PAGE} entries keyed {@code campaign|n}, and {@code campaign|head}: the open page.
 *
 * @param count the number of entries up to the end of this page (for the head: in the whole history)
 */
public record HistoryPageDocument(@BsonId String id, long count, List<Entry> entries) {
    /** One event: who, when, which stream, and its own fields ({@code payload}, as the event serialises). */
    public record Entry(long n, String type, String at, String day, String user, String role, String streamId,
                        Long sequence, String eventId, String activityId, String unitId, Document payload) {
    }

    public HistoryPageDocument {
        entries = entries == null ? new ArrayList<>() : new ArrayList<>(entries);
    }
}
