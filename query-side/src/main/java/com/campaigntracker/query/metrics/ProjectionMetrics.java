package com.campaigntracker.query.metrics;

import com.campaigntracker.eventstore.EventStoreMetrics;
import com.campaigntracker.eventstore.TrackerEventStorageEngine;
import com.campaigntracker.query.admin.ProjectionMonitor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The read side's metrics (README "Metrics"): projection lag of every streaming processor's segments owned by this
 * process, in events and in seconds; dead letters queued; rebuild progress. Lag is sampled every
 * {@code tracker.metrics.lag-refresh} (segments come and go as replicas claim them, so the rows are replaced on each
 * sample); the other gauges are read when scraped.
 */
@Component
public class ProjectionMetrics implements MeterBinder, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ProjectionMetrics.class);

    private final EventProcessingConfiguration processing;
    private final ProjectionMonitor monitor;
    private final TrackerEventStorageEngine engine;
    private final EventStoreMetrics store;
    private final Duration refresh;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tracker-projection-metrics");
        t.setDaemon(true);
        return t;
    });

    public ProjectionMetrics(@Lazy EventProcessingConfiguration processing, ProjectionMonitor monitor,
                             TrackerEventStorageEngine engine, EventStoreMetrics store,
                             @Value("${tracker.metrics.lag-refresh:5s}") Duration refresh) {
        this.processing = processing;
        this.monitor = monitor;
        this.engine = engine;
        this.store = store;
        this.refresh = refresh;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Rows lagEvents = new Rows(MultiGauge.builder("tracker.projection.lag.events")
                .description("Events stored after the segment's position (head position minus token position)")
                .register(registry));
        Rows lagSeconds = new Rows(MultiGauge.builder("tracker.projection.lag.seconds")
                .description("Age of the oldest event the segment has not processed yet (0 when caught up)")
                .baseUnit("seconds")
                .register(registry));
        Rows deadLetters = new Rows(MultiGauge.builder("tracker.projection.dead.letters")
                .description("Dead letters queued for the processor")
                .register(registry));
        Gauge.builder("tracker.projection.rebuild.progress", this::rebuildProgress)
                .description("Share of the store replayed by the running rebuild (1 when no rebuild runs)")
                .register(registry);
        Gauge.builder("tracker.projection.rebuilding", () -> monitor.rebuilding() ? 1 : 0)
                .description("1 while a projection rebuild runs")
                .register(registry);
        sampler.scheduleWithFixedDelay(() -> sample(lagEvents, lagSeconds, deadLetters), 0, refresh.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void sample(Rows lagEvents, Rows lagSeconds, Rows deadLetters) {
        try {
            long head = engine.headPosition();
            Instant now = clock.instant();
            Map<Tags, Double> events = new HashMap<>();
            Map<Tags, Double> seconds = new HashMap<>();
            Map<Tags, Double> letters = new HashMap<>();
            for (String name : processing.eventProcessors().keySet()) {
                processing.eventProcessor(name, StreamingEventProcessor.class).ifPresent(processor -> {
                    for (Map.Entry<Integer, EventTrackerStatus> segment : processor.processingStatus().entrySet()) {
                        OptionalLong position = segment.getValue().getCurrentPosition();
                        if (position.isEmpty()) {
                            continue;
                        }
                        Tags tags = Tags.of("processor", name, "segment", String.valueOf(segment.getKey()));
                        long behind = Math.max(0, head - position.getAsLong());
                        events.put(tags, (double) behind);
                        seconds.put(tags, behind == 0 ? 0.0 : store
                                .timestampOfEventAfter(position.getAsLong())
                                .map(t -> Math.max(0, Duration.between(t, now).toMillis() / 1000.0))
                                .orElse(0.0));
                    }
                });
                processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::size)
                        .ifPresent(size -> letters.put(Tags.of("processor", name), (double) size));
            }
            lagEvents.publish(events);
            lagSeconds.publish(seconds);
            deadLetters.publish(letters);
        } catch (RuntimeException e) {
            // the store may be briefly unreachable (fail-over, shutdown); the next sample tries again
            log.debug("projection metrics sample failed", e);
        }
    }

    private double rebuildProgress() {
        if (!monitor.rebuilding()) {
            return 1.0;
        }
        Long head = monitor.headPosition();
        Long position = monitor.position();
        return head == null || position == null ? 0.0 : head <= 0 ? 1.0 : Math.min(1.0, (double) position / head);
    }

    /**
     * A MultiGauge whose rows keep their meters from sample to sample: values change in place, and only rows that
     * are gone (a segment released to another replica) are removed, so a scrape never finds a live row missing.
     */
    private static final class Rows {
        private final MultiGauge gauge;
        private Map<Tags, AtomicLong> current = Map.of(); // strong references: gauges hold their objects weakly

        Rows(MultiGauge gauge) {
            this.gauge = gauge;
        }

        void publish(Map<Tags, Double> sample) {
            Map<Tags, AtomicLong> next = new HashMap<>();
            sample.forEach((tags, value) -> {
                AtomicLong holder = current.getOrDefault(tags, new AtomicLong());
                holder.set(Double.doubleToLongBits(value));
                next.put(tags, holder);
            });
            current = next;
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            next.forEach((tags, holder) -> rows.add(MultiGauge.Row.of(tags, holder,
                    h -> Double.longBitsToDouble(h.get()))));
            gauge.register(rows, false);
        }
    }

    @Override
    public void destroy() {
        sampler.shutdownNow();
    }
}
