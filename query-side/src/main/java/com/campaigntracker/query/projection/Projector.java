package com.campaigntracker.query.projection;

import com.campaigntracker.query.ledger.LedgerProjection;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityEvent;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a batch of events to all read models. Idempotent: per event stream it remembers the last applied
 * sequence number (an activity's in its ledger document, other streams' in {@value #STREAMS}) and skips anything
 * at or below it, so a redelivered event never counts twice; a batch whose writes stopped half way is undone from its
 * journal before its events are applied again. Deterministic: documents are changed only from the event's content
 * and timestamp.
 */
public class Projector {
    public static final String STREAMS = "rm_streams";
    /** Per sequence, the undo images of a batch whose writes are under way (see {@link BatchContext#journal()}). */
    public static final String JOURNAL = "rm_batch_journal";
    /** Field of an activity's ledger document holding the last applied sequence number of its stream. */
    public static final String LAST_SEQ = "lastSeq";
    private static final String ACTIVITIES = LedgerProjection.ACTIVITIES;

    private final DocStore store;
    private final List<ProjectionSlice> slices;

    public Projector(DocStore store, List<ProjectionSlice> slices) {
        this.store = store;
        this.slices = List.copyOf(slices);
    }

    /**
     * Applies the batch and writes the changed documents; returns the ids of the campaigns it changed.
     *
     * @throws EventFailedException when an event cannot be applied in memory; then nothing has been written
     */
    public Set<String> apply(List<ProjectionEvent> events) {
        undoInterruptedBatches(events);
        BatchContext ctx = new BatchContext(store);
        for (int i = 0; i < events.size(); i++) {
            ProjectionEvent e = events.get(i);
            try {
                if (e.sequence() != null && !(e.payload() instanceof ActivityEvent)) {
                    ctx.want(STREAMS, e.streamId());
                }
                for (ProjectionSlice s : slices) {
                    s.prefetch(e, ctx);
                }
            } catch (RuntimeException x) {
                throw new EventFailedException(i, x);
            }
        }
        ctx.load();
        for (int i = 0; i < events.size(); i++) {
            try {
                ctx.applying(events.get(i).sequenceKey());
                applyOne(events.get(i), ctx);
            } catch (RuntimeException x) {
                throw new EventFailedException(i, x);
            }
        }
        List<Document> journal = ctx.journal();
        store.replaceAll(JOURNAL, journal);
        ctx.flush(List.of(ACTIVITIES, STREAMS));
        store.delete(JOURNAL, journal.stream().map(j -> j.getString("_id")).toList());
        return ctx.touchedCampaigns();
    }

    /**
     * A batch of these sequences that stopped between its writes (crash, lost connection) left its journal: put back
     * what it had changed, so that applying its events again counts them once.
     */
    private void undoInterruptedBatches(List<ProjectionEvent> events) {
        Set<String> sequences = new java.util.LinkedHashSet<>();
        events.forEach(e -> sequences.add(e.sequenceKey()));
        Map<String, Document> journals = store.find(JOURNAL, sequences);
        for (Document journal : journals.values()) {
            Map<String, List<Document>> restore = new java.util.LinkedHashMap<>();
            Map<String, List<String>> remove = new java.util.LinkedHashMap<>();
            for (Document entry : Docs.list(journal, "entries")) {
                Document was = (Document) entry.get("before");
                if (was == null) {
                    remove.computeIfAbsent(entry.getString("c"), k -> new ArrayList<>()).add(entry.getString("id"));
                } else {
                    restore.computeIfAbsent(entry.getString("c"), k -> new ArrayList<>()).add(was);
                }
            }
            restore.forEach(store::replaceAll);
            remove.forEach(store::delete);
        }
        store.delete(JOURNAL, journals.keySet());
    }

    private void applyOne(ProjectionEvent e, BatchContext ctx) {
        if (e.payload() instanceof ActivityEvent ae) {
            // an activity's position lives in its ledger document (one document fewer per activity)
            String id = Docs.key(ae.campaignId(), ae.activityId());
            Document activity = ctx.get(ACTIVITIES, id);
            if (e.sequence() != null && activity != null && activity.get(LAST_SEQ) != null
                    && Docs.l(activity, LAST_SEQ) >= e.sequence()) {
                return;
            }
            for (ProjectionSlice s : slices) {
                s.apply(e, ctx);
            }
            activity = ctx.get(ACTIVITIES, id);
            if (activity != null && e.sequence() != null) {
                activity.put(LAST_SEQ, e.sequence());
                ctx.changed(ACTIVITIES, activity);
            }
            return;
        }
        if (e.sequence() != null) {
            Document stream = ctx.get(STREAMS, e.streamId());
            if (stream != null && Docs.l(stream, "seq") >= e.sequence()) {
                return;
            }
            ctx.changed(STREAMS, new Document("_id", e.streamId()).append("seq", e.sequence()));
        }
        for (ProjectionSlice s : slices) {
            s.apply(e, ctx);
        }
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
        store.clear(JOURNAL);
    }

    public List<ProjectionSlice> slices() {
        return slices;
    }

    /**
     * Event {@link #index()} of a batch could not be applied (while its documents were looked up or changed in
     * memory): the batch wrote nothing, so it can be applied again without that event. The cause is the original
     * exception (a {@code MongoException} among them means a read failed, not that the event is bad).
     */
    public static final class EventFailedException extends RuntimeException {
        private final int index;

        EventFailedException(int index, RuntimeException cause) {
            super("event #" + index + " of the batch cannot be projected: " + cause, cause);
            this.index = index;
        }

        public int index() {
            return index;
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }
}
