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

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * A campaign's state, folded from its own stream: the one fold behind both the {@link Campaign} aggregate and
 * {@link CampaignLookup} (what activities may know about their campaign). Also the campaign's snapshot: its
 * JSON names are the snapshot's fields.
 */
public record CampaignState(String campaignId, String title, String description, String district,
                            Set<UnitType> eligibleUnitTypes, LocalDate startDate, LocalDate endDate,
                            Targets targets, CampaignStatus status, Set<String> enrolledUnits,
                            Set<String> withdrawnUnits) {

    public CampaignState {
        eligibleUnitTypes = eligibleUnitTypes == null ? Set.of() : Set.copyOf(eligibleUnitTypes);
        enrolledUnits = enrolledUnits == null ? Set.of() : Set.copyOf(enrolledUnits);
        withdrawnUnits = withdrawnUnits == null ? Set.of() : Set.copyOf(withdrawnUnits);
    }

    /**
     * The state after {@code event}.
     *
     * @param state null before the launch
     */
    public static CampaignState fold(CampaignState state, CampaignEvent event) {
        if (event instanceof CampaignLaunched e) {
            return new CampaignState(e.campaignId(), e.title(), e.description(), e.district(),
                    e.eligibleUnitTypes(), e.startDate(), e.endDate(), e.targets(), CampaignStatus.ACTIVE, Set.of(),
                    Set.of());
        }
        if (state == null) {
            return null;
        }
        if (event instanceof CampaignRevised e) {
            return new CampaignState(state.campaignId, e.title(), e.description(), state.district,
                    state.eligibleUnitTypes, state.startDate, state.endDate, e.targets(), state.status,
                    state.enrolledUnits, state.withdrawnUnits);
        }
        if (event instanceof CampaignExtended e) {
            return new CampaignState(state.campaignId, state.title, state.description, state.district,
                    state.eligibleUnitTypes, state.startDate, e.endDate(), state.targets, state.status,
                    state.enrolledUnits, state.withdrawnUnits);
        }
        if (event instanceof CampaignClosed) {
            return state.withStatus(CampaignStatus.CLOSED);
        }
        if (event instanceof CampaignCancelled) {
            return state.withStatus(CampaignStatus.CANCELLED);
        }
        if (event instanceof UnitEnrolled e) {
            return state.withUnits(plus(state.enrolledUnits, e.unitId()), minus(state.withdrawnUnits, e.unitId()));
        }
        if (event instanceof UnitWithdrawn e) {
            return state.withUnits(minus(state.enrolledUnits, e.unitId()), plus(state.withdrawnUnits, e.unitId()));
        }
        throw new IllegalArgumentException("campaign event not folded: " + event.getClass().getName());
    }

    /** Campaign policy: nothing happens after close or cancel. */
    public CampaignState requireActive() {
        if (status != CampaignStatus.ACTIVE) {
            throw new CampaignNotActive(campaignId, status);
        }
        return this;
    }

    public boolean isEnrolled(String unitId) {
        return enrolledUnits.contains(unitId);
    }

    private CampaignState withStatus(CampaignStatus newStatus) {
        return new CampaignState(campaignId, title, description, district, eligibleUnitTypes, startDate, endDate,
                targets, newStatus, enrolledUnits, withdrawnUnits);
    }

    private CampaignState withUnits(Set<String> enrolled, Set<String> withdrawn) {
        return new CampaignState(campaignId, title, description, district, eligibleUnitTypes, startDate, endDate,
                targets, status, enrolled, withdrawn);
    }

    private static Set<String> plus(Set<String> units, String unitId) {
        Set<String> copy = new HashSet<>(units);
        copy.add(unitId);
        return copy;
    }

    private static Set<String> minus(Set<String> units, String unitId) {
        Set<String> copy = new HashSet<>(units);
        copy.remove(unitId);
        return copy;
    }
}
