package com.campaigntracker.command;

import com.campaigntracker.command.campaign.CampaignState;
import com.campaigntracker.command.campaign.CampaignLookup;
import com.campaigntracker.command.campaign.CampaignNotFound;
import com.campaigntracker.command.unit.UnitLookup;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignClosed;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignExtended;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignLaunched;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitEnrolled;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitWithdrawn;
import com.campaigntracker.shared.campaign.CampaignStatus;
import com.campaigntracker.shared.campaign.Targets;
import com.campaigntracker.shared.unit.UnitEvents.UnitDeactivated;
import com.campaigntracker.shared.unit.UnitEvents.UnitRegistered;
import com.campaigntracker.shared.unit.UnitEvents.UnitRenamed;
import com.campaigntracker.shared.unit.UnitType;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

class FoldingLookupTest {
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final EventStore spy = Mockito.spy(store);
    private static final LocalDate START = LocalDate.of(2026, 6, 1);
    private static final LocalDate END = LocalDate.of(2026, 9, 30);

    private void append(String id, long sequence, Object event) {
        store.publish(new GenericDomainEventMessage<>("Campaign", id, sequence, event));
    }

    @Test
    void foldsACampaignAndReadsOnlyTheNewEventsOnEachUse() {
        CampaignLookup lookup = new CampaignLookup(spy);
        append("c", 0, new CampaignLaunched("c", "t", null, null, "顺义区", EnumSet.of(UnitType.PRACTICE_STATION),
                START, END, Targets.none()));
        append("c", 1, new UnitEnrolled("c", "u1"));
        append("c", 2, new UnitEnrolled("c", "u2"));

        CampaignState first = lookup.require("c");
        assertThat(first.enrolledUnits()).containsExactlyInAnyOrder("u1", "u2");
        assertThat(first.status()).isEqualTo(CampaignStatus.ACTIVE);
        verify(spy).readEvents("c", 0L);

        append("c", 3, new UnitWithdrawn("c", "u1"));
        append("c", 4, new CampaignExtended("c", END, END.plusDays(10)));
        append("c", 5, new CampaignClosed("c"));
        CampaignState later = lookup.require("c");
        verify(spy).readEvents("c", 3L);
        assertThat(later).isEqualTo(new CampaignState("c", "t", null, "顺义区", Set.of(UnitType.PRACTICE_STATION),
                START, END.plusDays(10), Targets.none(), CampaignStatus.CLOSED, Set.of("u2"), Set.of("u1")));

        lookup.require("c");
        verify(spy).readEvents("c", 6L);
        verify(spy, Mockito.never()).readEvents(eq("c"), eq(1L));
        verify(spy, Mockito.never()).readEvents(eq("c"));
        Mockito.verify(spy, Mockito.times(3)).readEvents(eq("c"), anyLong());
    }

    @Test
    void anUnknownOrForeignStreamIsNoCampaignButItsIdIsTaken() {
        CampaignLookup campaigns = new CampaignLookup(store);
        UnitLookup units = new UnitLookup(store);
        store.publish(new GenericDomainEventMessage<>("Unit", "x", 0,
                new UnitRegistered("x", "名", UnitType.PRACTICE_CENTER, "海淀区", null)));
        assertThatThrownBy(() -> campaigns.require("x")).isInstanceOf(CampaignNotFound.class);
        assertThat(campaigns.idInUse("x")).isTrue();
        assertThat(campaigns.idInUse("y")).isFalse();
        assertThat(units.find("x")).hasValueSatisfying(u -> assertThat(u.active()).isTrue());
    }

    @Test
    void foldsAUnit() {
        UnitLookup units = new UnitLookup(store);
        store.publish(new GenericDomainEventMessage<>("Unit", "u", 0,
                new UnitRegistered("u", "名", UnitType.PRACTICE_CENTER, "海淀区", null)));
        assertThat(units.require("unitId", "u").name()).isEqualTo("名");
        store.publish(new GenericDomainEventMessage<>("Unit", "u", 1, new UnitRenamed("u", "名", "新名")));
        store.publish(new GenericDomainEventMessage<>("Unit", "u", 2, new UnitDeactivated("u", null)));
        assertThat(units.require("unitId", "u")).satisfies(u -> {
            assertThat(u.name()).isEqualTo("新名");
            assertThat(u.active()).isFalse();
        });
    }

    @Test
    void holdsAtMostTheConfiguredNumberOfStreamsAndRefoldsAnEvictedOne() {
        UnitLookup units = new UnitLookup(spy, 3);
        for (int i = 0; i < 10; i++) {
            store.publish(new GenericDomainEventMessage<>("Unit", "u" + i, 0,
                    new UnitRegistered("u" + i, "名" + i, UnitType.PRACTICE_CENTER, "海淀区", null)));
            assertThat(units.require("unitId", "u" + i).name()).isEqualTo("名" + i);
        }
        assertThat(((FoldingLookup<?>) units).cachedStreams()).isLessThanOrEqualTo(3);
        for (int i = 0; i < 10; i++) {
            assertThat(units.require("unitId", "u" + i).name()).isEqualTo("名" + i);
        }
        assertThat(((FoldingLookup<?>) units).cachedStreams()).isLessThanOrEqualTo(3);
    }
}
