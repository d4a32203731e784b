package com.campaigntracker.eventstore;

import de.bwaldvogel.mongo.MongoServer;
import com.campaigntracker.eventstore.h2.TrackerH2Backend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded MongoDB-wire server (mongo-java-server, H2 MVStore file backend), reached over TCP.
 * <p>
 * The MVStore is opened with page compression (LZF) and a short chunk retention time: appends are made durable by
 * {@link GroupCommitBarrier} (one {@code commit()} per group of concurrent appends), and every commit writes a new
 * chunk; with the default 45 s retention the dead chunks of those commits could not be reused for 45 s and the file
 * grew far beyond the data. See docs/adr/0001-event-store.md for the measurements.
 */
public class EmbeddedMongo implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    /** Chunk retention (ms); system property {@code tracker.mvstore.retention-ms}. */
    static final int RETENTION_MS = Integer.getInteger("tracker.mvstore.retention-ms", 2_000);
    /** Page compression; system property {@code tracker.mvstore.compress}. */
    static final boolean COMPRESS = Boolean.parseBoolean(System.getProperty("tracker.mvstore.compress", "true"));

    /** MVStore page cache in MB (H2's default is 16); system property {@code tracker.mvstore.cache-mb}. */
    static final int CACHE_MB = Integer.getInteger("tracker.mvstore.cache-mb", 64);

    /** MVStore page split size in bytes (0 = H2's default); system property {@code tracker.mvstore.page-split-size}. */
    static final int PAGE_SPLIT_SIZE = Integer.getInteger("tracker.mvstore.page-split-size", 0);

    private final TrackerH2Backend backend;
    private final MongoServer server;
    private final String connectionString;
    private final Path file;
    private final GroupCommitBarrier groupCommit;

    public EmbeddedMongo(Path dataDir, String host, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        this.file = dataDir.resolve("tracker.mv.db").toAbsolutePath();
        MVStore.Builder builder = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB);
        if (PAGE_SPLIT_SIZE > 0) {
            builder.pageSplitSize(PAGE_SPLIT_SIZE);
        }
        if (COMPRESS) {
            builder.compress();
        }
        MVStore mvStore = builder.open();
        mvStore.setRetentionTime(RETENTION_MS);
        this.backend = new TrackerH2Backend(mvStore);
        this.server = new MongoServer(backend);
        server.bind(host, port);
        var address = server.getLocalAddress();
        this.connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
        this.groupCommit = new GroupCommitBarrier(backend::commit, "tracker-group-commit");
        log.info("Embedded MongoDB-wire server on {} with data in {}", connectionString, file);
    }

    public String connectionString() {
        return connectionString;
    }

    public TrackerH2Backend backend() {
        return backend;
    }

    /** Group commit of the store file: appends wait on it before they are acknowledged. */
    public GroupCommitBarrier durabilityBarrier() {
        return groupCommit;
    }

    /** The store file. */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        groupCommit.close();
        server.shutdownNow(); // closes the backend, which commits and closes the MVStore
    }
}
