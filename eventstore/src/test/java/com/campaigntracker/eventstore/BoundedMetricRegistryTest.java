package com.campaigntracker.eventstore;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedMetricRegistryTest {
    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final BoundedMetricRegistry registry = new BoundedMetricRegistry(meters, clock);

    @Test
    void anEventProcessorsCapacityForgetsWhatItHandledTenSecondsAgo() {
        @SuppressWarnings("unchecked")
        MessageMonitor<Message<?>> monitor = (MessageMonitor<Message<?>>) registry.registerEventProcessor(
                "eventProcessor", m -> List.of(), m -> List.of());
        handle(monitor, GenericEventMessage.asEventMessage("事件"), Duration.ofSeconds(5));

        // five seconds busy in a ten-second window; Axon's own ten-minute window would read 0.008
        assertThat(capacity()).isEqualTo(0.5);
        clock.add(11, TimeUnit.SECONDS);
        assertThat(capacity()).isZero();
    }

    @Test
    void theCommandBusCapacityHasTheSameWindow() {
        @SuppressWarnings("unchecked")
        MessageMonitor<Message<?>> monitor = (MessageMonitor<Message<?>>) registry.registerCommandBus(
                "commandBus", m -> List.of());
        handle(monitor, GenericCommandMessage.asCommandMessage("命令"), Duration.ofSeconds(2));

        assertThat(capacity()).isEqualTo(0.2);
        clock.add(11, TimeUnit.SECONDS);
        assertThat(capacity()).isZero();
        assertThat(meters.find("commandBus.successCounter").counter().count()).isEqualTo(1);
    }

    private void handle(MessageMonitor<Message<?>> monitor, Message<?> message, Duration busy) {
        MessageMonitor.MonitorCallback callback = monitor.onMessageIngested(message);
        clock.add(busy);
        callback.reportSuccess();
    }

    private double capacity() {
        Gauge gauge = meters.find(meters.getMeters().stream().map(m -> m.getId().getName())
                .filter(n -> n.endsWith(".capacity")).findFirst().orElseThrow()).gauge();
        return gauge.value();
    }
}
