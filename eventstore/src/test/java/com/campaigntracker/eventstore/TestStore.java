package com.campaigntracker.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;

/** An embedded file store on a directory plus an engine on it, wired as in production. */
final class TestStore implements AutoCloseable {
    final EmbeddedMongo embedded;
    final MongoClient client;
    final MongoDatabase database;
    final JacksonSerializer serializer;

    TestStore(Path dir) {
        this.embedded = new EmbeddedMongo(dir, "127.0.0.1", 0);
        this.client = MongoClients.create(embedded.connectionString());
        this.database = client.getDatabase("tracker_test");
        this.serializer = serializer();
    }

    static JacksonSerializer serializer() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                                                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    TrackerEventStorageEngine engine(Clock clock) {
        return engine(clock, EventUpcaster.class.cast(NoOpEventUpcaster.INSTANCE), b -> b);
    }

    TrackerEventStorageEngine engine(Clock clock, EventUpcaster upcaster,
                                     UnaryOperator<TrackerEventStorageEngine.Builder> customizer) {
        return customizer.apply(TrackerEventStorageEngine.builder()
                                        .database(database)
                                        .durabilityBarrier(Boolean.getBoolean("tracker.test.no-group-commit")
                                                           ? DurabilityBarrier.NONE : embedded.durabilityBarrier())
                                        .secondaryIndexes(false)
                                        .clock(clock)
                                        .eventSerializer(serializer)
                                        .snapshotSerializer(serializer)
                                        .upcasterChain(upcaster))
                         .build();
    }

    @Override
    public void close() {
        client.close();
        embedded.close();
    }
}
