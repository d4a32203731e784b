package com.campaigntracker.eventstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The one MongoDB connection of a process: to the embedded server it starts itself, or to the real MongoDB
 * named by {@code MONGODB_URI}. Everything goes through the real driver either way.
 */
public class TrackerMongo implements AutoCloseable {
    private final EmbeddedMongo embedded;
    private final MongoClient client;
    private final String databaseName;

    public TrackerMongo(TrackerMongoProperties props) {
        this.embedded = props.embedded()
                ? new EmbeddedMongo(Path.of(props.dataDir()), props.embeddedHost(), props.embeddedPort())
                : null;
        String uri = embedded != null ? embedded.connectionString() : props.uri();
        this.client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .build());
        this.databaseName = props.database();
    }

    public MongoClient client() {
        return client;
    }

    public MongoDatabase database() {
        return client.getDatabase(databaseName);
    }

    public String databaseName() {
        return databaseName;
    }

    public Optional<EmbeddedMongo> embedded() {
        return Optional.ofNullable(embedded);
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
