package com.campaigntracker.command;

import com.campaigntracker.command.campaign.CampaignLookup;
import com.campaigntracker.command.service.ServiceProjectLookup;
import com.campaigntracker.command.unit.UnitLookup;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

import java.util.HashMap;
import java.util.Map;

/**
 * The streams of the aggregates a fixture's aggregate does not own (an Axon fixture only holds the stream of
 * the aggregate under test), read by the real lookups exactly as in production.
 */
public final class OtherStreams {
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final Map<String, Long> sequences = new HashMap<>();
    private final UnitLookup units = new UnitLookup(store);
    private final CampaignLookup campaigns = new CampaignLookup(store);
    private final ServiceProjectLookup projects = new ServiceProjectLookup(store);

    public OtherStreams unit(String unitId, Object... events) {
        return append("Unit", unitId, events);
    }

    public OtherStreams campaign(String campaignId, Object... events) {
        return append("Campaign", campaignId, events);
    }

    public OtherStreams project(String projectId, Object... events) {
        return append("ServiceProject", projectId, events);
    }

    private OtherStreams append(String type, String id, Object... events) {
        for (Object event : events) {
            long sequence = sequences.merge(id, 0L, (old, zero) -> old + 1);
            store.publish(new GenericDomainEventMessage<>(type, id, sequence, event));
        }
        return this;
    }

    public UnitLookup units() {
        return units;
    }

    public CampaignLookup campaigns() {
        return campaigns;
    }

    public ServiceProjectLookup projects() {
        return projects;
    }

    public EmbeddedEventStore store() {
        return store;
    }
}
