package com.campaigntracker.command;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.Optional;

/**
 * Reads another aggregate's own stream and folds it into a small immutable fact record, for the rules that
 * span aggregates (is the campaign active, is the unit enrolled, is the parent unit active). The folded state
 * is cached per stream with its last sequence number; every use reads only the events appended since, so a
 * rule always sees every committed event and never takes the other aggregate's lock.
 * <p>
 * Call it before applying events in the current unit of work: the event store also returns events staged in
 * the running unit of work, which must not be cached for a stream that unit of work writes to.
 *
 * @param <S> the folded, immutable state
 */
public abstract class FoldingLookup<S> {
    /** Property {@code tracker.command.lookup-cache-size}: a district's ~700 units and stations, many times over. */
    public static final long DEFAULT_MAX_ENTRIES = 50_000;

    private final EventStore eventStore;
    private final Cache<String, Folded<S>> cache;

    private record Folded<S>(S state, long lastSequence) {
    }

    protected FoldingLookup(EventStore eventStore, long maxEntries) {
        this.eventStore = eventStore;
        this.cache = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    /**
     * Applies one event of the stream; returns the new state (or the given one for events of other kinds).
     *
     * @param state   the state so far, null before the creation event
     * @param payload the event
     */
    protected abstract S apply(S state, Object payload);

    /** The current folded state of the stream, empty if the stream holds no event of this kind. */
    public Optional<S> find(String id) {
        return Optional.ofNullable(fold(id).state());
    }

    /** Whether the stream id is taken by any aggregate at all (streams of all kinds share one id space). */
    public boolean idInUse(String id) {
        return fold(id).lastSequence() >= 0;
    }

    private Folded<S> fold(String id) {
        if (id == null) {
            return new Folded<>(null, -1);
        }
        Folded<S> cached = cache.getIfPresent(id);
        S state = cached == null ? null : cached.state();
        long last = cached == null ? -1 : cached.lastSequence();
        DomainEventStream events = eventStore.readEvents(id, last + 1);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getSequenceNumber() > last) {
                state = apply(state, event.getPayload());
                last = event.getSequenceNumber();
            }
        }
        Folded<S> folded = new Folded<>(state, last);
        if (last >= 0) {
            cache.asMap().merge(id, folded, (old, fresh) -> fresh.lastSequence() >= old.lastSequence() ? fresh : old);
        }
        return folded;
    }

    /** How many streams the cache holds now. */
    long cachedStreams() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
