package com.campaigntracker.command.campaign;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Snapshots and cache of the {@link Campaign} aggregate (600 enrolments must not be replayed per command). */
@Configuration(proxyBeanMethods = false)
public class CampaignAggregateConfiguration {
    public static final String SNAPSHOT_TRIGGER = "campaignSnapshotTrigger";
    public static final String CACHE = "campaignCache";

    @Bean(SNAPSHOT_TRIGGER)
    SnapshotTriggerDefinition campaignSnapshotTrigger(
            Snapshotter snapshotter,
            @Value("${tracker.command.campaign-snapshot-threshold:250}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean(CACHE)
    CaffeineAggregateCache campaignCache(@Value("${tracker.command.campaign-cache-size:1024}") int maxEntries) {
        return new CaffeineAggregateCache(maxEntries);
    }
}
