package com.campaigntracker.eventstore;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Measures the engine against the raw driver on the embedded H2 file store (see docs/PERFORMANCE.md):
 * <pre>
 * mvn -q -B -o -pl eventstore -am test-compile
 * mvn -q -B -o -pl eventstore dependency:build-classpath -Dmdep.outputFile=/tmp/es-cp.txt -Dmdep.includeScope=test
 * java -Xmx2g -cp eventstore/target/test-classes:eventstore/target/classes:$(cat /tmp/es-cp.txt) \
 *      com.campaigntracker.eventstore.EventStoreBenchmark [events=100000] [threads=8] [sample=10000] [dir]
 * </pre>
 */
public final class EventStoreBenchmark {
    private static final AtomicLong AGGREGATES = new AtomicLong();

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int sample = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        Path dir = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("tracker-bench");
        System.out.printf("events=%d threads=%d sample=%d dir=%s retentionMs=%d compress=%s%n", n, threads, sample, dir,
                          EmbeddedMongo.RETENTION_MS, EmbeddedMongo.COMPRESS);
        try (TestStore store = new TestStore(dir)) {
            TrackerEventStorageEngine engine = store.engine(Clock.systemUTC());
            ExecutorService pool = Executors.newFixedThreadPool(threads);

            // raw driver insertOne of equivalent documents, same server, a scratch database dropped afterwards
            MongoCollection<Document> scratch = store.client.getDatabase("scratch").getCollection("raw_events");
            // warm-up (JIT) of both paths; the warm-up events count towards the N stored
            rawInsertRate(engine, store, scratch, pool, threads, 2000);
            commandRate(engine, pool, threads, 2000);
            try (var warm = engine.readEvents(null, false)) {
                warm.forEach(e -> e.getPayload());
            }
            for (Document ignored : engine.eventCollection().find()) {
                scratch.countDocuments();
                break;
            }
            double raw0 = rawInsertRate(engine, store, scratch, pool, threads, sample);
            store.client.getDatabase("scratch").drop();
            double cmd0 = commandRate(engine, pool, threads, sample);
            System.out.printf("at ~0 stored:   engine single-event appends %.0f/s, raw insertOne %.0f/s, ratio %.2f%n",
                              cmd0, raw0, cmd0 / raw0);

            long loadStart = System.nanoTime();
            int remaining = n - 2 * sample - 2000;
            int per = remaining / threads;
            run(pool, threads, t -> {
                String aggregate = "bulk-" + AGGREGATES.incrementAndGet();
                for (int seq = 0; seq < per; seq += 100) {
                    List<EventMessage<?>> batch = new ArrayList<>(100);
                    for (int i = seq; i < Math.min(seq + 100, per); i++) {
                        batch.add(TestEvents.activity(aggregate, i));
                    }
                    engine.appendEvents(batch);
                }
            });
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            System.out.printf("bulk load: %d events in appends of 100: %.1f s (%.0f events/s)%n", per * threads,
                              loadSeconds, per * threads / loadSeconds);

            double cmdN = commandRate(engine, pool, threads, sample);
            long stored = engine.eventCollection().countDocuments();
            System.out.printf("at %d stored: engine single-event appends %.0f/s (%.2f x the rate at ~0 stored)%n",
                              stored, cmdN, cmdN / cmd0);
            System.out.printf("group commits so far: %d%n", store.embedded.durabilityBarrier().commits());

            // full tracking read (payloads deserialized, as a projection rebuild would) vs raw driver scan of the
            // same documents; twice, alternating, so neither side profits alone from the page cache the other filled
            TrackingToken last = null;
            for (int round = 1; round <= 2; round++) {
                long t0 = System.nanoTime();
                long scanned = 0;
                for (Document ignored : engine.eventCollection().find().batchSize(1000)) {
                    scanned++;
                }
                double scanSeconds = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                long read = 0;
                try (var stream = engine.readEvents(null, false)) {
                    for (var it = stream.iterator(); it.hasNext(); ) {
                        TrackedEventMessage<?> event = it.next();
                        event.getPayload();
                        event.getMetaData();
                        last = event.trackingToken();
                        read++;
                    }
                }
                double trackSeconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf("round %d: raw driver full scan %d docs %.1f s (%.0f/s); tracking read %d events "
                                  + "(payload+metadata deserialized) %.1f s (%.0f/s); tracking/raw ratio %.2f%n",
                                  round, scanned, scanSeconds, scanned / scanSeconds, read, trackSeconds,
                                  read / trackSeconds, scanSeconds / trackSeconds);
            }
            long jsonBytes = 0;
            for (Document d : engine.eventCollection().find().batchSize(1000)) {
                jsonBytes += d.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
            int tokenBytes = store.serializer.serialize(last, byte[].class).getData().length;
            System.out.printf("final token %s serialized: %d bytes%n", last, tokenBytes);

            long fileBytes = Files.size(store.embedded.file());
            System.out.printf("store file %.1f MB, events as JSON %.1f MB, ratio %.2f%n",
                              fileBytes / 1e6, jsonBytes / 1e6, (double) fileBytes / jsonBytes);

            double rawN = rawInsertRate(engine, store, scratch, pool, threads, sample);
            System.out.printf("at %d stored:   raw insertOne %.0f/s; engine/raw ratio %.2f%n", stored, rawN,
                              cmdN / rawN);
            pool.shutdown();
        }
    }

    /** One "command" = one append of one event to its own aggregate, from {@code threads} threads. */
    private static double commandRate(TrackerEventStorageEngine engine, ExecutorService pool, int threads, int count)
            throws Exception {
        int per = count / threads;
        long t0 = System.nanoTime();
        run(pool, threads, t -> {
            String aggregate = "cmd-" + AGGREGATES.incrementAndGet();
            for (int seq = 0; seq < per; seq++) {
                engine.appendEvents(TestEvents.activity(aggregate, seq));
            }
        });
        return per * threads / ((System.nanoTime() - t0) / 1e9);
    }

    private static final AtomicLong RAW_IDS = new AtomicLong(1L << 40);

    private static double rawInsertRate(TrackerEventStorageEngine engine, TestStore store,
                                        MongoCollection<Document> target, ExecutorService pool, int threads,
                                        int count) throws Exception {
        int per = count / threads;
        long t0 = System.nanoTime();
        run(pool, threads, t -> {
            String aggregate = "raw-" + AGGREGATES.incrementAndGet();
            for (int seq = 0; seq < per; seq++) {
                var prepared = engine.prepare(List.of(TestEvents.activity(aggregate, seq)), store.serializer);
                Document document = prepared.documents().get(0);
                document.put("_id", RAW_IDS.incrementAndGet());
                document.put("reservedAt", System.currentTimeMillis());
                target.insertOne(document);
            }
        });
        return per * threads / ((System.nanoTime() - t0) / 1e9);
    }

    private static void run(ExecutorService pool, int threads, IntConsumer task) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> task.accept(thread)));
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }
}
