package com.campaigntracker.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. With no {@code uri} the embedded MongoDB-wire server starts in-process and keeps its
 * data under {@code dataDir}; with a {@code uri} (env {@code MONGODB_URI}) a real MongoDB is used instead.
 *
 * @param uri          a MongoDB connection string, or blank for the embedded server
 * @param database     database name
 * @param dataDir      directory of the embedded store's file
 * @param embeddedHost address the embedded server listens on (loopback by default)
 * @param embeddedPort port the embedded server listens on; 0 picks a free one. A fixed port lets other local
 *                     processes (split deployment on one machine) share the store.
 */
@ConfigurationProperties(prefix = "tracker")
public record TrackerMongoProperties(String uri, String database, String dataDir, String embeddedHost,
                                     Integer embeddedPort) {

    public TrackerMongoProperties {
        database = blankToNull(database) == null ? "campaign_tracker" : database;
        dataDir = blankToNull(dataDir) == null ? "./data" : dataDir;
        embeddedHost = blankToNull(embeddedHost) == null ? "127.0.0.1" : embeddedHost;
        embeddedPort = embeddedPort == null ? 0 : embeddedPort;
        uri = blankToNull(uri);
    }

    public boolean embedded() {
        return uri == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
