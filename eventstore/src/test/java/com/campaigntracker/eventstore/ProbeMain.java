package com.campaigntracker.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.bson.Document;

import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Scratch probe: tracking read with several window sizes, with and without payload deserialization. */
public final class ProbeMain {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        try (TestStore store = new TestStore(Files.createTempDirectory("probe"))) {
            TrackerEventStorageEngine engine = store.engine(Clock.systemUTC());
            for (int a = 0; a < n / 100; a++) {
                List<EventMessage<?>> batch = new ArrayList<>();
                for (int i = 0; i < 100; i++) batch.add(TestEvents.activity("agg-" + (a % 50), (a / 50) * 100L + i));
                engine.appendEvents(batch);
            }
            for (int round = 0; round < 2; round++) {
                for (String w : args[1].split(",")) {
                    int window = Integer.parseInt(w);
                    TrackerEventStorageEngine e = store.engine(Clock.systemUTC(), NoOpEventUpcaster.INSTANCE,
                                                               b -> b.trackingBatchSize(window));
                    long t0 = System.nanoTime();
                    long c = 0;
                    List<? extends org.axonframework.eventhandling.TrackedEventData<?>> batch;
                    org.axonframework.eventhandling.TrackingToken token = null;
                    while (!(batch = e.fetchTrackedEvents(token, window)).isEmpty()) {
                        c += batch.size();
                        token = batch.get(batch.size() - 1).trackingToken();
                    }
                    double fetch = (System.nanoTime() - t0) / 1e9;
                    t0 = System.nanoTime();
                    long d = 0;
                    try (var s = e.readEvents(null, false)) {
                        for (var it = s.iterator(); it.hasNext(); ) {
                            TrackedEventMessage<?> m = it.next();
                            m.getPayload();
                            m.getMetaData();
                            d++;
                        }
                    }
                    double full = (System.nanoTime() - t0) / 1e9;
                    t0 = System.nanoTime();
                    long r = 0;
                    for (Document doc : e.eventCollection().find().batchSize(1000)) r++;
                    double raw = (System.nanoTime() - t0) / 1e9;
                    System.out.printf("window %d: fetch-only %.0f/s, full %.0f/s, raw scan %.0f/s%n", window,
                                      c / fetch, d / full, r / raw);
                }
            }
        }
        System.exit(0);
    }
}
