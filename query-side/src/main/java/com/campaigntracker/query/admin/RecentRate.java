package com.campaigntracker.query.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Events per second over the last {@link #WINDOW}, from the counts seen at each look: 0 when nothing was processed
 * in it. The average since the process started (or since the last rebuild) kept falling while the projection was
 * idle, which read as a slowdown.
 */
final class RecentRate {
    static final Duration WINDOW = Duration.ofSeconds(30);

    private record Sample(long millis, long count) {
    }

    private final List<Sample> samples = new ArrayList<>();

    /** Records {@code processed} (a counter) at {@code now}; the rate since the oldest look within the window. */
    synchronized double rate(Instant now, long processed) {
        long t = now.toEpochMilli();
        if (!samples.isEmpty() && processed < samples.get(samples.size() - 1).count()) {
            samples.clear(); // the counter was reset (a rebuild began)
        }
        samples.add(new Sample(t, processed));
        // keep one look at or before the window's start as the baseline
        while (samples.size() > 2 && samples.get(1).millis() <= t - WINDOW.toMillis()) {
            samples.remove(0);
        }
        Sample base = samples.get(0);
        long millis = t - base.millis();
        return millis <= 0 ? 0 : (processed - base.count()) * 1000.0 / millis;
    }
}
