package com.campaigntracker.query.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The projections' dead-letter queue, answering {@link #contains} from memory. Axon's dead-lettering invoker asks it
 * for every event ("is this sequence parked?"), and with the Mongo queue each question was a query: a third of a
 * rebuild's time. Axon's own sequence-identifier cache cannot be used, because it learns only the letters the
 * invoker itself enqueues and the {@link ProjectionBatcher} enqueues letters directly.
 * <p>
 * The sequences with letters are read from the delegate when nothing is known, and again at most {@code maxAge}
 * after the last read; what this instance enqueues is known at once, and whatever may remove letters (evict,
 * process, clear) makes it read them again. Another replica's letters become known within {@code maxAge}: a sequence
 * only moves between replicas with its segment, after a token claim has timed out, which takes longer.
 */
public final class KnownSequencesDeadLetterQueue implements SequencedDeadLetterQueue<EventMessage<?>> {
    private final SequencedDeadLetterQueue<EventMessage<?>> delegate;
    private final Function<SequencedDeadLetterQueue<EventMessage<?>>, Set<Object>> sequencesOf;
    private final Duration maxAge;
    private final Clock clock;
    private volatile Known known;

    private record Known(Set<Object> sequences, Instant readAt) {
    }

    /**
     * @param sequencesOf reads the identifiers of every sequence with letters from the delegate (one query)
     */
    public KnownSequencesDeadLetterQueue(SequencedDeadLetterQueue<EventMessage<?>> delegate,
                                         Function<SequencedDeadLetterQueue<EventMessage<?>>, Set<Object>> sequencesOf,
                                         Duration maxAge, Clock clock) {
        this.delegate = delegate;
        this.sequencesOf = sequencesOf;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    private Known known() {
        Known k = known;
        if (k == null || k.readAt().plus(maxAge).isBefore(clock.instant())) {
            Instant at = clock.instant();
            k = new Known(ConcurrentHashMap.newKeySet(), at);
            k.sequences().addAll(sequencesOf.apply(delegate));
            known = k;
        }
        return k;
    }

    private void forget() {
        known = null;
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        return known().sequences().contains(sequenceIdentifier);
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter)
            throws DeadLetterQueueOverflowException {
        delegate.enqueue(sequenceIdentifier, letter);
        known().sequences().add(sequenceIdentifier);
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        try {
            delegate.evict(letter);
        } finally {
            forget();
        }
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater)
            throws NoSuchDeadLetterException {
        delegate.requeue(letter, letterUpdater);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return delegate.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return delegate.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return delegate.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return delegate.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return delegate.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        try {
            return delegate.process(sequenceFilter, processingTask);
        } finally {
            forget();
        }
    }

    @Override
    public void clear() {
        try {
            delegate.clear();
        } finally {
            forget();
        }
    }
}
