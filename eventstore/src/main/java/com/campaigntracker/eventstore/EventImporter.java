package com.campaigntracker.eventstore;

import com.campaigntracker.eventstore.EventArchive.ArchivedEvent;
import com.campaigntracker.eventstore.EventArchiveException.Reason;
import com.campaigntracker.eventstore.StoredEventEntry.Fields;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Imports an {@link EventArchive} into an empty event store (embedded or a real MongoDB): first reads the whole
 * archive only to check it (format version, every line, count, checksum), then checks that the store holds no
 * event, and only then writes — so a refused archive or store writes nothing. Events are stored as they were stored
 * in the source (same global positions, serialized types and revisions; upcasters apply on read, as for every
 * stored event — see {@code docs/adr/0002-event-archive.md}); the global counter continues after the last imported
 * position. If writing fails halfway, what was written is removed again, leaving the store empty as it was.
 */
public final class EventImporter {
    private static final Logger log = LoggerFactory.getLogger(EventImporter.class);
    static final int BATCH = 1000;

    private EventImporter() {
    }

    /**
     * An import done.
     *
     * @param eventCount   events written
     * @param lastPosition the highest global position written; the counter continues after it
     * @param sha256       the archive's verified checksum
     */
    public record Summary(long eventCount, long lastPosition, String sha256) {
    }

    /**
     * @param barrier        made durable before returning (the embedded store's group commit)
     * @param writeConcern   for the writes (majority + journal on a real MongoDB)
     * @param knownEventType whether this product knows an event type; archives with others are refused
     */
    public static Summary importArchive(MongoDatabase database, DurabilityBarrier barrier, WriteConcern writeConcern,
                                        Path archive, Predicate<String> knownEventType) {
        return importVerified(database, barrier, writeConcern, archive, knownEventType,
                              EventArchiveReader.verify(archive, knownEventType));
    }

    /** As {@link #importArchive}, for an archive {@link EventArchiveReader#verify verified} just before. */
    public static Summary importVerified(MongoDatabase database, DurabilityBarrier barrier, WriteConcern writeConcern,
                                         Path archive, Predicate<String> knownEventType,
                                         EventArchiveReader.Verified verified) {
        requireEmpty(database);
        MongoCollection<Document> events = database.getCollection(TrackerEventStorageEngine.EVENTS)
                                                   .withWriteConcern(writeConcern);
        MongoCollection<Document> counters = database.getCollection(TrackerEventStorageEngine.COUNTERS)
                                                     .withWriteConcern(writeConcern);
        try {
            events.createIndex(Indexes.ascending(Fields.STREAM_KEY),
                               new IndexOptions().unique(true).name("streamKey"));
            List<Document> batch = new ArrayList<>(BATCH);
            EventArchiveReader.read(archive, knownEventType, event -> {
                batch.add(document(event));
                if (batch.size() == BATCH) {
                    events.insertMany(batch, new InsertManyOptions().ordered(true));
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                events.insertMany(batch, new InsertManyOptions().ordered(true));
            }
            counters.updateOne(Filters.eq(Fields.ID, TrackerEventStorageEngine.EVENTS_COUNTER),
                               Updates.max(TrackerEventStorageEngine.SEQ, verified.lastPosition()),
                               new UpdateOptions().upsert(true));
            barrier.awaitDurable();
        } catch (RuntimeException e) {
            log.error("import failed after it started writing; removing what it wrote", e);
            events.drop();
            counters.deleteOne(Filters.eq(Fields.ID, TrackerEventStorageEngine.EVENTS_COUNTER));
            barrier.awaitDurable();
            throw e;
        }
        return new Summary(verified.eventCount(), verified.lastPosition(), verified.sha256());
    }

    /** Refuses a store that holds events or has handed out global positions. */
    static void requireEmpty(MongoDatabase database) {
        long events = database.getCollection(TrackerEventStorageEngine.EVENTS).estimatedDocumentCount();
        long head = EventArchiveWriter.headPosition(database);
        if (events > 0 || head > 0) {
            throw new EventArchiveException(Reason.STORE_NOT_EMPTY, String.format(
                    "目标存储不为空（已有 %d 个事件文档，全局序号已到 %d）：只能导入到空存储；未写入任何数据。"
                            + " The target store is not empty (%d event documents, global sequence at %d): an archive"
                            + " is imported only into an empty store. Nothing was written.",
                    events, head, events, head));
        }
    }

    /** The stored form the engine writes; {@code reservedAt} 0: the gaps of an imported history are final. */
    static Document document(ArchivedEvent event) {
        return new Document(Fields.ID, event.position())
                .append(Fields.AGGREGATE_ID, event.aggregateId())
                .append(Fields.SEQUENCE_NUMBER, event.sequence())
                .append(Fields.TYPE, event.aggregateType())
                .append(Fields.STREAM_KEY, TrackerEventStorageEngine.streamKey(event.aggregateId(), event.sequence()))
                .append(Fields.EVENT_ID, event.eventId())
                .append(Fields.TIMESTAMP, event.timestamp())
                .append(Fields.RESERVED_AT, 0L)
                .append(Fields.PAYLOAD_TYPE, event.eventType())
                .append(Fields.PAYLOAD_REVISION, event.eventRevision())
                .append(Fields.PAYLOAD, stored(event.payload()))
                .append(Fields.META_DATA, stored(event.metadata()));
    }

    private static Object stored(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isTextual() ? node.textValue() : bson(node);
    }

    /**
     * As {@link BsonJson#toBson}, except for numbers with a fraction, which the archive reader reads exactly: one
     * that a double holds exactly as written (every number the export wrote from a stored double) is stored as a
     * double again, any other as Decimal128 — so every value keeps its exact value, and an export of the imported
     * store writes the same text.
     */
    private static Object bson(JsonNode node) {
        if (node.isObject()) {
            Document document = new Document();
            node.fields().forEachRemaining(field -> document.put(field.getKey(), bson(field.getValue())));
            return document;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(element -> list.add(bson(element)));
            return list;
        }
        if (node.isBigDecimal()) {
            java.math.BigDecimal exact = node.decimalValue();
            double approximate = exact.doubleValue();
            if (Double.isFinite(approximate)
                    && new java.math.BigDecimal(Double.toString(approximate)).compareTo(exact) == 0) {
                return approximate;
            }
            return new org.bson.types.Decimal128(exact);
        }
        return BsonJson.toBson(node);
    }
}
