package com.campaigntracker.eventstore;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The embedded MongoDB-wire server (mongo-java-server, H2 MVStore file backend), reached over TCP. */
public class EmbeddedMongo implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final H2Backend backend;
    private final MongoServer server;
    private final String connectionString;

    public EmbeddedMongo(Path dataDir, String host, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        Path file = dataDir.resolve("tracker.mv.db").toAbsolutePath();
        this.backend = new H2Backend(file.toString());
        this.server = new MongoServer(backend);
        server.bind(host, port);
        var address = server.getLocalAddress();
        this.connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
        log.info("Embedded MongoDB-wire server on {} with data in {}", connectionString, file);
    }

    public String connectionString() {
        return connectionString;
    }

    public H2Backend backend() {
        return backend;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
