package com.campaigntracker.query.projection;

import com.campaigntracker.shared.AuditMetadata;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityEvent;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignEvent;
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
 * The Axon face of the read models: every event of the group is queued in its processor batch (a unit-of-work
 * resource) and handed to the {@link Projector} at the batch's last message, inside the batch's processing: before
 * the processor stores its token, so a failed write never advances it. The handlers have returned by then, so Axon's
 * dead-lettering invoker never sees a failure here: an event that cannot be applied is dead-lettered by this class,
 * with the later events of its sequence in the batch, and the rest is applied.
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
        Pending event = new Pending(new ProjectionEvent(payload, dm == null ? null : dm.getAggregateIdentifier(),
                dm == null ? null : dm.getSequenceNumber(), message.getTimestamp(),
                Objects.toString(message.getMetaData().get(AuditMetadata.USER), null),
                Objects.toString(message.getMetaData().get(AuditMetadata.ROLE), null), message.getIdentifier()),
                message);
        if (!CurrentUnitOfWork.isStarted()) {
            flush(List.of(event), false);
            return;
        }
        UnitOfWork<?> uow = CurrentUnitOfWork.get().root();
        uow.getOrComputeResource(RESOURCE, k -> {
            // fallback for a unit of work whose last message never reaches the interceptor (e.g. a dead-letter retry)
            uow.onPrepareCommit(this::flushPending);
            return new ArrayList<Pending>();
        }).add(event);
    }

    /** Called by the interceptor after each message: flushes when the message was the batch's last. */
    public void afterMessage(UnitOfWork<?> uow) {
        if (!(uow instanceof BatchingUnitOfWork<?> b) || b.isLastMessage()) {
            flushPending(uow.root());
        }
    }

    private void flushPending(UnitOfWork<?> uow) {
        List<Pending> batch = uow.root().getResource(RESOURCE);
        if (batch != null && !batch.isEmpty()) {
            List<Pending> copy = List.copyOf(batch);
            batch.clear();
            // only a processor batch dead-letters by itself: in a dead-letter retry (a plain unit of work around
            // one letter) the failure must reach Axon, which then keeps the letter queued
            flush(copy, uow.root() instanceof BatchingUnitOfWork<?>);
        }
    }

    /**
     * Applies the batch. If an event cannot be applied ({@link Projector.EventFailedException}: nothing was written)
     * and {@code isolate}, dead-letters it and the later events of its sequence and applies the rest again. A
     * {@link MongoException} (or a failed write) is rethrown: MongoDB is unreachable, the event is not bad, and the
     * processor retries the whole batch with back-off.
     */
    private void flush(List<Pending> batch, boolean isolate) {
        List<Pending> todo = batch;
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
                RuntimeException cause = failure.getCause();
                Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = isolate ? deadLetters.get()
                        : Optional.empty();
                if (cause instanceof MongoException || queue.isEmpty()) {
                    throw cause;
                }
                todo = deadLetter(queue.get(), todo, failure.index(), cause);
            }
        }
    }

    /**
     * Enqueues event {@code failed} (with its cause) and every later event of its sequence (without: they wait
     * behind it), under the sequence identifier Axon's {@code DeadLetteringEventHandlerInvoker} gives them, so that
     * Axon queues the sequence's next events behind these (that check happens before our handler runs; it must not
     * be short-circuited by its sequence-identifier cache, which is off by default) and a retry replays them in
     * order. Returns the events still to apply, in order.
     * <p>
     * The queue is not in the batch's transaction: if the batch fails later on (say MongoDB goes away), the letters
     * stay and the processor's retry of the batch queues the same events again behind them. Harmless: a retry
     * applies the first copy and the projector skips the second (per-stream sequence numbers).
     */
    private List<Pending> deadLetter(SequencedDeadLetterQueue<EventMessage<?>> queue, List<Pending> batch,
                                     int failed, RuntimeException cause) {
        Object sequence = TrackerProjections.sequenceIdentifier(batch.get(failed).message());
        log.warn("event {} cannot be projected, dead-lettered with the rest of sequence {}: {}",
                batch.get(failed).message().getIdentifier(), sequence, cause.toString());
        List<Pending> rest = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            if (i == failed) {
                // as the invoker's default enqueue policy does: with the cause, its message truncated
                queue.enqueue(sequence, new GenericDeadLetter<>(sequence, p.message())
                        .withCause(ThrowableCause.truncated(cause)));
            } else if (i > failed && sequence.equals(TrackerProjections.sequenceIdentifier(p.message()))) {
                queue.enqueue(sequence, new GenericDeadLetter<>(sequence, p.message()));
            } else {
                rest.add(p);
            }
        }
        return rest; // always one event shorter at least: the flush loop ends
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
