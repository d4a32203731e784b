package com.campaigntracker.command;

import org.threeten.extra.MutableClock;
import com.campaigntracker.command.activity.Activity;
import com.campaigntracker.command.campaign.CaffeineAggregateCache;
import com.campaigntracker.command.campaign.Campaign;
import com.campaigntracker.command.campaign.CampaignGate;
import com.campaigntracker.command.campaign.CampaignLookup;
import com.campaigntracker.command.unit.Unit;
import com.campaigntracker.command.unit.UnitLookup;
import com.campaigntracker.command.unit.UnitNames;
import com.campaigntracker.shared.activity.ActivityCommands.RecordActivity;
import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.campaign.CampaignCommands.EnrollUnit;
import com.campaigntracker.shared.campaign.CampaignCommands.LaunchCampaign;
import com.campaigntracker.shared.campaign.CampaignCommands.ReviseCampaign;
import com.campaigntracker.shared.unit.UnitCommands.RegisterUnit;
import com.campaigntracker.shared.unit.UnitType;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures how many stored events one command reads, with 600 units enrolled in one campaign and thousands of
 * activities recorded for it: the numbers behind the choice of one stream per activity plus snapshots of the
 * campaign. Runs on Axon's in-memory engine (counting what a storage engine hands out), without Spring.
 */
class StreamLengthTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int UNITS = 600;
    private static final int ACTIVITIES = 2_000;
    private static final String C = "big";
    private static final LocalDate DAY = LocalDate.of(2026, 7, 10);

    /** Counts the events and snapshots the repositories and lookups read. */
    static final class CountingEngine extends InMemoryEventStorageEngine {
        final AtomicLong eventsRead = new AtomicLong();
        final AtomicLong snapshotsRead = new AtomicLong();

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            DomainEventStream events = super.readEvents(aggregateIdentifier, firstSequenceNumber);
            return DomainEventStream.of(events.asStream().peek(e -> eventsRead.incrementAndGet()));
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            Optional<DomainEventMessage<?>> snapshot = super.readSnapshot(aggregateIdentifier);
            snapshot.ifPresent(s -> snapshotsRead.incrementAndGet());
            return snapshot;
        }

        long reset() {
            snapshotsRead.set(0);
            return eventsRead.getAndSet(0);
        }
    }

    private final CountingEngine engine = new CountingEngine();
    private Configuration config;

    private Configuration start() {
        MutableClock clock =
                MutableClock.of(ZonedDateTime.of(2026, 7, 15, 12, 0, 0, 0, SHANGHAI).toInstant(), SHANGHAI);
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(Unit.class)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Campaign.class)
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), 250))
                        .configureCache(c -> new CaffeineAggregateCache(1024)))
                .configureAggregate(Activity.class)
                .registerComponent(UnitLookup.class, c -> new UnitLookup(c.eventStore()))
                .registerComponent(UnitNames.class, c -> new UnitNames(c.eventStore()))
                .registerComponent(CampaignLookup.class, c -> new CampaignLookup(c.eventStore()))
                .registerComponent(CampaignGate.class, c -> new CampaignGate(Duration.ofSeconds(5)))
                .registerComponent(java.time.Clock.class, c -> clock)
                .buildConfiguration();
        configuration.start();
        return configuration;
    }

    @AfterEach
    void stop() {
        if (config != null) {
            config.shutdown();
        }
    }

    private void send(Object command) {
        config.commandGateway().sendAndWait(command);
    }

    private static RecordActivity record(int n) {
        return new RecordActivity(C, "a" + n, "u" + (n % UNITS), DAY, "文明劝导", null, null,
                new Figures(1, 10, 2.5, 100), null);
    }

    @Test
    void oneCommandReadsAFewEventsWhateverTheCampaignHolds() {
        config = start();
        send(new LaunchCampaign(C, "全市文明实践", null, null, null, null, LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 9, 30), null));
        for (int u = 0; u < UNITS; u++) {
            send(new RegisterUnit("u" + u, "志愿服务队 " + u, UnitType.VOLUNTEER_TEAM, "顺义区", null));
            send(new EnrollUnit(C, "u" + u));
        }
        long start = System.nanoTime();
        for (int n = 0; n < ACTIVITIES; n++) {
            send(record(n));
        }
        long perActivityMicros = (System.nanoTime() - start) / 1_000 / ACTIVITIES;

        engine.reset();
        send(record(ACTIVITIES));
        long warmRecord = engine.reset();

        engine.reset();
        send(new ReviseCampaign(C, "全市文明实践(修订)", null, null));
        long campaignEvents = engine.reset();

        // a fresh process on the same store: empty caches
        config.shutdown();
        config = start();
        engine.reset();
        send(record(ACTIVITIES + 1));
        long coldRecord = engine.reset();
        send(new ReviseCampaign(C, "全市文明实践(再次修订)", null, null));
        long coldCampaignEvents = engine.eventsRead.get();
        long coldCampaignSnapshots = engine.snapshotsRead.get();

        System.out.printf("stream length: %d units enrolled, %d activities; events read by one RecordActivity: "
                          + "warm %d, cold %d; by one campaign command: warm %d, cold %d (+%d snapshot); "
                          + "%d µs per RecordActivity on the in-memory engine%n", UNITS, ACTIVITIES, warmRecord,
                coldRecord, campaignEvents, coldCampaignEvents, coldCampaignSnapshots, perActivityMicros);
        assertThat(warmRecord).as("warm RecordActivity reads only new events of other streams").isLessThanOrEqualTo(2);
        assertThat(coldRecord).as("cold RecordActivity folds the campaign's roll once, never its activities")
                .isLessThanOrEqualTo(UNITS + 3);
        assertThat(campaignEvents).as("the cached campaign is not reloaded").isZero();
        assertThat(coldCampaignSnapshots).isEqualTo(1);
        assertThat(coldCampaignEvents).as("a cold campaign loads its snapshot plus < 250 events")
                .isLessThan(250);
    }
}
