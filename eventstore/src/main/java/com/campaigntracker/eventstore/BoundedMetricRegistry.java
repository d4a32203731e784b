package com.campaigntracker.eventstore;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryMessage;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Axon's metrics (README "Metrics") with the same meters, but every {@code capacity} measured over
 * {@link #CAPACITY_WINDOW} instead of Axon's ten minutes. A capacity monitor keeps one entry per message for its
 * whole window: a rebuild replays thousands of events a second through each processor, and the ten-minute window
 * held about 850,000 entries (70 MB, a sixth of a 512 MB heap) after a 400,000-event rebuild (JFR old-object
 * samples, 30 Nov), which the dashboard then paid for in collections.
 */
public class BoundedMetricRegistry extends GlobalMetricRegistry {
    static final Duration CAPACITY_WINDOW = Duration.ofSeconds(10);

    private final Clock clock;

    public BoundedMetricRegistry(MeterRegistry registry) {
        this(registry, Clock.SYSTEM);
    }

    BoundedMetricRegistry(MeterRegistry registry, Clock clock) {
        super(registry);
        this.clock = clock;
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String name, Function<Message<?>, Iterable<Tag>> messageTags,
            Function<Message<?>, Iterable<Tag>> processorTags) {
        MeterRegistry registry = getRegistry();
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(name, registry, messageTags),
                EventProcessorLatencyMonitor.builder().meterNamePrefix(name).meterRegistry(registry)
                        .tagsBuilder(processorTags).build(),
                capacity(name, processorTags),
                MessageCountingMonitor.buildMonitor(name, registry, messageTags)));
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String name,
                                                                       Function<Message<?>, Iterable<Tag>> tags) {
        return handlers(name, tags);
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(String name,
                                                                      Function<Message<?>, Iterable<Tag>> tags) {
        return handlers(name, tags);
    }

    /** What Axon measures of a bus's handlers: their time, capacity and count. */
    private MessageMonitor<Message<?>> handlers(String name, Function<Message<?>, Iterable<Tag>> tags) {
        MeterRegistry registry = getRegistry();
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(name, registry, tags),
                capacity(name, tags),
                MessageCountingMonitor.buildMonitor(name, registry, tags)));
    }

    private CapacityMonitor capacity(String name, Function<Message<?>, Iterable<Tag>> tags) {
        return CapacityMonitor.buildMonitor(name, getRegistry(), CAPACITY_WINDOW.toMillis(), TimeUnit.MILLISECONDS,
                clock, tags);
    }
}
