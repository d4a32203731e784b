package com.campaigntracker.query.projection;

import org.bson.BsonDocument;
import org.bson.codecs.pojo.annotations.BsonId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Applies a batch of events to every read model (see query-side/README.md, "The projection core"): one $in per
 * collection, the events in memory, one bulk write per collection. Idempotent: {@link #STREAMS} keeps the last
 * applied sequence per event stream, written with the batch, and anything at or below it is skipped. Cut-short
 * batches: before writing, {@link #JOURNAL} keeps per sequence what the batch is about to write; a batch that finds
 * the journal of one of its sequences (its predecessor stopped between two writes) writes it again first.
 */
public class Projector {
    /** The last applied sequence number of one event stream. */
    public record StreamPosition(@BsonId String streamId, Long seq) {
    }

    /** What a batch writes for one sequence ({@code c:<campaign>} or {@code units}), kept until it is all written. */
    public record BatchJournal(@BsonId String sequence, List<Write> writes) {
    }

    public record Write(String collection, BsonDocument document) {
    }

    public static final Table<StreamPosition> STREAMS = Table.of("rm_streams", StreamPosition.class);
    public static final Table<BatchJournal> JOURNAL = Table.of("rm_batch_journal", BatchJournal.class);

    private final DocStore store;
    private final List<Projection> projections;
    /**
     * While a rebuild replays: one batch kept across the processor's batches, so a document changed by every batch
     * (a campaign's totals, its day) is written once per window instead of once per batch, and without the redo
     * journal, since a cut-short replay is started again, never resumed from its documents. Safe only under the
     * rebuild marker: the processor stores its tokens ahead of documents still held here, which a kill leaves
     * behind, and the marker makes the next start rebuild from the first event. Guarded by {@link #holding}.
     */
    private Batch held;
    private WrittenIds written;
    private int holdLimit;
    private static final int WRITE_CHUNK = 200;
    /** A held document used by none of this many latest processor batches is written out when the window is full. */
    private static final int HOT = 8;
    private final Object holding = new Object();

    public Projector(DocStore store, List<Projection> projections) {
        this.store = store;
        this.projections = List.copyOf(projections);
    }

    /**
     * Applies the batch and writes the changed documents (while {@link #hold holding}: keeps them, writing the held
     * documents once they exceed the window); returns the ids of the campaigns it changed.
     *
     * @throws EventFailedException when an event cannot be applied in memory; then nothing has been written, and
     *                              (see {@link EventFailedException#appliedBefore}) the events before it are applied
     *                              only while holding
     */
    public Set<String> apply(List<ProjectionEvent> events) {
        synchronized (holding) {
            if (held != null) {
                held.generation++;
                Set<String> touched = applyTo(held, events, true);
                if (held.size() >= holdLimit) {
                    writeHeld(false);
                }
                return touched;
            }
        }
        redoInterruptedBatches(events);
        Batch batch = new Batch(store);
        Set<String> touched = applyTo(batch, events, false);
        write(batch);
        return touched;
    }

    private Set<String> applyTo(Batch batch, List<ProjectionEvent> events, boolean kept) {
        each(events, false, e -> {
            if (e.sequence() != null) {
                batch.want(STREAMS, e.streamId());
            }
            projections.forEach(p -> p.run(e, batch, true));
        });
        batch.load();
        Set<String> touched = new LinkedHashSet<>();
        each(events, kept, e -> {
            batch.sequence = e.sequenceKey();
            if (e.sequence() != null) {
                StreamPosition at = batch.get(STREAMS, e.streamId());
                if (at != null && at.seq() >= e.sequence()) {
                    return;
                }
            }
            projections.forEach(p -> p.run(e, batch, false));
            // after the projections: an event that failed among held documents must not count as applied
            if (e.sequence() != null) {
                batch.put(STREAMS, new StreamPosition(e.streamId(), e.sequence()));
            }
            if (TrackerProjections.campaignOf(e.payload()) != null) {
                touched.add(TrackerProjections.campaignOf(e.payload()));
            }
        });
        return touched;
    }

    /**
     * Keeps the documents of the following batches in memory, about {@code window} of them, until {@link #release}:
     * for a rebuild's replay, under its marker (see {@link #held}).
     */
    public void hold(int window) {
        synchronized (holding) {
            written = new WrittenIds();
            held = new Batch(store, written);
            holdLimit = window;
        }
    }

    /** Writes the held documents and writes every later batch at once again. */
    public void release() {
        synchronized (holding) {
            if (held != null) {
                writeHeld(true);
                held = null;
                written = null;
            }
        }
    }

    /**
     * Writes the held documents that the last {@link #HOT} processor batches did not use (all of them at the end, or
     * when the ones in use alone fill half the window) and forgets them; keeps the ones in use, unwritten.
     */
    private void writeHeld(boolean all) {
        Batch out = held.takeUnusedSince(held.generation - HOT + 1);
        if (all || held.size() >= holdLimit / 2) {
            out.absorb(held);
            int generation = held.generation;
            held = new Batch(store, written);
            held.generation = generation;
        }
        try {
            writeWindow(out);
            out.written();
        } catch (RuntimeException e) {
            // some inserts of the unordered bulk write may have happened: the next write of these documents must
            // replace them, and the batches that follow keep working on them in memory
            out.forgetAbsences();
            held.absorb(out);
            throw e;
        }
    }

    private static void each(List<ProjectionEvent> events, boolean kept, Consumer<ProjectionEvent> step) {
        for (int i = 0; i < events.size(); i++) {
            try {
                step.accept(events.get(i));
            } catch (RuntimeException x) {
                throw new EventFailedException(i, kept, x);
            }
        }
    }

    /** Journal first, then every collection (stream positions last), then the journal goes. */
    private void write(Batch batch) {
        Map<Table<?>, List<BsonDocument>> byTable = new LinkedHashMap<>();
        Map<String, List<Write>> bySequence = new LinkedHashMap<>();
        batch.dirty.forEach((table, ids) -> ids.forEach((id, sequence) -> {
            BsonDocument d = batch.encoded(table, id);
            byTable.computeIfAbsent(table, k -> new ArrayList<>()).add(d);
            bySequence.computeIfAbsent(sequence, k -> new ArrayList<>()).add(new Write(table.name(), d));
        }));
        store.write(JOURNAL.name(), bySequence.entrySet().stream()
                .map(j -> Docs.encode(new BatchJournal(j.getKey(), j.getValue()))).toList(), Set.of());
        for (Table<?> table : writeOrder(batch)) {
            store.write(table.name(), byTable.get(table), batch.absent.getOrDefault(table.name(), Set.of()));
        }
        store.delete(JOURNAL.name(), bySequence.keySet());
    }

    /**
     * A held window: no journal (never resumed from, see {@link #held}), in bulk writes of {@link #WRITE_CHUNK}
     * documents, each encoded just before it is sent — a window is tens of thousands of documents, some of them
     * megabytes, and the embedded server decodes a whole bulk write into the same heap.
     */
    private void writeWindow(Batch batch) {
        for (Table<?> table : writeOrder(batch)) {
            List<String> ids = new ArrayList<>(batch.dirty.get(table).keySet());
            Set<String> absent = batch.absent.getOrDefault(table.name(), Set.of());
            for (int i = 0; i < ids.size(); i += WRITE_CHUNK) {
                store.write(table.name(), ids.subList(i, Math.min(ids.size(), i + WRITE_CHUNK)).stream()
                        .map(id -> batch.encoded(table, id)).toList(), absent);
            }
        }
    }

    /** The tables a batch changed, stream positions last (written after the documents they vouch for). */
    private static List<Table<?>> writeOrder(Batch batch) {
        List<Table<?>> order = new ArrayList<>(batch.dirty.keySet());
        if (order.remove(STREAMS)) {
            order.add(STREAMS);
        }
        return order;
    }

    /** A batch of these sequences stopped between its writes and left its journal: finish its writes. */
    private void redoInterruptedBatches(List<ProjectionEvent> events) {
        Set<String> sequences = new LinkedHashSet<>();
        events.forEach(e -> sequences.add(e.sequenceKey()));
        Map<String, BsonDocument> journals = store.find(JOURNAL.name(), sequences);
        journals.values().forEach(j -> Docs.decode(j, BatchJournal.class).writes()
                .forEach(w -> store.write(w.collection(), List.of(w.document()), Set.of())));
        store.delete(JOURNAL.name(), journals.keySet());
    }

    public List<String> collections() {
        List<String> all = new ArrayList<>();
        projections.forEach(p -> all.addAll(p.collections()));
        all.add(STREAMS.name());
        return all;
    }

    public void reset() {
        synchronized (holding) {
            collections().forEach(store::clear);
            store.clear(JOURNAL.name());
            if (held != null) {
                written.fromEmpty();
                held = new Batch(store, written);
            }
        }
    }

    /**
     * Event {@link #index} of a batch could not be applied (while its documents were looked up or changed in memory):
     * nothing was written, so the batch can be applied again without it (and, when {@link #appliedBefore}, without
     * the events before it). The cause is the original exception (a
     * {@code MongoException} among them means a read failed, not that the event is bad).
     */
    public static final class EventFailedException extends RuntimeException {
        final int index;
        /** The events before {@link #index} were applied to held documents: applying them again would count twice. */
        final boolean appliedBefore;

        EventFailedException(int index, boolean appliedBefore, RuntimeException cause) {
            super("event #" + index + " of the batch cannot be projected: " + cause, cause);
            this.index = index;
            this.appliedBefore = appliedBefore;
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }
}
