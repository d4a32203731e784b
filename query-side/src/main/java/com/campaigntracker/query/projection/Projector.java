package com.campaigntracker.query.projection;

import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a batch of events to every read model (see query-side/README.md, "The projection core"): one $in per
 * collection, the events in memory, one bulk write per collection. Idempotent: {@value #STREAMS} keeps the last
 * applied sequence per event stream and later batches skip anything at or below it. Cut-short batches: before
 * writing, {@value #JOURNAL} keeps per sequence what the batch overwrites; a batch that finds a journal of one of
 * its sequences (its predecessor stopped between two writes) puts those documents back first.
 */
public class Projector {
    public static final String STREAMS = "rm_streams";
    public static final String JOURNAL = "rm_batch_journal";

    private final DocStore store;
    private final List<Projection> projections;

    public Projector(DocStore store, List<Projection> projections) {
        this.store = store;
        this.projections = List.copyOf(projections);
    }

    /**
     * Applies the batch and writes the changed documents; returns the ids of the campaigns it changed.
     *
     * @throws EventFailedException when an event cannot be applied in memory; then nothing has been written
     */
    public Set<String> apply(List<ProjectionEvent> events) {
        undoInterruptedBatches(events);
        Batch batch = new Batch(store);
        for (int i = 0; i < events.size(); i++) {
            ProjectionEvent e = events.get(i);
            run(i, () -> {
                if (e.sequence() != null) {
                    batch.want(STREAMS, e.streamId());
                }
                projections.forEach(p -> p.needs(e, batch));
            });
        }
        batch.load();
        for (int i = 0; i < events.size(); i++) {
            ProjectionEvent e = events.get(i);
            run(i, () -> {
                batch.sequence = e.sequenceKey();
                if (e.sequence() != null) {
                    Document stream = batch.get(STREAMS, e.streamId());
                    if (stream != null && stream.getLong("seq") >= e.sequence()) {
                        return;
                    }
                    batch.changed(STREAMS, new Document("_id", e.streamId()).append("seq", e.sequence()));
                }
                projections.forEach(p -> p.apply(e, batch));
            });
        }
        write(batch);
        return batch.touchedCampaigns();
    }

    private static void run(int index, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException x) {
            throw new EventFailedException(index, x);
        }
    }

    /** Journal first, then every collection (stream positions last), then the journal goes. */
    private void write(Batch batch) {
        Map<String, List<Document>> journal = new LinkedHashMap<>();
        batch.dirty.forEach((collection, docs) -> {
            Map<String, Document> before = batch.loaded.computeIfAbsent(collection, k -> new LinkedHashMap<>());
            List<String> unread = docs.keySet().stream().filter(id -> !before.containsKey(id)).toList();
            Map<String, Document> stored = store.find(collection, unread); // written without being read (a full page)
            unread.forEach(id -> before.put(id, stored.getOrDefault(id, Batch.ABSENT)));
            docs.keySet().forEach(id -> journal.computeIfAbsent(batch.writer.get(collection).get(id),
                    k -> new ArrayList<>()).add(new Document("c", collection).append("id", id)
                    .append("before", before.get(id) == Batch.ABSENT ? null : before.get(id))));
        });
        store.write(JOURNAL, journal.entrySet().stream()
                .map(j -> new Document("_id", j.getKey()).append("entries", j.getValue())).toList(), Set.of());
        List<String> order = new ArrayList<>(batch.dirty.keySet());
        order.sort((a, b) -> Boolean.compare(a.equals(STREAMS), b.equals(STREAMS)));
        for (String collection : order) {
            Set<String> absent = new LinkedHashSet<>();
            batch.loaded.get(collection).forEach((id, d) -> {
                if (d == Batch.ABSENT) {
                    absent.add(id);
                }
            });
            store.write(collection, batch.dirty.get(collection).values(), absent);
        }
        store.delete(JOURNAL, journal.keySet());
    }

    /** A batch of these sequences that stopped between its writes left its journal: put back what it changed. */
    @SuppressWarnings("unchecked")
    private void undoInterruptedBatches(List<ProjectionEvent> events) {
        Set<String> sequences = new LinkedHashSet<>();
        events.forEach(e -> sequences.add(e.sequenceKey()));
        Map<String, Document> journals = store.find(JOURNAL, sequences);
        Map<String, List<Document>> restore = new LinkedHashMap<>();
        Map<String, List<String>> remove = new LinkedHashMap<>();
        for (Document journal : journals.values()) {
            for (Document entry : (List<Document>) journal.get("entries")) {
                Document was = (Document) entry.get("before");
                if (was == null) {
                    remove.computeIfAbsent(entry.getString("c"), k -> new ArrayList<>()).add(entry.getString("id"));
                } else {
                    restore.computeIfAbsent(entry.getString("c"), k -> new ArrayList<>()).add(was);
                }
            }
        }
        restore.forEach((collection, docs) -> store.write(collection, docs, Set.of()));
        remove.forEach(store::delete);
        store.delete(JOURNAL, journals.keySet());
    }

    public List<String> collections() {
        List<String> all = new ArrayList<>();
        projections.forEach(p -> all.addAll(p.collections()));
        all.add(STREAMS);
        return all;
    }

    public void reset() {
        collections().forEach(store::clear);
        store.clear(JOURNAL);
    }

    public List<Projection> projections() {
        return projections;
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
