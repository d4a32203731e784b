package com.campaigntracker.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Spring wiring: Axon's event store runs on our engine, on the embedded store, with group commit. */
@SpringBootTest(classes = EventStoreConfigurationTest.App.class)
class EventStoreConfigurationTest {
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", () -> dataDir.toString());
        registry.add("tracker.eventstore.tracking-batch-size", () -> "200");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(EventStoreConfiguration.class)
    static class App {
    }

    @Autowired
    EventStorageEngine engine;
    @Autowired
    EventStore eventStore;
    @Autowired
    TokenStore tokenStore;

    @Test
    void axonsEventStoreAppendsAndStreamsThroughOurEngine() {
        assertThat(engine).isInstanceOf(TrackerEventStorageEngine.class);
        AppendPosition.clear();
        DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(
                List.of(TestEvents.activity("spring", 0), TestEvents.activity("spring", 1))));
        assertThat(AppendPosition.lastAppended()).hasValue(2);
        assertThat(((TrackerEventStorageEngine) engine).headPosition()).isEqualTo(2);

        List<TrackedEventMessage<?>> read;
        try (var stream = eventStore.openStream(null)) {
            read = List.of(stream.nextAvailable(), stream.nextAvailable());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(read.stream().map(e -> (Object) e.getPayload()).toList())
                        .containsExactly(TestEvents.activity("spring", 0).getPayload(),
                                         TestEvents.activity("spring", 1).getPayload());
        assertThat(read.get(1).trackingToken()).isEqualTo(GapAwareTrackingToken.newInstance(2, List.of()));
        assertThat(eventStore.readEvents("spring").asStream().collect(Collectors.toList())).hasSize(2);

        // axon-mongo's token store keeps our tokens (serialized with Jackson, a few dozen bytes)
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(1234, List.of(1200L, 1201L));
        tokenStore.initializeTokenSegments("projection", 1, null);
        tokenStore.fetchToken("projection", 0);
        tokenStore.storeToken(token, "projection", 0);
        assertThat(tokenStore.fetchToken("projection", 0)).isEqualTo(token);
    }
}
