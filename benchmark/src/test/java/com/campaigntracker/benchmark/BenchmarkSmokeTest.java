package com.campaigntracker.benchmark;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark itself must not rot: a tiny run produces every figure with real, finite measurements. */
class BenchmarkSmokeTest {

    @Test
    void aTinyRunProducesEveryFigure() {
        BenchOptions tiny = new BenchOptions(4_000, 40, 4, 300, 600, 20, 20, 2, 7, 40, 60);

        List<Figure> figures = Benchmark.run(tiny);

        assertThat(figures).extracting(Figure::name)
                .containsExactly("append", "flat-history", "replay", "rebuild-floor", "dashboard-p99-static",
                        "dashboard-p50", "dashboard-p99", "http", "export", "import", "ledger-import",
                        "ledger-import-heap", "ledger-export");
        assertThat(figures).filteredOn(f -> !f.name().equals("http"))
                .allSatisfy(f -> {
                    assertThat(f.ours()).isPositive().isFinite();
                    assertThat(f.baseline()).isPositive().isFinite();
                    assertThat(f.ratio()).isPositive().isFinite();
                });
        Figure http = figures.stream().filter(f -> f.name().equals("http")).findFirst().orElseThrow();
        assertThat(http.ours()).isPositive();
        assertThat(http.note()).contains(" 0 errors");
        Figure heap = figures.stream().filter(f -> f.name().equals("ledger-import-heap")).findFirst()
                .orElseThrow();
        assertThat(heap.ours()).isPositive().isLessThanOrEqualTo(heap.baseline());
    }
}
