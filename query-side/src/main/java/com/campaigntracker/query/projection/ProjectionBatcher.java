package com.campaigntracker.query.projection;

import com.campaigntracker.shared.AuditMetadata;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityEvent;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignEvent;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderEvent;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectEvent;
import com.campaigntracker.shared.unit.UnitEvents.UnitEvent;
import com.mongodb.MongoException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Axon face of the read models: each event of the group is queued in its processor batch (a unit-of-work
 * resource) and the batch goes to the {@link Projector} at its last message (the interceptor calls
 * {@link #afterMessage}), before the processor stores its token: a failed write never advances it. An event that
 * cannot be applied in memory is dead-lettered here, with the later events of its sequence in the batch, under the
 * sequence identifier Axon's dead-lettering invoker uses (so Axon queues the sequence's next events behind them and
 * a retry replays them in order), and the rest is applied. A {@link MongoException} or a failed write is rethrown:
 * the event is not bad, and the processor retries the whole batch with back-off. (The queue is not in the batch's
 * transaction: letters queued by a batch that then fails are queued again by its retry; the projector skips the
 * second copy.)
 */
@ProcessingGroup(TrackerProjections.GROUP)
public class ProjectionBatcher {
    private static final Logger log = LoggerFactory.getLogger(ProjectionBatcher.class);
    private static final String RESOURCE = ProjectionBatcher.class.getName() + ".batch";

    private final Projector projector;
    private final Supplier<Optional<SequencedDeadLetterQueue<EventMessage<?>>>> deadLetters;
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong eventsProjected = new AtomicLong();

    /** @param deadLetters the processing group's queue (the one Axon's dead-lettering invoker uses), looked up late */
    public ProjectionBatcher(Projector projector,
                             Supplier<Optional<SequencedDeadLetterQueue<EventMessage<?>>>> deadLetters) {
        this.projector = projector;
        this.deadLetters = deadLetters;
    }

    @EventHandler
    void on(UnitEvent event, EventMessage<?> message) {
        add(event, message);
    }

    @EventHandler
    void on(CampaignEvent event, EventMessage<?> message) {
        add(event, message);
    }

    @EventHandler
    void on(ActivityEvent event, EventMessage<?> message) {
        add(event, message);
    }

    @EventHandler
    void on(ServiceProjectEvent event, EventMessage<?> message) {
        add(event, message);
    }

    @EventHandler
    void on(ServiceOrderEvent event, EventMessage<?> message) {
        add(event, message);
    }

    @ResetHandler
    void reset() {
        projector.reset();
        resetCounter();
    }

    /** One queued event and the message it came in (what a dead letter keeps). */
    private record Pending(ProjectionEvent event, EventMessage<?> message) {
    }

    /** Queues the event in the current batch. */
    public void add(Object payload, EventMessage<?> message) {
        DomainEventMessage<?> dm = message instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null
                ? d : null;
        UnitOfWork<?> uow = CurrentUnitOfWork.get().root();
        uow.getOrComputeResource(RESOURCE, k -> {
            // for a unit of work whose last message never reaches the interceptor (e.g. a dead-letter retry)
            uow.onPrepareCommit(this::flushPending);
            return new ArrayList<Pending>();
        }).add(new Pending(new ProjectionEvent(payload, dm == null ? null : dm.getAggregateIdentifier(),
                dm == null ? null : dm.getSequenceNumber(), message.getTimestamp(),
                Objects.toString(message.getMetaData().get(AuditMetadata.USER), null),
                Objects.toString(message.getMetaData().get(AuditMetadata.ROLE), null), message.getIdentifier(),
                Objects.toString(message.getMetaData().get(AuditMetadata.ACTING_UNIT), null)),
                message));
    }

    /** Flushes the batch when {@code uow}'s message was its last. */
    public void afterMessage(UnitOfWork<?> uow) {
        if (!(uow instanceof BatchingUnitOfWork<?> b) || b.isLastMessage()) {
            flushPending(uow.root());
        }
    }

    private void flushPending(UnitOfWork<?> uow) {
        List<Pending> batch = uow.root().getResource(RESOURCE);
        List<Pending> todo = batch == null ? List.of() : List.copyOf(batch);
        if (batch != null) {
            batch.clear();
        }
        while (!todo.isEmpty()) {
            try {
                Set<String> touched = projector.apply(todo.stream().map(Pending::event).toList());
                eventsProjected.addAndGet(todo.size());
                for (Consumer<Set<String>> l : listeners) {
                    try {
                        l.accept(touched);
                    } catch (RuntimeException ignored) {
                        // live updates never break projection
                    }
                }
                return;
            } catch (Projector.EventFailedException failure) {
                // only a processor batch dead-letters by itself: in a dead-letter retry (a plain unit of work
                // around one letter) the failure must reach Axon, which then keeps the letter queued
                Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue =
                        uow.root() instanceof BatchingUnitOfWork<?> ? deadLetters.get() : Optional.empty();
                if (failure.getCause() instanceof MongoException || queue.isEmpty()) {
                    throw failure.getCause();
                }
                if (failure.appliedBefore) {
                    eventsProjected.addAndGet(failure.index);
                }
                todo = deadLetter(queue.get(), todo, failure.index, failure.appliedBefore, failure.getCause());
            }
        }
    }

    /**
     * Enqueues event {@code failed} and the later events of its sequence; returns the others, in order (without the
     * earlier ones when they were {@code applied} already).
     */
    private static List<Pending> deadLetter(SequencedDeadLetterQueue<EventMessage<?>> queue, List<Pending> batch,
                                            int failed, boolean applied, RuntimeException cause) {
        Object sequence = TrackerProjections.sequenceIdentifier(batch.get(failed).message());
        log.warn("event {} cannot be projected, dead-lettered with the rest of sequence {}: {}",
                batch.get(failed).message().getIdentifier(), sequence, cause.toString());
        List<Pending> rest = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            if (i == failed) { // as the invoker's default enqueue policy does: with the cause, its message truncated
                queue.enqueue(sequence, new GenericDeadLetter<>(sequence, p.message())
                        .withCause(ThrowableCause.truncated(cause)));
            } else if (i > failed && sequence.equals(TrackerProjections.sequenceIdentifier(p.message()))) {
                queue.enqueue(sequence, new GenericDeadLetter<>(sequence, p.message()));
            } else if (i > failed || !applied) {
                rest.add(p);
            }
        }
        return rest;
    }

    /** Called after every flush with the ids of the campaigns the batch changed. */
    public void addListener(Consumer<Set<String>> listener) {
        listeners.add(listener);
    }

    public long eventsProjected() {
        return eventsProjected.get();
    }

    public void resetCounter() {
        eventsProjected.set(0);
    }
}
