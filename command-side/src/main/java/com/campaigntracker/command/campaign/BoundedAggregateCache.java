package com.campaigntracker.command.campaign;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A least-recently-used cache of aggregates holding at most {@code maxEntries}. Axon's own in-process cache
 * ({@code WeakReferenceCache}) drops an aggregate at the next garbage collection once no command holds it, so a
 * busy campaign would be reloaded (snapshot plus up to 250 events) on almost every 报到; a few hundred campaigns
 * held strongly cost a few megabytes.
 */
public class BoundedAggregateCache implements Cache {
    private final Map<Object, Object> entries;
    private final Set<EntryListener> listeners = new CopyOnWriteArraySet<>();

    public BoundedAggregateCache(int maxEntries) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                boolean evict = size() > maxEntries;
                if (evict) {
                    listeners.forEach(listener -> listener.onEntryExpired(eldest.getKey()));
                }
                return evict;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        Object value = entries.get(key);
        if (value != null) {
            listeners.forEach(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public synchronized void put(Object key, Object value) {
        if (value == null) {
            remove(key);
            return;
        }
        Object previous = entries.put(key, value);
        listeners.forEach(listener -> {
            if (previous == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        });
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (entries.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        Object value = entries.get(key);
        if (value == null) {
            value = valueSupplier.get();
            put(key, value);
        }
        return (T) value;
    }

    @Override
    public synchronized boolean remove(Object key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            listeners.forEach(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public synchronized void removeAll() {
        for (Object key : Set.copyOf(entries.keySet())) {
            remove(key);
        }
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object value = entries.get(key);
        if (value != null) {
            Object updated = update.apply((V) value);
            if (updated == null) {
                remove(key);
            } else {
                put(key, updated);
            }
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public synchronized int size() {
        return entries.size();
    }
}
