package com.campaigntracker.query.projection;

import com.campaigntracker.shared.AuditMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Collects the events of one processor batch (a unit-of-work resource) and hands them to the {@link Projector}
 * once, at the end of the batch: documents are loaded with one $in and written with one bulk write per
 * collection. The flush runs inside the batch's processing (from the handler interceptor at the batch's last
 * message), before the processor stores its token, so a failed write never advances the token.
 */
public class ProjectionBatcher {
    private static final String RESOURCE = ProjectionBatcher.class.getName() + ".batch";

    private final Projector projector;
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong eventsProjected = new AtomicLong();

    public ProjectionBatcher(Projector projector) {
        this.projector = projector;
    }

    /** Called by the event handlers: validates and queues the event in the current batch. */
    public void add(Object payload, EventMessage<?> message) {
        ProjectionEvent event = toProjectionEvent(payload, message);
        if (!CurrentUnitOfWork.isStarted()) {
            flush(List.of(event));
            return;
        }
        UnitOfWork<?> uow = CurrentUnitOfWork.get().root();
        List<ProjectionEvent> batch = uow.getOrComputeResource(RESOURCE, k -> {
            // fallback for a unit of work whose last message never reaches the interceptor (e.g. a dead-letter retry)
            uow.onPrepareCommit(u -> flushPending(u));
            return new ArrayList<>();
        });
        batch.add(event);
    }

    public static ProjectionEvent toProjectionEvent(Object payload, EventMessage<?> message) {
        String streamId = null;
        Long seq = null;
        if (message instanceof DomainEventMessage<?> dm && dm.getAggregateIdentifier() != null) {
            streamId = dm.getAggregateIdentifier();
            seq = dm.getSequenceNumber();
        }
        Object user = message.getMetaData().get(AuditMetadata.USER);
        Object role = message.getMetaData().get(AuditMetadata.ROLE);
        return new ProjectionEvent(payload, streamId, seq, message.getTimestamp(),
                user == null ? null : user.toString(), role == null ? null : role.toString(),
                message.getIdentifier());
    }

    /** Called by the interceptor after each message: flushes when the message was the batch's last. */
    public void afterMessage(UnitOfWork<?> uow) {
        if (!(uow instanceof BatchingUnitOfWork<?> b) || b.isLastMessage()) {
            flushPending(uow.root());
        }
    }

    private void flushPending(UnitOfWork<?> uow) {
        List<ProjectionEvent> batch = uow.root().getResource(RESOURCE);
        if (batch != null && !batch.isEmpty()) {
            List<ProjectionEvent> copy = List.copyOf(batch);
            batch.clear();
            flush(copy);
        }
    }

    private void flush(List<ProjectionEvent> events) {
        Set<String> touched = projector.apply(events);
        eventsProjected.addAndGet(events.size());
        for (Consumer<Set<String>> l : listeners) {
            try {
                l.accept(touched);
            } catch (RuntimeException ignored) {
                // listeners (live updates) never break projection
            }
        }
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

    public Projector projector() {
        return projector;
    }
}
