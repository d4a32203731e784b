package com.campaigntracker.eventstore;

import java.time.ZoneOffset;
import org.threeten.extra.MutableClock;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class TrackingTest {
    @TempDir
    static Path dir;
    static TestStore store;
    MutableClock clock;

    @BeforeAll
    static void start() {
        store = new TestStore(dir);
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @BeforeEach
    void clean() {
        store.database.drop();
        clock = MutableClock.of(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);
    }

    /** Reads from {@code token} until the store has nothing more; returns the events read. */
    static List<TrackedEventMessage<?>> readAll(TrackerEventStorageEngine engine, TrackingToken token) {
        try (var stream = engine.readEvents(token, false)) {
            return stream.collect(Collectors.toList());
        }
    }

    static TrackingToken last(List<TrackedEventMessage<?>> read, TrackingToken otherwise) {
        return read.isEmpty() ? otherwise : read.get(read.size() - 1).trackingToken();
    }

    @Test
    void readsEverythingInGlobalOrderAcrossManyBatches() {
        TrackerEventStorageEngine engine = store.engine(clock, org.axonframework.serialization.upcasting.event.NoOpEventUpcaster.INSTANCE,
                                                        b -> b.trackingBatchSize(100));
        for (int append = 0; append < 300; append++) {
            List<EventMessage<?>> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                batch.add(TestEvents.activity("agg-" + i, append));
            }
            engine.appendEvents(batch);
        }
        List<TrackedEventMessage<?>> read = readAll(engine, null);
        assertThat(read).hasSize(3000);
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i).trackingToken()).isEqualTo(GapAwareTrackingToken.newInstance(i + 1, List.of()));
        }
        DomainEventMessage<?> e = (DomainEventMessage<?>) read.get(2999);
        assertThat(e.getAggregateIdentifier()).isEqualTo("agg-9");
        assertThat(e.getSequenceNumber()).isEqualTo(299);
        // resuming from any token continues right after it
        assertThat(readAll(engine, read.get(1234).trackingToken())).hasSize(3000 - 1235);
        assertThat(readAll(engine, read.get(2999).trackingToken())).isEmpty();
    }

    @Test
    void deliversEveryEventExactlyOnceWithConcurrentLateAndCrashedWriters() throws Exception {
        TrackerEventStorageEngine engine = store.engine(clock, org.axonframework.serialization.upcasting.event.NoOpEventUpcaster.INSTANCE,
                                                        b -> b.trackingBatchSize(50).maxGapOffset(100_000)
                                                              .holdBack(Duration.ZERO)); // gap machinery alone
        Set<String> written = ConcurrentHashMap.newKeySet();
        List<String> delivered = new CopyOnWriteArrayList<>();
        AtomicReference<TrackingToken> readerToken = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(6);

        Future<?> reader = pool.submit(() -> {
            TrackingToken token = null;
            while (!stop.get()) {
                List<TrackedEventMessage<?>> read = readAll(engine, token);
                read.forEach(e -> delivered.add(e.getIdentifier()));
                token = last(read, token);
                readerToken.set(token);
            }
        });
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int seq = 0; seq < 300; seq += 2) {
                    List<DomainEventMessage<?>> batch = List.of(TestEvents.activity("w" + writer, seq),
                                                                TestEvents.activity("w" + writer, seq + 1));
                    engine.appendEvents(batch);
                    batch.forEach(e -> written.add(e.getIdentifier()));
                }
            }));
        }
        // a late writer: reserves ids now, writes them only after the reader has gone past them, out of order
        List<TrackerEventStorageEngine.PreparedAppend> held = new ArrayList<>();
        List<String> lateIds = new ArrayList<>();
        List<Long> crashedIds = new ArrayList<>();
        long pushed = 0;
        for (int i = 0; i < 5; i++) {
            DomainEventMessage<?> event = TestEvents.activity("late", i);
            TrackerEventStorageEngine.PreparedAppend append = engine.prepare(List.of(event), store.serializer);
            long id = append.reserve();
            held.add(append);
            lateIds.add(event.getIdentifier());
            crashedIds.add(engine.reserve(3)); // a crashed writer: reserves 3 ids, never writes
            for (int k = 0; k < 6; k++) { // events above them even if the other writers are already done
                DomainEventMessage<?> push = TestEvents.activity("pusher", pushed++);
                engine.appendEvents(push);
                written.add(push.getIdentifier());
            }
            long passed = id;
            await().atMost(Duration.ofSeconds(30)).until(() -> position(readerToken.get()) > passed + 5);
        }
        Collections.reverse(held);
        for (TrackerEventStorageEngine.PreparedAppend append : held) {
            append.insert();
        }
        written.addAll(lateIds);
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.size() >= written.size());
        stop.set(true);
        reader.get(30, TimeUnit.SECONDS);

        assertThat(delivered).doesNotHaveDuplicates();
        assertThat(new HashSet<>(delivered)).isEqualTo(written);
        GapAwareTrackingToken token = (GapAwareTrackingToken) readerToken.get();
        assertThat(token.getGaps()).isNotEmpty(); // the crashed writer's ids, still waited for
        assertThat(token.getGaps()).allMatch(gap -> crashedIds.stream().anyMatch(c -> gap > c - 3 && gap <= c));

        // after the gap timeout the crashed writer's ids are given up
        clock.add(Duration.ofSeconds(61));
        engine.appendEvents(TestEvents.activity("after", 0));
        List<TrackedEventMessage<?>> more = readAll(engine, token);
        assertThat(more).hasSize(1);
        assertThat(((GapAwareTrackingToken) more.get(0).trackingToken()).getGaps()).isEmpty();
        pool.shutdownNow();
    }

    @Test
    void aCrashedWriterThatReservedMoreThanAWindowDoesNotStallTheReader() {
        TrackerEventStorageEngine engine = store.engine(clock, org.axonframework.serialization.upcasting.event.NoOpEventUpcaster.INSTANCE,
                                                        b -> b.trackingBatchSize(100).maxGapOffset(1000));
        engine.appendEvents(TestEvents.activity("a", 0));   // id 1
        engine.reserve(400);                                  // ids 2..401: crashed
        engine.appendEvents(TestEvents.activity("a", 1));   // id 402
        engine.reserve(5000);                                 // ids 403..5402: crashed
        engine.appendEvents(TestEvents.activity("a", 2));   // id 5403
        clock.add(Duration.ofSeconds(6));                 // the crashed ids are older than the hold-back

        List<TrackedEventMessage<?>> read = readAll(engine, null);
        assertThat(read).extracting(e -> ((DomainEventMessage<?>) e).getSequenceNumber()).containsExactly(0L, 1L, 2L);
        GapAwareTrackingToken token = (GapAwareTrackingToken) read.get(2).trackingToken();
        assertThat(token.getIndex()).isEqualTo(5403);
        assertThat(token.getGaps()).hasSize(1000).allMatch(gap -> gap >= 4403 && gap < 5403);
        assertThat(readAll(engine, token)).isEmpty();

        clock.add(Duration.ofSeconds(61));
        engine.appendEvents(TestEvents.activity("a", 3));
        List<TrackedEventMessage<?>> after = readAll(engine, token);
        assertThat(after).hasSize(1);
        assertThat(((GapAwareTrackingToken) after.get(0).trackingToken()).getGaps()).isEmpty();
    }

    @Test
    void aGapFilledLateIsDeliveredOnceAndTheTokenRemembersIt() {
        TrackerEventStorageEngine engine = store.engine(clock);
        engine.appendEvents(TestEvents.activity("a", 0));                       // 1
        var late = engine.prepare(List.of(TestEvents.activity("b", 0)), store.serializer);
        late.reserve();                                                          // 2
        engine.appendEvents(TestEvents.activity("a", 1));                       // 3
        clock.add(Duration.ofSeconds(6));     // the writer of 2 is slower than the hold-back
        List<TrackedEventMessage<?>> first = readAll(engine, null);
        assertThat(first).hasSize(2);
        TrackingToken token = first.get(1).trackingToken();
        assertThat(token).isEqualTo(GapAwareTrackingToken.newInstance(3, List.of(2L)));
        late.insert();
        List<TrackedEventMessage<?>> second = readAll(engine, token);
        assertThat(second).singleElement().satisfies(e -> {
            assertThat(((DomainEventMessage<?>) e).getAggregateIdentifier()).isEqualTo("b");
            assertThat(e.trackingToken()).isEqualTo(GapAwareTrackingToken.newInstance(3, List.of()));
        });
        assertThat(readAll(engine, second.get(0).trackingToken())).isEmpty();
    }

    @Test
    void aReaderWaitsForAnIdStillBeingWrittenSoEventsArriveInGlobalOrder() {
        TrackerEventStorageEngine engine = store.engine(clock);
        engine.appendEvents(TestEvents.activity("a", 0));                       // 1
        var inFlight = engine.prepare(List.of(TestEvents.activity("b", 0)), store.serializer);
        inFlight.reserve();                                                      // 2
        engine.appendEvents(TestEvents.activity("a", 1));                       // 3

        List<TrackedEventMessage<?>> first = readAll(engine, null);
        assertThat(first).singleElement()
                .satisfies(e -> assertThat(e.trackingToken()).isEqualTo(GapAwareTrackingToken.newInstance(1, List.of())));

        inFlight.insert();
        List<TrackedEventMessage<?>> second = readAll(engine, first.get(0).trackingToken());
        assertThat(second).extracting(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier())
                .containsExactly("b", "a");
        assertThat(second).extracting(TrackedEventMessage::trackingToken).containsExactly(
                GapAwareTrackingToken.newInstance(2, List.of()), GapAwareTrackingToken.newInstance(3, List.of()));
    }

    @Test
    void theIdsOfAFailedAppendAreSkippedAtOnceWithoutWaiting() {
        TrackerEventStorageEngine engine = store.engine(clock);
        engine.appendEvents(TestEvents.activity("a", 0));                       // 1
        assertThatThrownBy(() -> engine.appendEvents(TestEvents.activity("a", 0)))   // 2: duplicate, fails
                .isInstanceOf(org.axonframework.modelling.command.AggregateStreamCreationException.class);
        engine.appendEvents(TestEvents.activity("a", 1));                       // 3

        List<TrackedEventMessage<?>> read = readAll(engine, null);
        assertThat(read).extracting(e -> ((DomainEventMessage<?>) e).getSequenceNumber()).containsExactly(0L, 1L);
        assertThat(read.get(1).trackingToken()).isEqualTo(GapAwareTrackingToken.newInstance(3, List.of()));
    }

    static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }
}
