package com.campaigntracker.eventstore;

import java.time.ZoneOffset;
import org.threeten.extra.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CounterReservationTest {
    @TempDir
    Path dir;

    @Test
    void reservationsAreUnique() throws Exception {
        try (TestStore store = new TestStore(dir)) {
            store.database.drop();
            TrackerEventStorageEngine engine = store.engine(MutableClock.of(Instant.now(), ZoneOffset.UTC));
            Set<Long> seen = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        long v = engine.reserve(2);
                        seen.add(v);
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
            assertThat(seen).hasSize(2000);
        }
    }
}
