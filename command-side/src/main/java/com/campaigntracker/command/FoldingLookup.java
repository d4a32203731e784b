package com.campaigntracker.command;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

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
    private final EventStore eventStore;
    private final ConcurrentMap<String, Folded<S>> cache = new ConcurrentHashMap<>();

    private record Folded<S>(S state, long lastSequence) {
    }

    protected FoldingLookup(EventStore eventStore) {
        this.eventStore = eventStore;
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
        Folded<S> cached = cache.get(id);
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
            cache.merge(id, folded, (old, fresh) -> fresh.lastSequence() >= old.lastSequence() ? fresh : old);
        }
        return folded;
    }
}
