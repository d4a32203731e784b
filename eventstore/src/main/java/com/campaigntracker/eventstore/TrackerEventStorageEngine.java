package com.campaigntracker.eventstore;

import com.campaigntracker.eventstore.StoredEventEntry.Fields;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Axon event storage engine on MongoDB with a global, gap-aware sequence, designed so that every hot query is an
 * equality or {@code $in} lookup on a unique single-field index (answered from the index by real MongoDB and by the
 * embedded mongo-java-server alike, whatever the size of the history):
 * <ul>
 *     <li>{@code events}: {@code _id} = global sequence number, reserved from the counter document
 *     {@code counters/events} with one {@code $inc} per append; {@code streamKey} = aggregateId#sequenceNumber with a
 *     unique index, which is the optimistic concurrency check.</li>
 *     <li>aggregate reads: {@code streamKey $in [id#s .. id#s+batch-1]} windows;</li>
 *     <li>tracking reads: {@code _id $in (token gaps ∪ [index+1 .. index+window])} with a
 *     {@link GapAwareTrackingToken};</li>
 *     <li>{@code snapshots}: one latest snapshot per aggregate, {@code _id} = aggregate identifier.</li>
 * </ul>
 * See {@code docs/adr/0001-event-store.md} for the guarantees and limits.
 */
public class TrackerEventStorageEngine extends BatchingEventStorageEngine {
    private static final Logger log = LoggerFactory.getLogger(TrackerEventStorageEngine.class);

    static final String EVENTS = "events";
    static final String SNAPSHOTS = "snapshots";
    static final String COUNTERS = "counters";
    static final String EVENTS_COUNTER = "events";
    static final String SEQ = "seq";

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> counters;
    private final DurabilityBarrier durabilityBarrier;
    private final Clock clock;
    private final int trackingBatchSize;
    private final long gapTimeoutMillis;
    private final long holdBackMillis;
    private final int maxGapOffset;
    private final java.util.concurrent.ExecutorService prefetcher;
    private final java.util.concurrent.atomic.AtomicReference<Prefetch> pending =
            new java.util.concurrent.atomic.AtomicReference<>();

    protected TrackerEventStorageEngine(Builder builder) {
        super(builder);
        WriteConcern writeConcern = builder.writeConcern;
        MongoDatabase database = builder.database;
        this.events = database.getCollection(EVENTS).withWriteConcern(writeConcern);
        this.snapshots = database.getCollection(SNAPSHOTS).withWriteConcern(writeConcern);
        this.counters = database.getCollection(COUNTERS).withWriteConcern(writeConcern);
        this.durabilityBarrier = builder.durabilityBarrier;
        this.clock = builder.clock;
        this.trackingBatchSize = builder.trackingBatchSize;
        this.gapTimeoutMillis = builder.gapTimeout.toMillis();
        this.holdBackMillis = builder.holdBack.toMillis();
        this.maxGapOffset = builder.maxGapOffset;
        this.prefetcher = builder.readAhead ? java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "tracker-event-read-ahead");
            thread.setDaemon(true);
            return thread;
        }) : null;
        ensureIndexes(builder.secondaryIndexes);
        repairCounter();
    }

    public static Builder builder() {
        return new Builder();
    }

    private void ensureIndexes(boolean secondaryIndexes) {
        events.createIndex(Indexes.ascending(Fields.STREAM_KEY), new IndexOptions().unique(true).name("streamKey"));
        if (secondaryIndexes) {
            // for real MongoDB only (ad-hoc queries, admin tools); the engine itself never relies on it
            events.createIndex(Indexes.ascending(Fields.AGGREGATE_ID, Fields.SEQUENCE_NUMBER),
                               new IndexOptions().name("aggregate_sequence"));
        }
    }

    // ------------------------------------------------------------------------------------------------ appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        PreparedAppend append = prepare(events, serializer);
        long last = append.reserveAndInsert();
        durabilityBarrier.awaitDurable();
        AppendPosition.record(last);
    }

    /** Serializes the events into documents; ids are reserved only right before the insert. */
    PreparedAppend prepare(List<? extends EventMessage<?>> messages, Serializer serializer) {
        Class<?> representation = serializer.canSerializeTo(JsonNode.class) ? JsonNode.class : String.class;
        List<Document> documents = new ArrayList<>(messages.size());
        for (EventMessage<?> message : messages) {
            documents.add(toDocument(message, serializer, representation));
        }
        return new PreparedAppend(messages, documents);
    }

    private Document toDocument(EventMessage<?> message, Serializer serializer, Class<?> representation) {
        String aggregateId;
        long sequenceNumber;
        String type;
        if (message instanceof DomainEventMessage<?> domainEvent) {
            aggregateId = domainEvent.getAggregateIdentifier();
            sequenceNumber = domainEvent.getSequenceNumber();
            type = domainEvent.getType();
        } else {
            aggregateId = message.getIdentifier();
            sequenceNumber = 0;
            type = null;
        }
        SerializedObject<?> payload = message.serializePayload(serializer, representation);
        SerializedObject<?> metaData = message.serializeMetaData(serializer, representation);
        Document document = new Document(Fields.ID, null); // keeps _id first; set when reserved
        document.append(Fields.AGGREGATE_ID, aggregateId)
                .append(Fields.SEQUENCE_NUMBER, sequenceNumber)
                .append(Fields.TYPE, type)
                .append(Fields.STREAM_KEY, streamKey(aggregateId, sequenceNumber))
                .append(Fields.EVENT_ID, message.getIdentifier())
                .append(Fields.TIMESTAMP, message.getTimestamp().toString())
                .append(Fields.RESERVED_AT, 0L)
                .append(Fields.PAYLOAD_TYPE, payload.getType().getName())
                .append(Fields.PAYLOAD_REVISION, payload.getType().getRevision())
                .append(Fields.PAYLOAD, stored(payload.getData()))
                .append(Fields.META_DATA, stored(metaData.getData()));
        return document;
    }

    /** JSON objects become sub-documents; anything else is kept as its serialized text. */
    private static Object stored(Object data) {
        if (data instanceof JsonNode node) {
            return node.isObject() ? BsonJson.toBson(node) : node.toString();
        }
        return data;
    }

    static String streamKey(String aggregateId, long sequenceNumber) {
        return aggregateId + "#" + sequenceNumber;
    }

    /**
     * Reserves {@code count} consecutive global ids; returns the highest. Asks for the document as it was BEFORE the
     * increment: mongo-java-server 1.47 answers {@code returnDocument: after} with its live document, which a
     * concurrent increment can change before the reply is encoded (two writers then got the same ids in a trial).
     */
    long reserve(int count) {
        Document before = counters.findOneAndUpdate(Filters.eq(Fields.ID, EVENTS_COUNTER),
                                                    Updates.inc(SEQ, (long) count),
                                                    new FindOneAndUpdateOptions().upsert(true)
                                                                                 .returnDocument(ReturnDocument.BEFORE));
        long previous = before == null || before.get(SEQ) == null ? 0 : ((Number) before.get(SEQ)).longValue();
        return previous + count;
    }

    /**
     * Highest global id reserved so far (events up to it may still be in flight). The query side uses it as "the
     * head of the store".
     */
    public long headPosition() {
        Document counter = counters.find(Filters.eq(Fields.ID, EVENTS_COUNTER)).first();
        return counter == null ? 0 : ((Number) counter.get(SEQ)).longValue();
    }

    /**
     * The embedded store commits all its maps as one version, but a crash can still leave events whose counter
     * increment was not part of the last commit: move the counter past any event found above it.
     */
    private void repairCounter() {
        while (true) {
            long head = headPosition();
            List<Long> probe = new ArrayList<>();
            for (long id = head + 1; id <= head + 1000; id++) {
                probe.add(id);
            }
            long highest = head;
            for (Document d : events.find(Filters.in(Fields.ID, probe)).projection(Projections.include(Fields.ID))) {
                highest = Math.max(highest, ((Number) d.get(Fields.ID)).longValue());
            }
            if (highest == head) {
                return;
            }
            log.warn("event counter at {} but events exist up to {}: moving the counter", head, highest);
            counters.updateOne(Filters.eq(Fields.ID, EVENTS_COUNTER), Updates.max(SEQ, highest),
                               new com.mongodb.client.model.UpdateOptions().upsert(true));
        }
    }

    /** An append whose documents are serialized; {@link #reserveAndInsert()} gives them ids and writes them. */
    final class PreparedAppend {
        private final List<? extends EventMessage<?>> messages;
        private final List<Document> documents;
        private long first = -1;

        private PreparedAppend(List<? extends EventMessage<?>> messages, List<Document> documents) {
            this.messages = messages;
            this.documents = documents;
        }

        /** Reserves the ids (first step of an append); returns the highest. */
        long reserve() {
            long last = TrackerEventStorageEngine.this.reserve(documents.size());
            first = last - documents.size() + 1;
            long reservedAt = clock.millis(); // read after the reservation: see the gap timeout in fetchTrackedEvents
            for (int i = 0; i < documents.size(); i++) {
                documents.get(i).put(Fields.ID, first + i);
                documents.get(i).put(Fields.RESERVED_AT, reservedAt);
            }
            return last;
        }

        /** Writes the documents with the reserved ids (second step); on a duplicate stream key throws Axon's exception. */
        void insert() {
            try {
                events.insertMany(documents, new InsertManyOptions().ordered(true));
            } catch (MongoBulkWriteException e) {
                int failed = e.getWriteErrors().isEmpty() ? 0 : e.getWriteErrors().get(0).getIndex();
                undo(failed);
                if (isDuplicateId(e)) {
                    throw new DuplicateIdException(e);
                }
                handlePersistenceException(e, messages.get(failed));
            } catch (RuntimeException e) {
                handlePersistenceException(e, messages.get(0));
            }
        }

        List<Document> documents() {
            return documents;
        }

        long reserveAndInsert() {
            for (int attempt = 1; ; attempt++) {
                long last = reserve();
                try {
                    insert();
                    return last;
                } catch (DuplicateIdException e) {
                    if (attempt >= 5) {
                        handlePersistenceException(e.cause, messages.get(0));
                    }
                    repairCounter();
                }
            }
        }

        /**
         * An ordered insert stops at the first failure. Every id this append reserved becomes a skip marker
         * (replacing what it already wrote), so tracking readers, which wait for a young unwritten id rather than
         * deliver past it, know at once that nothing will come at those ids.
         */
        private void undo(int insertedCount) {
            String at = clock.instant().toString();
            long now = clock.millis();
            for (int i = 0; i < documents.size(); i++) {
                long id = first + i;
                events.replaceOne(Filters.eq(Fields.ID, id), new Document(Fields.ID, id)
                                .append(Fields.SKIPPED, true)
                                .append(Fields.STREAM_KEY, "#skipped#" + id)
                                .append(Fields.TIMESTAMP, at)
                                .append(Fields.RESERVED_AT, now),
                        new com.mongodb.client.model.ReplaceOptions().upsert(true));
            }
        }
    }

    private static boolean isDuplicateId(MongoBulkWriteException e) {
        for (BulkWriteError error : e.getWriteErrors()) {
            if (error.getCode() == 11000 && error.getMessage() != null && error.getMessage().contains("_id_")) {
                return true;
            }
        }
        return false;
    }

    private static final class DuplicateIdException extends RuntimeException {
        private final MongoBulkWriteException cause;

        private DuplicateIdException(MongoBulkWriteException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    /** Duplicate key (11000) on insert = another writer already appended that aggregate sequence number. */
    static final PersistenceExceptionResolver DUPLICATE_KEY_RESOLVER = e -> {
        if (e instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream().anyMatch(error -> error.getCode() == 11000);
        }
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return false;
    };

    // ------------------------------------------------------------------------------------------------ snapshots

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Class<?> representation = serializer.canSerializeTo(JsonNode.class) ? JsonNode.class : String.class;
        Document document = toDocument(snapshot, serializer, representation);
        document.put(Fields.ID, snapshot.getAggregateIdentifier());
        document.remove(Fields.STREAM_KEY);
        document.remove(Fields.RESERVED_AT);
        Document existing = snapshots.find(Filters.eq(Fields.ID, snapshot.getAggregateIdentifier()))
                                     .projection(Projections.include(Fields.SEQUENCE_NUMBER)).first();
        if (existing != null
                && ((Number) existing.get(Fields.SEQUENCE_NUMBER)).longValue() >= snapshot.getSequenceNumber()) {
            return; // a newer (or the same) snapshot is already there
        }
        snapshots.replaceOne(Filters.eq(Fields.ID, snapshot.getAggregateIdentifier()), document,
                             new ReplaceOptions().upsert(true));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document document = snapshots.find(Filters.eq(Fields.ID, aggregateIdentifier)).first();
        return document == null ? Stream.empty() : Stream.of(new StoredEventEntry(document));
    }

    // ------------------------------------------------------------------------------------------------ aggregates

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                   int batchSize) {
        // Most streams are a few events long (an activity: recorded, perhaps corrected), and a read from past the
        // start is mostly a rule's lookup catching up with a stream it has folded (FoldingLookup), which finds
        // nothing new. So the keys are asked for a few at first (one past the start) and in doubling chunks while
        // every one asked for exists (streams are contiguous: a short chunk is the stream's end). Asking for all
        // batchSize keys at once cost the embedded server one index lookup per absent key, 100 per read of a
        // one-event stream and several reads per command: a third of its CPU under a 台账 import (JFR, 30 Nov).
        // Returns batchSize events, or every remaining one.
        List<StoredEventEntry> result = new ArrayList<>();
        long next = firstSequenceNumber;
        int ask = Math.min(batchSize, firstSequenceNumber == 0 ? FIRST_STREAM_CHUNK : 1);
        while (ask > 0) {
            List<String> keys = new ArrayList<>(ask);
            for (long seq = next; seq < next + ask; seq++) {
                keys.add(streamKey(aggregateIdentifier, seq));
            }
            int found = 0;
            for (Document document : events.find(Filters.in(Fields.STREAM_KEY, keys)).batchSize(ask)) {
                result.add(new StoredEventEntry(document));
                found++;
            }
            if (found < ask) {
                break;
            }
            next += ask;
            ask = Math.min(2 * ask, batchSize - result.size());
        }
        result.sort(Comparator.comparingLong(StoredEventEntry::getSequenceNumber));
        return result;
    }

    /** The keys asked for first when reading a stream (see {@link #fetchDomainEvents}). */
    static final int FIRST_STREAM_CHUNK = 8;

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        if (!exists(aggregateIdentifier, 0)) {
            return Optional.empty();
        }
        // streams are contiguous from 0: gallop to a missing sequence number, then bisect
        long present = 0;
        long missing = 1;
        while (exists(aggregateIdentifier, missing)) {
            present = missing;
            missing = missing * 2;
        }
        while (missing - present > 1) {
            long mid = present + (missing - present) / 2;
            if (exists(aggregateIdentifier, mid)) {
                present = mid;
            } else {
                missing = mid;
            }
        }
        return Optional.of(present);
    }

    private boolean exists(String aggregateIdentifier, long sequenceNumber) {
        return events.find(Filters.eq(Fields.STREAM_KEY, streamKey(aggregateIdentifier, sequenceNumber)))
                     .projection(Projections.include(Fields.ID)).first() != null;
    }

    // ------------------------------------------------------------------------------------------------ tracking

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException("Unsupported token format: " + lastToken);
        }
        GapAwareTrackingToken start = (GapAwareTrackingToken) lastToken;
        long index = start == null ? 0 : start.getIndex();
        TreeSet<Long> gaps = start == null ? new TreeSet<>() : new TreeSet<>(start.getGaps());
        long timedOutBefore = clock.millis() - gapTimeoutMillis;
        if (!gaps.isEmpty()) {
            dropTimedOutGaps(gaps, timedOutBefore);
        }

        int window = Math.max(batchSize, trackingBatchSize);
        List<Long> ids = new ArrayList<>(gaps.size() + window);
        ids.addAll(gaps);
        for (long id = index + 1; id <= index + window; id++) {
            ids.add(id);
        }
        List<Document> found = prefetched(ids);
        if (found == null) {
            found = findByIds(ids);
        }
        if (found.isEmpty()) {
            found = slideForward(index, window);
        }
        found.sort(Comparator.comparingLong(TrackerEventStorageEngine::idOf));

        List<TrackedEventData<?>> result = new ArrayList<>(found.size());
        long youngerThan = clock.millis() - holdBackMillis;
        for (Document document : found) {
            long id = idOf(document);
            if (holdBackMillis > 0 && id > index + 1 && reservedAt(document) >= youngerThan) {
                // An id below this one is reserved but not written yet: its append is almost surely still in
                // flight. Waiting for it delivers events in global order, the order a replay sees, so a read model
                // built live equals one rebuilt from scratch. Only an id unwritten for longer than the hold-back
                // (a writer that died) is passed and tracked as a gap.
                break;
            }
            if (id > index) {
                for (long missing = Math.max(index + 1, id - maxGapOffset); missing < id; missing++) {
                    gaps.add(missing);
                }
                index = id;
            } else {
                gaps.remove(id);
            }
            // Every id below this one was reserved before it, and reservedAt was read after its reservation:
            // if reservedAt is older than the gap timeout, so is every gap below it.
            if (!gaps.isEmpty() && reservedAt(document) < timedOutBefore) {
                gaps.headSet(id).clear();
            }
            if (!gaps.isEmpty()) {
                gaps.headSet(index - maxGapOffset).clear();
            }
            if (Boolean.TRUE.equals(document.get(Fields.SKIPPED))) {
                continue;
            }
            GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(index, gaps);
            result.add(new TrackedDomainEventData<>(token, new StoredEventEntry(document)));
        }
        if (result.size() >= window) {
            // catching up: fetch the next window while the caller deserializes and handles this one
            List<Long> next = new ArrayList<>(gaps.size() + window);
            next.addAll(gaps);
            for (long id = index + 1; id <= index + window; id++) {
                next.add(id);
            }
            prefetch(next);
        }
        return result;
    }

    /**
     * Read-ahead for catching-up readers (replays): the next window's query runs on a background thread while the
     * caller processes the current batch. It is used only by a call that asks for exactly the same ids; documents
     * written after it ran are not lost, since ids it did not find stay gaps or stay above the index and are asked
     * for again by the following fetch.
     */
    private void prefetch(List<Long> ids) {
        if (prefetcher == null) {
            return;
        }
        try {
            pending.set(new Prefetch(ids, prefetcher.submit(() -> findByIds(ids))));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
    }

    private List<Document> prefetched(List<Long> ids) {
        Prefetch prefetch = pending.getAndSet(null);
        if (prefetch == null || !prefetch.ids.equals(ids)) {
            return null;
        }
        try {
            return prefetch.documents.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        }
    }

    private record Prefetch(List<Long> ids, java.util.concurrent.Future<List<Document>> documents) {
    }

    /** Stops the read-ahead thread. */
    public void shutdown() {
        if (prefetcher != null) {
            prefetcher.shutdownNow();
        }
    }

    private List<Document> findByIds(List<Long> ids) {
        List<Document> found = new ArrayList<>();
        events.find(Filters.in(Fields.ID, ids)).batchSize(ids.size()).into(found);
        return found;
    }

    /**
     * The window after the token is empty. If the counter says ids beyond it were reserved, a writer crashed (or is
     * still writing a large append): look further, window by window up to maxGapOffset, so such ids become gaps
     * instead of stalling the reader. Beyond that a range query (index-backed on MongoDB; a scan on the embedded
     * server, only after a crash that left more than maxGapOffset ids unused) finds the next event.
     */
    private List<Document> slideForward(long index, int window) {
        long head = headPosition();
        long from = index + window + 1;
        if (head < from) {
            return new ArrayList<>();
        }
        long limit = Math.min(head, index + Math.max(maxGapOffset, window));
        int chunk = Math.max(window, 1000);
        for (long lo = from; lo <= limit; lo += chunk) {
            List<Long> ids = new ArrayList<>(chunk);
            for (long id = lo; id < lo + chunk && id <= limit; id++) {
                ids.add(id);
            }
            List<Document> found = findByIds(ids);
            if (!found.isEmpty()) {
                return found;
            }
        }
        if (limit >= head) {
            return new ArrayList<>();
        }
        List<Document> found = new ArrayList<>();
        events.find(Filters.gt(Fields.ID, limit)).sort(Sorts.ascending(Fields.ID)).limit(window).into(found);
        return found;
    }

    /**
     * For each run of gaps, looks at the event just above it; if that event's ids were reserved longer than the gap
     * timeout ago, every gap below it is older still and will not be filled any more (its writer failed or died).
     */
    private void dropTimedOutGaps(TreeSet<Long> gaps, long timedOutBefore) {
        List<Long> probes = new ArrayList<>();
        Long previous = null;
        for (Long gap : gaps) {
            if (previous != null && gap != previous + 1) {
                probes.add(previous + 1);
            }
            previous = gap;
        }
        probes.add(previous + 1);
        long dropBelow = Long.MIN_VALUE;
        for (Document d : events.find(Filters.in(Fields.ID, probes))
                                .projection(Projections.include(Fields.ID, Fields.RESERVED_AT))) {
            if (reservedAt(d) < timedOutBefore) {
                dropBelow = Math.max(dropBelow, idOf(d));
            }
        }
        if (dropBelow != Long.MIN_VALUE) {
            gaps.headSet(dropBelow).clear();
        }
    }

    private static long idOf(Document document) {
        return ((Number) document.get(Fields.ID)).longValue();
    }

    private static long reservedAt(Document document) {
        Object value = document.get(Fields.RESERVED_AT);
        return value == null ? 0 : ((Number) value).longValue();
    }

    @Override
    public TrackingToken createTailToken() {
        return GapAwareTrackingToken.newInstance(0, List.of());
    }

    /**
     * The position of the newest event. Ids in the last stretch below the counter that are not (yet) there are
     * gaps, so events still being written when the token is created are not skipped.
     */
    @Override
    public TrackingToken createHeadToken() {
        long head = headPosition();
        if (head == 0) {
            return createTailToken();
        }
        long from = Math.max(1, head - Math.min(maxGapOffset, 1000) + 1);
        List<Long> ids = new ArrayList<>();
        for (long id = from; id <= head; id++) {
            ids.add(id);
        }
        TreeSet<Long> present = new TreeSet<>();
        for (Document d : events.find(Filters.in(Fields.ID, ids)).projection(Projections.include(Fields.ID))) {
            present.add(idOf(d));
        }
        if (present.isEmpty()) {
            return GapAwareTrackingToken.newInstance(from - 1, List.of());
        }
        long index = present.last();
        List<Long> gaps = new ArrayList<>();
        for (long id = from; id < index; id++) {
            if (!present.contains(id)) {
                gaps.add(id);
            }
        }
        return GapAwareTrackingToken.newInstance(index, gaps);
    }

    /** Token just before the first event (by global id) whose timestamp is at or after {@code dateTime}. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        long head = headPosition();
        long lo = 1;
        long hi = head + 1;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            Document probe = firstAtOrAfter(mid, hi - 1);
            if (probe == null || !Instant.parse(probe.getString(Fields.TIMESTAMP)).isBefore(dateTime)) {
                hi = mid;
            } else {
                lo = idOf(probe) + 1;
            }
        }
        if (lo > head) {
            return createHeadToken();
        }
        return GapAwareTrackingToken.newInstance(lo - 1, List.of());
    }

    private Document firstAtOrAfter(long from, long to) {
        for (long lo = from; lo <= to; lo += 64) {
            List<Long> ids = new ArrayList<>(64);
            for (long id = lo; id < lo + 64 && id <= to; id++) {
                ids.add(id);
            }
            Document first = null;
            for (Document d : events.find(Filters.in(Fields.ID, ids))
                                    .projection(Projections.include(Fields.ID, Fields.TIMESTAMP))) {
                if (first == null || idOf(d) < idOf(first)) {
                    first = d;
                }
            }
            if (first != null) {
                return first;
            }
        }
        return null;
    }

    /** Gap timeout in milliseconds (for tests and diagnostics). */
    long gapTimeoutMillis() {
        return gapTimeoutMillis;
    }

    MongoCollection<Document> eventCollection() {
        return events;
    }

    // ------------------------------------------------------------------------------------------------ builder

    /**
     * Builder; besides Axon's settings: the database, the durability barrier (group commit on the embedded store),
     * the clock, the tracking window, the gap timeout and maxGapOffset.
     */
    public static class Builder extends BatchingEventStorageEngine.Builder {
        private MongoDatabase database;
        private DurabilityBarrier durabilityBarrier = DurabilityBarrier.NONE;
        private Clock clock = Clock.systemUTC();
        private int trackingBatchSize = 500;
        private Duration gapTimeout = Duration.ofSeconds(60);
        private Duration holdBack = Duration.ofSeconds(5);
        private int maxGapOffset = 1000;
        private WriteConcern writeConcern = WriteConcern.ACKNOWLEDGED;
        private boolean secondaryIndexes = true;
        private boolean readAhead = true;

        public Builder() {
            persistenceExceptionResolver(DUPLICATE_KEY_RESOLVER);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder durabilityBarrier(DurabilityBarrier durabilityBarrier) {
            this.durabilityBarrier = durabilityBarrier;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Ids asked for per tracking query (default 500). */
        public Builder trackingBatchSize(int trackingBatchSize) {
            if (trackingBatchSize <= 0) {
                throw new IllegalArgumentException("trackingBatchSize must be positive");
            }
            this.trackingBatchSize = trackingBatchSize;
            return this;
        }

        /** How long a reserved id may stay missing before tracking readers stop waiting for it (default 60 s). */
        /** How long a tracking reader waits for an unwritten id before passing it (and tracking it as a gap). */
        public Builder holdBack(Duration holdBack) {
            this.holdBack = holdBack;
            return this;
        }

        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        /** How far (in ids) a gap may lie behind the token's index before it is dropped (default 1000). */
        public Builder maxGapOffset(int maxGapOffset) {
            if (maxGapOffset <= 0) {
                throw new IllegalArgumentException("maxGapOffset must be positive");
            }
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        /** Write concern for appends (majority + journal on a real MongoDB). */
        public Builder writeConcern(WriteConcern writeConcern) {
            this.writeConcern = writeConcern;
            return this;
        }

        /** Whether to declare secondary (non-unique) indexes; the embedded server ignores them. */
        public Builder secondaryIndexes(boolean secondaryIndexes) {
            this.secondaryIndexes = secondaryIndexes;
            return this;
        }

        /** Whether catching-up tracking reads fetch the next window in the background (default true). */
        public Builder readAhead(boolean readAhead) {
            this.readAhead = readAhead;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver resolver) {
            super.persistenceExceptionResolver(resolver);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotFilter(Predicate<? super DomainEventData<?>> snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() {
            super.validate();
            if (database == null) {
                throw new org.axonframework.common.AxonConfigurationException("database is required");
            }
        }

        public TrackerEventStorageEngine build() {
            validate();
            return new TrackerEventStorageEngine(this);
        }
    }
}
