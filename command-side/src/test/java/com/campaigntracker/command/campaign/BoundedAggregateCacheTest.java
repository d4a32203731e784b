package com.campaigntracker.command.campaign;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedAggregateCacheTest {

    @Test
    void keepsTheMostRecentlyUsedEntriesAndReportsEvictions() {
        BoundedAggregateCache cache = new BoundedAggregateCache(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat(cache.<String, Integer>get("a")).isEqualTo(1);
        cache.put("c", 3);
        assertThat(expired).containsExactly("b");
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.putIfAbsent("a", 9)).isFalse();
        cache.computeIfPresent("a", (Integer v) -> v + 10);
        assertThat(cache.<String, Integer>get("a")).isEqualTo(11);
        assertThat(cache.remove("a")).isTrue();
        cache.removeAll();
        assertThat(cache.size()).isZero();
    }
}
