package com.campaigntracker.command.campaign;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import org.axonframework.common.caching.JCacheAdapter;

import javax.cache.Cache;
import javax.cache.Caching;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * An aggregate cache holding at most {@code maxEntries} aggregates: Caffeine (through its JCache provider) behind
 * Axon's {@link JCacheAdapter}. Axon's own in-process cache ({@code WeakReferenceCache}) drops an aggregate at the
 * next garbage collection once no command holds it, so a busy campaign would be reloaded (snapshot plus up to 250
 * events) on almost every 报到; a few hundred campaigns held strongly cost a few megabytes.
 * <p>
 * Entries are held by reference (JCache's default would copy every aggregate by Java serialization), and evictions
 * run on the calling thread, so the bound holds as soon as a put returns.
 */
public final class CaffeineAggregateCache extends JCacheAdapter implements AutoCloseable {
    private final Cache<Object, Object> cache;

    public CaffeineAggregateCache(long maxEntries) {
        this(create(maxEntries));
    }

    private CaffeineAggregateCache(Cache<Object, Object> cache) {
        super(cache);
        this.cache = cache;
    }

    private static Cache<Object, Object> create(long maxEntries) {
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setMaximumSize(OptionalLong.of(maxEntries));
        configuration.setStoreByValue(false);
        configuration.setExecutorFactory(() -> (Executor) Runnable::run);
        // one cache per instance: several application contexts (tests) share the provider's cache manager
        return Caching.getCachingProvider(CaffeineCachingProvider.class.getName()).getCacheManager()
                .createCache("aggregates-" + UUID.randomUUID(), configuration);
    }

    /** How many aggregates the cache holds now. */
    long size() {
        long size = 0;
        for (Cache.Entry<Object, Object> ignored : cache) {
            size++;
        }
        return size;
    }

    @Override
    public void close() {
        cache.getCacheManager().destroyCache(cache.getName());
    }
}
