package com.campaigntracker.command.campaign;

import com.campaigntracker.command.FoldingLookup;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignCancelled;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignClosed;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignExtended;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignLaunched;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitEnrolled;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitWithdrawn;
import com.campaigntracker.shared.campaign.CampaignStatus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Set;

/**
 * Facts about campaigns for the activity rules (active, period, enrolled units). A campaign stream is short
 * (life-cycle events plus one event per 报到 / withdrawal, ~600 for a big campaign), read once per process and
 * then only its new events.
 */
@Component
public class CampaignLookup extends FoldingLookup<CampaignFacts> {

    public CampaignLookup(EventStore eventStore) {
        super(eventStore);
    }

    public CampaignFacts require(String campaignId) {
        return find(campaignId).orElseThrow(() -> new CampaignNotFound(campaignId));
    }

    @Override
    protected CampaignFacts apply(CampaignFacts s, Object payload) {
        if (payload instanceof CampaignLaunched e) {
            return new CampaignFacts(e.campaignId(), CampaignStatus.ACTIVE, e.district(),
                    Set.copyOf(e.eligibleUnitTypes()), e.startDate(), e.endDate(), Set.of());
        }
        if (s == null) {
            return null;
        }
        if (payload instanceof CampaignExtended e) {
            return new CampaignFacts(s.campaignId(), s.status(), s.district(), s.eligibleUnitTypes(),
                    s.startDate(), e.endDate(), s.enrolledUnits());
        }
        if (payload instanceof CampaignClosed) {
            return withStatus(s, CampaignStatus.CLOSED);
        }
        if (payload instanceof CampaignCancelled) {
            return withStatus(s, CampaignStatus.CANCELLED);
        }
        if (payload instanceof UnitEnrolled e) {
            Set<String> units = new HashSet<>(s.enrolledUnits());
            units.add(e.unitId());
            return withUnits(s, units);
        }
        if (payload instanceof UnitWithdrawn e) {
            Set<String> units = new HashSet<>(s.enrolledUnits());
            units.remove(e.unitId());
            return withUnits(s, units);
        }
        return s;
    }

    private static CampaignFacts withStatus(CampaignFacts s, CampaignStatus status) {
        return new CampaignFacts(s.campaignId(), status, s.district(), s.eligibleUnitTypes(), s.startDate(),
                s.endDate(), s.enrolledUnits());
    }

    private static CampaignFacts withUnits(CampaignFacts s, Set<String> units) {
        return new CampaignFacts(s.campaignId(), s.status(), s.district(), s.eligibleUnitTypes(), s.startDate(),
                s.endDate(), Set.copyOf(units));
    }
}
