package com.campaigntracker.shared.activity;

import com.campaigntracker.shared.activity.ActivityEvents.ActivityRecorded;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads {@link ActivityRecorded} payloads stored with revision {@code null} into revision {@code "2"}: the old field
 * {@code place} becomes {@code site}. Payloads that already used
 * {@code site} only change revision. Both sides import this class, so every reader of the store (aggregates, the
 * projections, a rebuild) sees the same shape; the store itself is never rewritten.
 */
public class ActivityRecordedUpcaster extends SingleEventUpcaster {
    public static final String REVISION = "2";
    private static final SimpleSerializedType OLD = new SimpleSerializedType(ActivityRecorded.class.getName(), null);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(OLD);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(ActivityRecorded.class.getName(), REVISION),
                JsonNode.class, ActivityRecordedUpcaster::toRevision2);
    }

    static JsonNode toRevision2(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        ObjectNode upcast = object.deepCopy();
        if (upcast.has("place")) {
            JsonNode place = upcast.remove("place");
            if (!upcast.hasNonNull("site")) {
                upcast.set("site", place);
            }
        }
        return upcast;
    }
}
