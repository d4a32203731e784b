package com.campaigntracker.eventstore;

import java.time.ZoneOffset;
import org.threeten.extra.MutableClock;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100k events appended by 4 concurrent writers (with crashed reservations leaving gaps), then one full tracking read:
 * every event exactly once, in global order, and a token that stays small.
 */
class LargeHistoryTest {
    @TempDir
    Path dir;

    @Test
    void appendsAndTracks100kEventsWithSmallTokens() throws Exception {
        try (TestStore store = new TestStore(dir)) {
            MutableClock clock = MutableClock.of(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);
            TrackerEventStorageEngine engine = store.engine(clock);
            int writers = 4;
            int perWriter = 25_000;
            int perAppend = 25;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            Set<Long> crashed = java.util.concurrent.ConcurrentHashMap.newKeySet(); // highest id of each reservation
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String aggregate = "campaign-" + w;
                futures.add(pool.submit(() -> {
                    for (int seq = 0; seq < perWriter; seq += perAppend) {
                        List<EventMessage<?>> batch = new ArrayList<>(perAppend);
                        for (int i = 0; i < perAppend; i++) {
                            batch.add(TestEvents.activity(aggregate, seq + i));
                        }
                        engine.appendEvents(batch);
                        if (seq % (perAppend * 40) == 0) {
                            crashed.add(engine.reserve(3)); // a writer that crashed after reserving ids
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            long tail = engine.reserve(3); // one more crashed writer just before the last event: recent gaps in the token
            crashed.add(tail);
            engine.appendEvents(TestEvents.activity("tail", 0));
            int total = writers * perWriter + 1;
            // past the hold-back, so the reader passes the crashed writers' ids instead of waiting for them
            clock.add(java.time.Duration.ofSeconds(6));

            List<TrackedEventMessage<?>> read = new ArrayList<>(writers * perWriter);
            Set<String> ids = new HashSet<>();
            long previous = 0;
            TrackingToken token = null;
            try (var stream = engine.readEvents(null, false)) {
                for (var it = stream.iterator(); it.hasNext(); ) {
                    TrackedEventMessage<?> event = it.next();
                    long position = event.trackingToken().position().orElseThrow();
                    assertThat(position).isGreaterThan(previous);
                    previous = position;
                    ids.add(event.getIdentifier());
                    token = event.trackingToken();
                    read.add(event);
                }
            }
            assertThat(read).hasSize(total);
            assertThat(ids).hasSize(total);

            GapAwareTrackingToken last = (GapAwareTrackingToken) token;
            // the recent crashed reservations (within maxGapOffset = 1000 of the index, gap timeout not passed) and
            // nothing else
            assertThat(last.getGaps()).contains(tail - 2, tail - 1, tail);
            assertThat(last.getGaps()).allMatch(gap -> gap > last.getIndex() - 1000)
                                      .allMatch(gap -> crashed.contains(gap) || crashed.contains(gap + 1)
                                              || crashed.contains(gap + 2));
            int tokenBytes = store.serializer.serialize(last, byte[].class).getData().length;
            assertThat(tokenBytes).as("serialized token size " + last).isLessThan(1024);

            // an aggregate with 25k events reloads window by window
            assertThat(engine.lastSequenceNumberFor("campaign-2")).contains((long) perWriter - 1);
            assertThat(engine.readEvents("campaign-2", perWriter - 250).asStream()
                             .map(DomainEventMessage::getSequenceNumber).toList()).hasSize(250);
        }
    }
}
