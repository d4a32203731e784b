package com.campaigntracker.query.projection;

import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Applies a batch of events to all read models. Idempotent: per event stream it remembers the last applied
 * sequence number ({@value #STREAMS}) and skips anything at or below it, so a redelivered event never counts
 * twice. Deterministic: documents are changed only from the event's content and timestamp.
 */
public class Projector {
    public static final String STREAMS = "rm_streams";

    private final DocStore store;
    private final List<ProjectionSlice> slices;

    public Projector(DocStore store, List<ProjectionSlice> slices) {
        this.store = store;
        this.slices = List.copyOf(slices);
    }

    /** Applies the batch and writes the changed documents; returns the ids of the campaigns it changed. */
    public Set<String> apply(List<ProjectionEvent> events) {
        BatchContext ctx = new BatchContext(store);
        for (ProjectionEvent e : events) {
            if (e.sequence() != null) {
                ctx.want(STREAMS, e.streamId());
            }
            for (ProjectionSlice s : slices) {
                s.prefetch(e, ctx);
            }
        }
        ctx.load();
        for (ProjectionEvent e : events) {
            if (e.sequence() != null) {
                Document stream = ctx.get(STREAMS, e.streamId());
                if (stream != null && Docs.l(stream, "seq") >= e.sequence()) {
                    continue;
                }
                ctx.changed(STREAMS, new Document("_id", e.streamId()).append("seq", e.sequence()));
            }
            for (ProjectionSlice s : slices) {
                s.apply(e, ctx);
            }
        }
        // the stream positions go last: a crash in between replays the batch rather than skipping it
        ctx.flush(List.of(STREAMS));
        return ctx.touchedCampaigns();
    }

    public List<String> collections() {
        List<String> all = new ArrayList<>();
        for (ProjectionSlice s : slices) {
            all.addAll(s.collections());
        }
        all.add(STREAMS);
        return all;
    }

    public void reset() {
        collections().forEach(store::clear);
    }

    public List<ProjectionSlice> slices() {
        return slices;
    }
}
