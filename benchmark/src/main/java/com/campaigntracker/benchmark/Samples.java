package com.campaigntracker.benchmark;

import java.util.Arrays;

/** Latency samples in nanoseconds. */
final class Samples {
    private final long[] nanos;
    private int size;

    Samples(int capacity) {
        this.nanos = new long[capacity];
    }

    void add(long value) {
        nanos[size++] = value;
    }

    /** The q-quantile in milliseconds (nearest rank). */
    double quantileMillis(double q) {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))] / 1e6;
    }
}
