package com.campaigntracker.query.projection;

import com.campaigntracker.query.campaigns.CampaignProjection;
import com.campaigntracker.query.ledger.LedgerProjection;
import com.campaigntracker.query.service.ServiceProjection;
import com.campaigntracker.query.units.UnitProjection;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityEvent;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignEvent;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderEvent;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectEvent;
import com.campaigntracker.shared.unit.UnitEvents.UnitEvent;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A new event type fails here until every projection that follows its interface handles it. */
class ProjectionsHandleEveryEventTest {
    private final List<Projection> projections = List.of(new UnitProjection(), new CampaignProjection(),
            new LedgerProjection(), new ServiceProjection());

    @Test
    void everyProjectionHandlesEveryTypeOfTheEventsItFollows() {
        for (Projection p : projections) {
            assertThat(p.unhandled()).as("unhandled in %s", p.getClass().getSimpleName()).isEmpty();
        }
    }

    @Test
    void everyEventTypeChangesSomeReadModel() {
        Stream.of(CampaignEvent.class, ActivityEvent.class, UnitEvent.class, ServiceProjectEvent.class,
                        ServiceOrderEvent.class)
                .flatMap(i -> Arrays.stream(i.getPermittedSubclasses()))
                .forEach(type -> assertThat(projections).as("a projection of %s", type.getSimpleName())
                        .anyMatch(p -> p.handles(type)));
    }
}
