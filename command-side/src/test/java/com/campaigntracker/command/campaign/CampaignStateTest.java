package com.campaigntracker.command.campaign;

import com.campaigntracker.shared.campaign.CampaignEvents.CampaignCancelled;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignClosed;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignEvent;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignExtended;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignLaunched;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignRevised;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitEnrolled;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitWithdrawn;
import com.campaigntracker.shared.campaign.CampaignStatus;
import com.campaigntracker.shared.campaign.Targets;
import com.campaigntracker.shared.unit.UnitType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One fold of a campaign's events, shared by the aggregate, its snapshot and {@link CampaignLookup}. */
class CampaignStateTest {
    private static final LocalDate START = LocalDate.of(2026, 6, 1);
    private static final LocalDate END = LocalDate.of(2026, 9, 30);
    private static final List<CampaignEvent> HISTORY = List.of(
            new CampaignLaunched("c", "文明路口", "主题", "说明", "顺义区", EnumSet.of(UnitType.PRACTICE_STATION),
                    START, END, Targets.none()),
            new CampaignRevised("c", "文明路口引导", "新说明", new Targets(600L, null, null, null, 25)),
            new UnitEnrolled("c", "u1"),
            new UnitEnrolled("c", "u2"),
            new UnitWithdrawn("c", "u1"),
            new CampaignExtended("c", END, END.plusDays(10)),
            new CampaignClosed("c"));

    private static CampaignState foldAll(List<CampaignEvent> events) {
        CampaignState state = null;
        for (CampaignEvent event : events) {
            state = CampaignState.fold(state, event);
        }
        return state;
    }

    @Test
    void foldsTheWholeLife() {
        assertThat(foldAll(HISTORY)).isEqualTo(new CampaignState("c", "文明路口引导", "新说明", "顺义区",
                Set.of(UnitType.PRACTICE_STATION), START, END.plusDays(10), new Targets(600L, null, null, null, 25),
                CampaignStatus.CLOSED, Set.of("u2"), Set.of("u1")));
        assertThatThrownBy(() -> foldAll(HISTORY).requireActive()).isInstanceOf(CampaignNotActive.class);
        assertThat(CampaignState.fold(foldAll(HISTORY.subList(0, 1)), new CampaignCancelled("c", "原因")).status())
                .isEqualTo(CampaignStatus.CANCELLED);
    }

    /** A new event type fails here until it has a sample below, and then until {@code fold} handles it. */
    @Test
    void everyCampaignEventTypeIsFolded() {
        List<CampaignEvent> samples = new java.util.ArrayList<>(HISTORY);
        samples.add(new CampaignCancelled("c", "原因"));
        assertThat(samples.stream().map(Object::getClass).distinct())
                .containsExactlyInAnyOrder(CampaignEvent.class.getPermittedSubclasses());
        CampaignState launched = foldAll(HISTORY.subList(0, 1));
        samples.forEach(event -> assertThat(CampaignState.fold(launched, event)).isNotNull());
    }

    @Test
    void theLookupSeesWhatTheAggregateSees() {
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build();
        for (int i = 0; i < HISTORY.size(); i++) {
            store.publish(new GenericDomainEventMessage<>("Campaign", "c", i, HISTORY.get(i)));
        }
        Campaign aggregate = new Campaign();
        HISTORY.forEach(aggregate::on);
        assertThat(new CampaignLookup(store).require("c")).isEqualTo(aggregate.snapshot())
                .isEqualTo(foldAll(HISTORY));
    }

    @Test
    void theSnapshotIsTheStateWithTheFieldNamesOfEarlierSnapshots() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        Campaign aggregate = new Campaign();
        HISTORY.forEach(aggregate::on);
        String snapshot = json.writeValueAsString(aggregate);
        assertThat(json.readTree(snapshot).fieldNames()).toIterable().containsExactlyInAnyOrder("campaignId",
                "title", "description", "district", "eligibleUnitTypes", "startDate", "endDate", "targets", "status",
                "enrolledUnits", "withdrawnUnits");
        assertThat(json.readValue(snapshot, Campaign.class).snapshot()).isEqualTo(aggregate.snapshot());
    }
}
