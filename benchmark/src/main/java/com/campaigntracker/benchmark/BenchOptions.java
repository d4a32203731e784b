package com.campaigntracker.benchmark;

import java.util.HashMap;
import java.util.Map;

/**
 * Sizes of one benchmark run. The data generator is seeded, so two runs with the same options write the same
 * events.
 */
public record BenchOptions(long events, int units, int threads, int appendCommands, int history,
                           int latencySamples, int dashboardRequests, int httpSeconds, long seed, int ledgerRows,
                           int importHeapRows) {

    /** The sizes of the issues: a 10,000-row ledger imported vs sent row by row, a 100,000-row import's heap. */
    public static BenchOptions defaults() {
        return new BenchOptions(400_000, 600, 8, 10_000, 100_000, 300, 300, 10, 42, 10_000, 100_000);
    }

    public static BenchOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        BenchOptions d = defaults();
        BenchOptions o = new BenchOptions(
                Long.parseLong(given.getOrDefault("events", String.valueOf(d.events))),
                Integer.parseInt(given.getOrDefault("units", String.valueOf(d.units))),
                Integer.parseInt(given.getOrDefault("threads", String.valueOf(d.threads))),
                Integer.parseInt(given.getOrDefault("append-commands", String.valueOf(d.appendCommands))),
                Integer.parseInt(given.getOrDefault("history", String.valueOf(d.history))),
                Integer.parseInt(given.getOrDefault("latency-samples", String.valueOf(d.latencySamples))),
                Integer.parseInt(given.getOrDefault("dashboard-requests", String.valueOf(d.dashboardRequests))),
                Integer.parseInt(given.getOrDefault("http-seconds", String.valueOf(d.httpSeconds))),
                Long.parseLong(given.getOrDefault("seed", String.valueOf(d.seed))),
                Integer.parseInt(given.getOrDefault("ledger-rows", String.valueOf(d.ledgerRows))),
                Integer.parseInt(given.getOrDefault("import-heap-rows", String.valueOf(d.importHeapRows))));
        given.keySet().removeAll(java.util.Set.of("events", "units", "threads", "append-commands", "history",
                "latency-samples", "dashboard-requests", "http-seconds", "seed", "ledger-rows", "import-heap-rows"));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + given.keySet());
        }
        return o;
    }
}
