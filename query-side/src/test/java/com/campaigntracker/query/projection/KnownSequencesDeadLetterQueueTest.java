package com.campaigntracker.query.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class KnownSequencesDeadLetterQueueTest {
    private final InMemorySequencedDeadLetterQueue<EventMessage<?>> store = InMemorySequencedDeadLetterQueue.defaultQueue();
    private final AtomicInteger reads = new AtomicInteger();
    private Instant now = Instant.parse("2026-06-01T00:00:00Z");
    private KnownSequencesDeadLetterQueue queue;

    @BeforeEach
    void setUp() {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        queue = new KnownSequencesDeadLetterQueue(store, this::sequences, Duration.ofSeconds(1), clock);
    }

    private Set<Object> sequences(SequencedDeadLetterQueue<EventMessage<?>> q) {
        reads.incrementAndGet();
        Set<Object> out = new HashSet<>();
        q.deadLetters().forEach(sequence -> sequence.forEach(l -> out.add(l.message().getPayload())));
        return out;
    }

    private static GenericDeadLetter<EventMessage<?>> letter(String sequence) {
        return new GenericDeadLetter<>(sequence, GenericEventMessage.asEventMessage(sequence));
    }

    @Test
    void everyEventsQuestionIsAnsweredFromMemoryUntilTheKnowledgeIsOlderThanItsMaximumAge() {
        for (int i = 0; i < 1000; i++) {
            assertThat(queue.contains("c:a")).isFalse();
        }
        assertThat(reads).hasValue(1);

        now = now.plusSeconds(2);
        assertThat(queue.contains("c:a")).isFalse();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aLetterParkedThroughThisQueueIsKnownAtOnce() {
        assertThat(queue.contains("c:a")).isFalse();
        queue.enqueue("c:a", letter("c:a"));
        assertThat(queue.contains("c:a")).isTrue();
        assertThat(queue.contains("c:b")).isFalse();
        assertThat(queue.enqueueIfPresent("c:a", () -> letter("c:a"))).isTrue();
        assertThat(store.sequenceSize("c:a")).isEqualTo(2);
        assertThat(reads).hasValue(1);
    }

    @Test
    void anotherReplicasLetterIsKnownOnceTheMaximumAgeHasPassed() {
        assertThat(queue.contains("c:a")).isFalse();
        store.enqueue("c:a", letter("c:a"));
        assertThat(queue.contains("c:a")).isFalse();
        now = now.plusMillis(1001);
        assertThat(queue.contains("c:a")).isTrue();
    }

    @Test
    void aSequenceProcessedOrClearedIsNoLongerReportedParked() {
        queue.enqueue("c:a", letter("c:a"));
        queue.enqueue("c:b", letter("c:b"));
        assertThat(queue.process(l -> l.message().getPayload().equals("c:a"), l -> Decisions.evict())).isTrue();
        assertThat(queue.contains("c:a")).isFalse();
        assertThat(queue.contains("c:b")).isTrue();
        queue.clear();
        assertThat(queue.contains("c:b")).isFalse();
    }
}
