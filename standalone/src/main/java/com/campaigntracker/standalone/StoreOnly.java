package com.campaigntracker.standalone;

import com.campaigntracker.eventstore.EmbeddedMongo;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar campaign-tracker.jar --store-only --tracker.data-dir=./data --tracker.embedded-port=27017}:
 * only the embedded MongoDB-wire store, for running command-side and query-side services as separate local
 * processes against it ({@code MONGODB_URI=mongodb://127.0.0.1:27017}) on a machine without MongoDB.
 */
final class StoreOnly {
    static final String FLAG = "--store-only";

    private StoreOnly() {
    }

    static void run(String[] args) throws InterruptedException {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        EmbeddedMongo store = new EmbeddedMongo(Path.of(options.getOrDefault("tracker.data-dir", "./data")),
                options.getOrDefault("tracker.embedded-host", "127.0.0.1"),
                Integer.parseInt(options.getOrDefault("tracker.embedded-port", "27017")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            stopped.countDown();
        }, "store-shutdown"));
        System.out.println("Embedded store listening on " + store.connectionString());
        stopped.await();
    }
}
