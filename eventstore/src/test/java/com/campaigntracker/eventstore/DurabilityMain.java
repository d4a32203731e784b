package com.campaigntracker.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Run as a separate JVM by {@link KillDashNineDurabilityTest}: appends events through the engine on the embedded file
 * store in {@code args[0]} from several threads, and prints {@code ACK <eventIdentifier>} for every append once
 * {@code appendEvents} has returned (i.e. once it is acknowledged). Runs until it is killed.
 */
public final class DurabilityMain {
    public static void main(String[] args) throws Exception {
        TestStore store = new TestStore(Path.of(args[0]));
        TrackerEventStorageEngine engine = store.engine(Clock.systemUTC());
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, "UTF-8");
        int threads = 4;
        for (int t = 0; t < threads; t++) {
            String aggregate = "durable-" + t + "-" + System.nanoTime();
            Thread writer = new Thread(() -> {
                for (long seq = 0; ; seq++) {
                    DomainEventMessage<?> event = TestEvents.activity(aggregate, seq);
                    engine.appendEvents(event);
                    synchronized (out) {
                        out.println("ACK " + event.getIdentifier());
                        out.flush();
                    }
                }
            });
            writer.start();
        }
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        Thread.currentThread().join();
    }
}
