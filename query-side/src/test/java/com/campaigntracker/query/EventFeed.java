package com.campaigntracker.query;

import com.campaigntracker.shared.AuditMetadata;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityEvent;
import com.campaigntracker.shared.activity.ActivityKey;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignEvent;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderEvent;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectEvent;
import com.campaigntracker.shared.unit.UnitEvents.UnitEvent;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes events the way the command side will: domain event messages on their aggregate streams (unit,
 * campaign, one stream per activity), with audit metadata and a chosen timestamp.
 */
public class EventFeed {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final EventStore eventStore;
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();

    public EventFeed(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** An instant on a Beijing wall-clock day and time, e.g. at("2025-07-05", 10). */
    public static Instant at(String date, int hour) {
        return LocalDateTime.parse(date + "T00:00").plusHours(hour).atZone(ZONE).toInstant();
    }

    public void publish(Object payload, Instant timestamp) {
        publish(payload, timestamp, "tester", "coordinator");
    }

    public void publish(Object payload, Instant timestamp, String user, String role) {
        publish(payload, timestamp, user, role, null);
    }

    /** As a unit account acting for {@code actingUnit} (null: an account without a unit). */
    public void publish(Object payload, Instant timestamp, String user, String role, String actingUnit) {
        String type;
        String stream;
        if (payload instanceof UnitEvent u) {
            type = "Unit";
            stream = u.unitId();
        } else if (payload instanceof CampaignEvent c) {
            type = "Campaign";
            stream = c.campaignId();
        } else if (payload instanceof ActivityEvent a) {
            type = "Activity";
            stream = ActivityKey.of(a.campaignId(), a.activityId());
        } else if (payload instanceof ServiceProjectEvent p) {
            type = "ServiceProject";
            stream = p.projectId();
        } else if (payload instanceof ServiceOrderEvent o) {
            type = "ServiceOrder";
            stream = o.orderId();
        } else {
            throw new IllegalArgumentException(payload.toString());
        }
        long seq = sequences.computeIfAbsent(stream, k -> new AtomicLong(-1)).incrementAndGet();
        Map<String, Object> metadata = new java.util.HashMap<>(Map.of(AuditMetadata.USER, user, AuditMetadata.ROLE,
                role));
        if (actingUnit != null) {
            metadata.put(AuditMetadata.ACTING_UNIT, actingUnit);
        }
        eventStore.publish(new GenericDomainEventMessage<>(type, stream, seq, payload, metadata,
                UUID.randomUUID().toString(), timestamp));
    }

    /** The global position of the last appended event (what a command answer carries). */
    public long head() {
        return eventStore.createHeadToken().position().orElse(-1);
    }
}
