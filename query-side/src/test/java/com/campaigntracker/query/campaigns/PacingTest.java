package com.campaigntracker.query.campaigns;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class PacingTest {

    @Test
    void thresholdsAreExact() {
        // 50 of 100 days elapsed: expected 50 %
        assertThat(Pacing.of(475, 1000L, 50, 100)).isEqualTo(Pacing.ON_TRACK);   // exactly 0.95 × expected
        assertThat(Pacing.of(474.5, 1000.0, 50, 100)).isEqualTo(Pacing.LAGGING);
        assertThat(Pacing.of(375, 1000L, 50, 100)).isEqualTo(Pacing.LAGGING);    // exactly 0.75 × expected
        assertThat(Pacing.of(374.5, 1000.0, 50, 100)).isEqualTo(Pacing.AT_RISK);
        assertThat(Pacing.of(1000, 1000L, 50, 100)).isEqualTo(Pacing.DONE);
        assertThat(Pacing.of(1200, 1000L, 10, 100)).isEqualTo(Pacing.DONE);
        assertThat(Pacing.of(0, 1000L, 0, 100)).isEqualTo(Pacing.ON_TRACK);      // nothing expected yet
        assertThat(Pacing.of(5, null, 50, 100)).isNull();
        // thirds: 0.95 × 1/3 is not a finite binary fraction; exact arithmetic still decides correctly
        assertThat(Pacing.of(95, 300L, 1, 3)).isEqualTo(Pacing.ON_TRACK);
        assertThat(Pacing.of(94, 300L, 1, 3)).isEqualTo(Pacing.LAGGING);
    }

    @Test
    void elapsedShareCountsTheDayAtItsEnd() {
        LocalDate start = LocalDate.parse("2025-01-01");
        LocalDate end = LocalDate.parse("2025-04-10");
        assertThat(Pacing.totalDays(start, end)).isEqualTo(100);
        assertThat(Pacing.elapsedDays(start, end, LocalDate.parse("2024-12-31"))).isZero();
        assertThat(Pacing.elapsedDays(start, end, start)).isEqualTo(1);
        assertThat(Pacing.elapsedDays(start, end, LocalDate.parse("2025-02-19"))).isEqualTo(50);
        assertThat(Pacing.elapsedDays(start, end, LocalDate.parse("2025-09-01"))).isEqualTo(100);
    }

    @Test
    void overallIsTheWorstUnlessAllAreDone() {
        assertThat(Pacing.overall(Arrays.asList(Pacing.DONE, Pacing.LAGGING, null, Pacing.ON_TRACK)))
                .isEqualTo(Pacing.LAGGING);
        assertThat(Pacing.overall(Arrays.asList(Pacing.DONE, null, Pacing.DONE))).isEqualTo(Pacing.DONE);
        assertThat(Pacing.overall(Arrays.asList(null, null))).isNull();
        assertThat(Pacing.overall(Arrays.asList(Pacing.ON_TRACK, Pacing.AT_RISK))).isEqualTo(Pacing.AT_RISK);
    }
}
