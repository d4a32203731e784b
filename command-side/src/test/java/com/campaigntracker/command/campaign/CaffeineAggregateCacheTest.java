package com.campaigntracker.command.campaign;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaffeineAggregateCacheTest {

    @Test
    void holdsAtMostMaxEntriesAndTheUsualCacheOperationsWork() {
        try (CaffeineAggregateCache cache = new CaffeineAggregateCache(2)) {
            for (int i = 0; i < 20; i++) {
                cache.put("k" + i, i);
                assertThat(cache.size()).isLessThanOrEqualTo(2);
            }
            cache.put("a", 1);
            assertThat(cache.<String, Integer>get("a")).isEqualTo(1);
            assertThat(cache.putIfAbsent("a", 9)).isFalse();
            cache.computeIfPresent("a", (Integer v) -> v + 10);
            assertThat(cache.<String, Integer>get("a")).isEqualTo(11);
            assertThat(cache.remove("a")).isTrue();
            cache.removeAll();
            assertThat(cache.size()).isZero();
        }
    }

    @Test
    void holdsTheAggregateItselfNotACopy() {
        try (CaffeineAggregateCache cache = new CaffeineAggregateCache(10)) {
            Object aggregate = new Object(); // not serializable: a by-value cache would fail or copy
            cache.put("c", aggregate);
            assertThat(cache.<String, Object>get("c")).isSameAs(aggregate);
        }
    }
}
