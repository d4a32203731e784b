package com.campaigntracker.eventstore;

import java.time.ZoneOffset;
import org.threeten.extra.MutableClock;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineBasicsTest {
    @TempDir
    static Path dir;
    static TestStore store;
    MutableClock clock;
    TrackerEventStorageEngine engine;

    @BeforeAll
    static void start() {
        store = new TestStore(dir);
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @BeforeEach
    void engine() {
        store.database.drop();
        clock = MutableClock.of(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);
        engine = store.engine(clock);
    }

    private static List<DomainEventMessage<?>> stream(String id, long from, long toExclusive) {
        return LongStream.range(from, toExclusive).mapToObj(seq -> TestEvents.activity(id, seq))
                         .collect(Collectors.toList());
    }

    @Test
    void readsAnAggregateStreamLongerThanOneWindowInOrder() {
        String id = "campaign-" + UUID.randomUUID();
        for (long from = 0; from < 250; from += 50) {
            engine.appendEvents(stream(id, from, from + 50));
        }
        engine.appendEvents(stream("other", 0, 10));

        List<? extends DomainEventMessage<?>> read = engine.readEvents(id).asStream().toList();
        assertThat(read).hasSize(250);
        assertThat(read).extracting(DomainEventMessage::getSequenceNumber)
                        .containsExactlyElementsOf(LongStream.range(0, 250).boxed().toList());
        TestEvents.ActivityRecorded payload = (TestEvents.ActivityRecorded) read.get(123).getPayload();
        assertThat(payload).isEqualTo(TestEvents.activity(id, 123).getPayload());
        assertThat(read.get(123).getMetaData()).containsEntry("issuedBy", "coordinator-1");
        assertThat(read.get(123).getType()).isEqualTo("Campaign");

        assertThat(engine.readEvents(id, 200).asStream().count()).isEqualTo(50);
        assertThat(engine.lastSequenceNumberFor(id)).contains(249L);
        assertThat(engine.lastSequenceNumberFor("other")).contains(9L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
        assertThat(engine.readEvents("nobody").asStream()).isEmpty();
    }

    @Test
    void readsStreamsOfEveryLengthAroundItsReadChunksWhole() {
        // a stream is read a few keys at first, then in doubling chunks up to the batch: every boundary, every length
        int[] lengths = {1, 7, 8, 9, 23, 24, 25, 99, 100, 101, 199, 200, 201};
        for (int n : lengths) {
            engine.appendEvents(stream("len-" + n, 0, n));
        }
        for (int n : lengths) {
            assertThat(engine.readEvents("len-" + n).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                    .as("a stream of %d events", n)
                    .containsExactlyElementsOf(LongStream.range(0, n).boxed().toList());
            assertThat(engine.readEvents("len-" + n, n / 2).asStream().map(DomainEventMessage::getSequenceNumber)
                    .toList()).as("the second half of %d", n)
                    .containsExactlyElementsOf(LongStream.range(n / 2, n).boxed().toList());
            assertThat(engine.readEvents("len-" + n, n).asStream()).as("past the end of %d", n).isEmpty();
        }
    }

    @Test
    void storesPayloadAndMetaDataAsReadableSubDocuments() {
        engine.appendEvents(TestEvents.activity("c1", 0));
        Document stored = engine.eventCollection().find().first();
        assertThat(stored.get("_id")).isEqualTo(1L);
        assertThat(stored.getString("streamKey")).isEqualTo("c1#0");
        assertThat(stored.get("payload", Document.class).getString("title")).isEqualTo("文明路口引导行动 第0场");
        assertThat(stored.get("payload", Document.class).getString("date")).isEqualTo("2024-06-01");
        assertThat(stored.get("metaData", Document.class).getString("issuedBy")).isEqualTo("coordinator-1");
        assertThat(stored.getString("payloadType")).isEqualTo(TestEvents.ActivityRecorded.class.getName());
    }

    @Test
    void keepsOnlyTheLatestSnapshot() {
        String id = "campaign-s";
        engine.appendEvents(stream(id, 0, 30));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Campaign", id, 19, "state@19"));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Campaign", id, 9, "state@9")); // older: ignored
        assertThat(engine.readSnapshot(id)).get().extracting(DomainEventMessage::getPayload).isEqualTo("state@19");
        engine.storeSnapshot(new GenericDomainEventMessage<>("Campaign", id, 29, "state@29"));
        assertThat(engine.readSnapshot(id)).get().extracting(DomainEventMessage::getSequenceNumber).isEqualTo(29L);
        assertThat(store.database.getCollection("snapshots").countDocuments()).isEqualTo(1);
        assertThat(engine.readSnapshot("none")).isEmpty();
    }

    @Test
    void concurrentAppendsOfTheSameSequenceNumberLetExactlyOneWin() throws Exception {
        String id = "campaign-c";
        engine.appendEvents(stream(id, 0, 5));
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            writers.add(CompletableFuture.runAsync(() -> {
                await(go);
                engine.appendEvents(stream(id, 5, 8));
            }));
        }
        go.countDown();
        int failures = 0;
        for (CompletableFuture<Void> writer : writers) {
            try {
                writer.get();
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ConcurrencyException.class);
                failures++;
            }
        }
        assertThat(failures).isEqualTo(1);
        assertThat(engine.readEvents(id).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .containsExactlyElementsOf(LongStream.range(0, 8).boxed().toList());

        assertThatThrownBy(() -> engine.appendEvents(TestEvents.activity(id, 0)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> engine.appendEvents(TestEvents.activity(id, 7)))
                .isInstanceOf(ConcurrencyException.class);
    }

    @Test
    void aFailedAppendOfSeveralAggregatesLeavesNothingBehind() {
        engine.appendEvents(TestEvents.activity("b", 0));
        List<EventMessage<?>> both = List.of(TestEvents.activity("a", 0), TestEvents.activity("b", 0));
        assertThatThrownBy(() -> engine.appendEvents(both)).isInstanceOf(AggregateStreamCreationException.class);
        assertThat(engine.readEvents("a").asStream()).isEmpty();
        // the failed append's ids hold skip markers, never events
        try (var tracked = engine.readEvents(null, false)) {
            assertThat(tracked.map(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier()).toList())
                    .containsExactly("b");
        }
    }

    @Test
    void recordsTheAppendPositionOfTheCallingThread() {
        AppendPosition.clear();
        assertThat(AppendPosition.lastAppended()).isEmpty();
        engine.appendEvents(stream("p", 0, 3));
        assertThat(AppendPosition.lastAppended()).hasValue(3);
        assertThat(engine.headPosition()).isEqualTo(3);
        AppendPosition.clear();
        assertThat(AppendPosition.lastAppended()).isEmpty();
    }

    @Test
    void storesEventsThatBelongToNoAggregate() {
        engine.appendEvents(GenericEventMessage.asEventMessage("plain"));
        List<TrackedEventMessage<?>> read = engine.readEvents(null, false).collect(Collectors.toList());
        assertThat(read).singleElement().extracting(EventMessage::getPayload).isEqualTo("plain");
    }

    @Test
    void createsTailHeadAndTimeTokens() {
        assertThat(engine.createTailToken()).isEqualTo(GapAwareTrackingToken.newInstance(0, List.of()));
        assertThat(engine.createHeadToken()).isEqualTo(GapAwareTrackingToken.newInstance(0, List.of()));
        Instant start = clock.instant();
        for (int i = 0; i < 100; i++) {
            DomainEventMessage<?> event = TestEvents.activity("t", i);
            engine.appendEvents(new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(),
                                                                event.getSequenceNumber(), event.getPayload(),
                                                                event.getMetaData(), event.getIdentifier(),
                                                                start.plusSeconds(i)));
        }
        engine.reserve(2); // ids 101, 102: in flight
        assertThat(engine.createHeadToken()).isEqualTo(GapAwareTrackingToken.newInstance(100, List.of()));
        engine.appendEvents(TestEvents.activity("t", 100)); // id 103
        assertThat(engine.createHeadToken()).isEqualTo(GapAwareTrackingToken.newInstance(103, List.of(101L, 102L)));

        TrackingToken at = engine.createTokenAt(start.plusSeconds(40));
        assertThat(at).isEqualTo(GapAwareTrackingToken.newInstance(40, List.of()));
        assertThat(engine.readEvents(at, false).findFirst()).get()
                .extracting(e -> ((DomainEventMessage<?>) e).getSequenceNumber()).isEqualTo(40L);
        assertThat(engine.createTokenAt(start.minus(Duration.ofDays(1))))
                .isEqualTo(GapAwareTrackingToken.newInstance(0, List.of()));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
