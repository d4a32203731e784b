package com.campaigntracker.eventstore;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.LongStream;

/**
 * The event store's metrics (README "Metrics"): events appended by this process, the group commit's size and wait on
 * the embedded store, and the store's head. Also answers how old the first event after a position is, which the
 * query side's projection lag in seconds needs.
 */
public class EventStoreMetrics implements MeterBinder {
    /** How far past a position to look for its next event: ids in between may be skip markers or in-flight gaps. */
    private static final int LOOKAHEAD = 16;

    private final TrackerEventStorageEngine engine;
    private final TrackerMongo mongo;
    private final ObjectProvider<EventStore> eventStore;
    private volatile Counter appended;

    public EventStoreMetrics(TrackerEventStorageEngine engine, TrackerMongo mongo, ObjectProvider<EventStore> eventStore) {
        this.engine = engine;
        this.mongo = mongo;
        this.eventStore = eventStore;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        appended = Counter.builder("tracker.events.appended")
                .description("Events this process appended to the store (counted once their unit of work committed)")
                .register(registry);
        Gauge.builder("tracker.events.head.position", engine::headPosition)
                .description("Highest global event position reserved in the store")
                .register(registry);
        eventStore.ifAvailable(store -> store.registerDispatchInterceptor(countAfterCommit()));
        mongo.embedded().map(EmbeddedMongo::durabilityBarrier).ifPresent(barrier -> {
            DistributionSummary size = DistributionSummary.builder("tracker.eventstore.group.commit.size")
                    .description("Appends made durable by one commit of the embedded store file")
                    .baseUnit("appends")
                    .publishPercentileHistogram()
                    .register(registry);
            Timer wait = Timer.builder("tracker.eventstore.group.commit.wait")
                    .description("Time an append waited for the group commit that made it durable")
                    .publishPercentileHistogram()
                    .register(registry);
            barrier.onCommit(new GroupCommitBarrier.CommitListener() {
                @Override
                public void committed(long appends) {
                    size.record(appends);
                }

                @Override
                public void waited(long nanos) {
                    wait.record(nanos, TimeUnit.NANOSECONDS);
                }
            });
        });
    }

    private MessageDispatchInterceptor<EventMessage<?>> countAfterCommit() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> events) {
                int count = events.size();
                if (CurrentUnitOfWork.isStarted()) {
                    CurrentUnitOfWork.get().afterCommit(unitOfWork -> appended.increment(count));
                } else {
                    appended.increment(count);
                }
                return (index, event) -> event;
            }
        };
    }

    /**
     * When the first stored event after {@code position} was written, or empty when none is found within a short
     * look-ahead (the ids there are still in flight or were skipped). One indexed {@code $in} on {@code _id}.
     */
    public Optional<Instant> timestampOfEventAfter(long position) {
        List<Long> ids = LongStream.rangeClosed(position + 1, position + LOOKAHEAD).boxed().toList();
        Document first = null;
        for (Document d : engine.eventCollection().find(Filters.in(StoredEventEntry.Fields.ID, ids))
                .projection(Projections.include(StoredEventEntry.Fields.ID, StoredEventEntry.Fields.TIMESTAMP))) {
            if (d.getString(StoredEventEntry.Fields.TIMESTAMP) != null && (first == null
                    || ((Number) d.get(StoredEventEntry.Fields.ID)).longValue()
                    < ((Number) first.get(StoredEventEntry.Fields.ID)).longValue())) {
                first = d;
            }
        }
        return first == null ? Optional.empty()
                : Optional.of(Instant.parse(first.getString(StoredEventEntry.Fields.TIMESTAMP)));
    }
}
