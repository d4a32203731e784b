package com.campaigntracker.query;

import com.campaigntracker.shared.AuditMetadata;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityEvent;
import com.campaigntracker.shared.activity.ActivityKey;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignEvent;
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
        } else {
            throw new IllegalArgumentException(payload.toString());
        }
        long seq = sequences.computeIfAbsent(stream, k -> new AtomicLong(-1)).incrementAndGet();
        eventStore.publish(new GenericDomainEventMessage<>(type, stream, seq, payload,
                Map.of(AuditMetadata.USER, user, AuditMetadata.ROLE, role), UUID.randomUUID().toString(),
                timestamp));
    }

    /** The global position of the last appended event (what a command answer carries). */
    public long head() {
        return eventStore.createHeadToken().position().orElse(-1);
    }
}
