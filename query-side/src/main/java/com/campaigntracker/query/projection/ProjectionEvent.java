package com.campaigntracker.query.projection;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a projection needs of one event message: the payload, its stream and sequence (for idempotency), its
 * timestamp (never the wall clock) and who issued it.
 *
 * @param sequence   the aggregate sequence number, or null for an event outside an aggregate stream
 * @param actingUnit the unit a unit account acted for (audit metadata), null for other accounts
 */
public record ProjectionEvent(Object payload, String streamId, Long sequence, Instant timestamp, String user,
                              String role, String eventId, String actingUnit) {

    public ProjectionEvent(Object payload, String streamId, Long sequence, Instant timestamp, String user,
                           String role, String eventId) {
        this(payload, streamId, sequence, timestamp, user, role, eventId, null);
    }

    /** The processing sequence of the event: one campaign, all units, one service project or one order. */
    String sequenceKey() {
        String sequence = TrackerProjections.sequenceOf(payload);
        return sequence != null ? sequence : eventId;
    }

    /** The day the change was made, in Asia/Shanghai: the day from which as-of views show it. */
    public LocalDate changeDay() {
        return LocalDate.ofInstant(timestamp, Docs.ZONE);
    }
}
