package com.campaigntracker.query.admin;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RecentRateTest {
    private static final Instant T0 = Instant.parse("2026-07-01T08:00:00Z");

    @Test
    void theRateIsOverTheRecentWindowAndZeroWhileIdle() {
        RecentRate rate = new RecentRate();
        assertThat(rate.rate(T0, 1000)).isZero();
        assertThat(rate.rate(T0.plusSeconds(2), 3000)).isEqualTo(1000.0);
        // idle: the count stays; after the window has passed the figure is 0, not an ever smaller average
        for (int s = 5; s <= 60; s += 5) {
            rate.rate(T0.plusSeconds(s), 3000);
        }
        assertThat(rate.rate(T0.plusSeconds(65), 3000)).isZero();
        // busy again: 1000 events over the 30 s window (from the look at 40 s)
        assertThat(rate.rate(T0.plusSeconds(70), 4000)).isCloseTo(33.3, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void aResetCounterStartsAfresh() {
        RecentRate rate = new RecentRate();
        rate.rate(T0, 50_000);
        assertThat(rate.rate(T0.plusSeconds(1), 10)).isZero();
        assertThat(rate.rate(T0.plusSeconds(3), 210)).isEqualTo(100.0);
    }

    @Test
    void theAdminScreenNamesTheProcessorInChinese() {
        assertThat(ProjectionMonitor.label("tracker-projections")).startsWith("读模型投影");
    }
}
