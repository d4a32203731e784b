package com.campaigntracker.eventstore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The event archive format (version {@value #FORMAT_VERSION}), written by {@link EventArchiveWriter} and read by
 * {@link EventArchiveReader}; described in {@code docs/adr/0002-event-archive.md}.
 * <p>
 * A gzip file (two gzip members, which every gzip reader concatenates) of UTF-8 text, one JSON object per line:
 * the {@link Header} first, then one {@link ArchivedEvent} per stored event in ascending global position, then the
 * {@link Trailer} with the event count and the SHA-256 of every event line (bytes including its {@code \n}).
 */
public final class EventArchive {
    public static final String FORMAT = "campaign-tracker-event-archive";
    public static final int FORMAT_VERSION = 1;
    public static final String MEDIA_TYPE = "application/gzip";

    static final ObjectMapper JSON = new ObjectMapper();
    /** Reads numbers with a fraction exactly (as BigDecimal), so the importer can store each in its exact type. */
    static final ObjectMapper READ_JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    private EventArchive() {
    }

    /** This product's version (from the jar manifest; {@code dev} when run from classes). */
    public static String productVersion() {
        String version = EventArchive.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /**
     * First line.
     *
     * @param format         always {@value #FORMAT}
     * @param formatVersion  version of this layout; a reader refuses versions it does not know
     * @param productVersion the version of the product that wrote the archive
     * @param eventCount     the number of event lines that follow
     */
    @JsonPropertyOrder({"format", "formatVersion", "productVersion", "eventCount"})
    public record Header(String format, int formatVersion, String productVersion, long eventCount) {
    }

    /**
     * One stored event. {@code payload} and {@code metadata} are the JSON the event serializer wrote (a JSON string
     * when the stored form was text); {@code eventType}/{@code eventRevision} name that serialized form, before any
     * upcaster: the archive holds the events as stored.
     */
    @JsonPropertyOrder({"position", "aggregateType", "aggregateId", "sequence", "eventId", "eventType",
            "eventRevision", "timestamp", "payload", "metadata"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ArchivedEvent(long position, String aggregateType, String aggregateId, long sequence,
                                String eventId, String eventType, String eventRevision, String timestamp,
                                JsonNode payload, JsonNode metadata) {
    }

    /**
     * Last line.
     *
     * @param end          always {@code true} (marks the trailer)
     * @param eventCount   the number of event lines
     * @param lastPosition global position of the last event (0 if none)
     * @param sha256       lowercase hex SHA-256 over the event lines, each with its {@code \n}
     */
    @JsonPropertyOrder({"end", "eventCount", "lastPosition", "sha256"})
    public record Trailer(boolean end, long eventCount, long lastPosition, String sha256) {
    }
}
