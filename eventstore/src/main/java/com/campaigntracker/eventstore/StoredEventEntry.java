package com.campaigntracker.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;

import java.time.Instant;

/**
 * One stored event (or snapshot) document as Axon's {@link DomainEventData}: payload and metadata are handed to the
 * serializer as a Jackson {@link JsonNode} (or a String for serializers that cannot produce JSON trees), which is
 * what Axon's Jackson serializer and JSON upcasters consume.
 */
final class StoredEventEntry implements DomainEventData<Object> {
    private final Document document;

    StoredEventEntry(Document document) {
        this.document = document;
    }

    @Override
    public String getType() {
        return document.getString(Fields.TYPE);
    }

    @Override
    public String getAggregateIdentifier() {
        return document.getString(Fields.AGGREGATE_ID);
    }

    @Override
    public long getSequenceNumber() {
        return ((Number) document.get(Fields.SEQUENCE_NUMBER)).longValue();
    }

    @Override
    public String getEventIdentifier() {
        return document.getString(Fields.EVENT_ID);
    }

    @Override
    public Instant getTimestamp() {
        return Instant.parse(document.getString(Fields.TIMESTAMP));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public SerializedObject<Object> getMetaData() {
        Object data = asData(document.get(Fields.META_DATA));
        return new SerializedMetaData(data, contentType(data));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public SerializedObject<Object> getPayload() {
        Object data = asData(document.get(Fields.PAYLOAD));
        return new SimpleSerializedObject(data, contentType(data), document.getString(Fields.PAYLOAD_TYPE),
                                          document.getString(Fields.PAYLOAD_REVISION));
    }

    private static Object asData(Object stored) {
        return stored instanceof String ? stored : BsonJson.toJson(stored);
    }

    private static Class<?> contentType(Object data) {
        return data instanceof String ? String.class : JsonNode.class;
    }

    /** Field names of the event and snapshot documents. */
    static final class Fields {
        static final String ID = "_id";
        static final String AGGREGATE_ID = "aggregateIdentifier";
        static final String SEQUENCE_NUMBER = "sequenceNumber";
        static final String TYPE = "type";
        static final String STREAM_KEY = "streamKey";
        static final String EVENT_ID = "eventIdentifier";
        static final String TIMESTAMP = "timestamp";
        static final String RESERVED_AT = "reservedAt";
        static final String PAYLOAD_TYPE = "payloadType";
        static final String PAYLOAD_REVISION = "payloadRevision";
        static final String PAYLOAD = "payload";
        static final String META_DATA = "metaData";
        /** Marks an id whose append failed: no event, but readers need not wait for one. */
        static final String SKIPPED = "skipped";

        private Fields() {
        }
    }
}
