package com.campaigntracker.command.campaign;

import com.campaigntracker.shared.AuditMetadata;
import com.campaigntracker.command.unit.ActingUnitPolicy;
import org.axonframework.messaging.annotation.MetaDataValue;

import com.campaigntracker.command.Outcome;
import com.campaigntracker.command.rules.InvalidField;
import com.campaigntracker.command.unit.UnitState;
import com.campaigntracker.command.unit.UnitInactive;
import com.campaigntracker.command.unit.UnitLookup;
import com.campaigntracker.shared.campaign.CampaignCommands.CancelCampaign;
import com.campaigntracker.shared.campaign.CampaignCommands.CloseCampaign;
import com.campaigntracker.shared.campaign.CampaignCommands.EnrollUnit;
import com.campaigntracker.shared.campaign.CampaignCommands.ExtendCampaign;
import com.campaigntracker.shared.campaign.CampaignCommands.LaunchCampaign;
import com.campaigntracker.shared.campaign.CampaignCommands.ReviseCampaign;
import com.campaigntracker.shared.campaign.CampaignCommands.WithdrawUnit;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignCancelled;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignClosed;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignEvent;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignExtended;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignLaunched;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignRevised;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitEnrolled;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitWithdrawn;
import com.campaigntracker.shared.campaign.Targets;
import com.campaigntracker.shared.unit.UnitType;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A themed campaign and its 报到 roll. Activities live in their own streams ({@code Activity}), so this stream
 * grows only with life-cycle events and enrolments (~600 for a big campaign); snapshots every
 * {@code tracker.command.campaign-snapshot-threshold} events (default 250) and an in-memory cache keep loading
 * it cheap. Its state is a {@link CampaignState}; the snapshot is that state as JSON.
 */
@Aggregate(snapshotTriggerDefinition = CampaignAggregateConfiguration.SNAPSHOT_TRIGGER,
        cache = CampaignAggregateConfiguration.CACHE)
public class Campaign {

    private CampaignState state;

    protected Campaign() {
        // for Axon
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Campaign fromSnapshot(CampaignState state) {
        Campaign campaign = new Campaign();
        campaign.state = state;
        return campaign;
    }

    @JsonValue
    CampaignState snapshot() {
        return state;
    }

    @AggregateIdentifier
    String campaignId() {
        return state == null ? null : state.campaignId();
    }

    @CommandHandler
    public Campaign(LaunchCampaign command, CampaignLookup campaigns) {
        if (command.endDate().isBefore(command.startDate())) {
            throw new InvalidField("endDate", command.endDate(), "不能早于开始日期(" + command.startDate() + ")");
        }
        CampaignPeriod.requireWithinLimit(command.campaignId(), command.startDate(), command.endDate());
        if (campaigns.idInUse(command.campaignId())) {
            throw new CampaignAlreadyExists(command.campaignId());
        }
        Targets targets = command.targets() == null ? Targets.none() : command.targets();
        apply(new CampaignLaunched(command.campaignId(), command.title(), command.theme(), command.description(),
                command.district(), eligible(command.eligibleUnitTypes()), command.startDate(), command.endDate(),
                targets));
    }

    /** No eligible types given means every type may report in; the event lists them explicitly. */
    private static Set<UnitType> eligible(Set<UnitType> requested) {
        if (requested == null || requested.isEmpty()) {
            return new LinkedHashSet<>(EnumSet.allOf(UnitType.class));
        }
        return new LinkedHashSet<>(EnumSet.copyOf(requested));
    }

    /** Fields left null keep their value; the event carries the complete revised title, description, targets. */
    @CommandHandler
    public void handle(ReviseCampaign command) {
        if (command.title() == null && command.description() == null && command.targets() == null) {
            throw new InvalidField("title", null, "、说明、目标至少要提供一项");
        }
        String newTitle = command.title() == null ? state.title() : command.title();
        String newDescription = command.description() == null ? state.description() : command.description();
        Targets newTargets = command.targets() == null ? state.targets() : command.targets();
        state.requireActive();
        if (Objects.equals(newTitle, state.title()) && Objects.equals(newDescription, state.description())
                && Objects.equals(newTargets, state.targets())) {
            return;
        }
        apply(new CampaignRevised(state.campaignId(), newTitle, newDescription, newTargets));
    }

    /** Extending to the current end date again is a harmless retry; an earlier date is refused. */
    @CommandHandler
    public void handle(ExtendCampaign command) {
        LocalDate newEnd = command.endDate();
        state.requireActive();
        LocalDate endDate = state.endDate();
        if (newEnd.equals(endDate)) {
            return;
        }
        if (newEnd.isBefore(endDate)) {
            throw new ExtensionNotLater(state.campaignId(), endDate, newEnd);
        }
        CampaignPeriod.requireWithinLimit(state.campaignId(), state.startDate(), newEnd);
        apply(new CampaignExtended(state.campaignId(), endDate, newEnd));
    }

    @CommandHandler
    public void handle(CloseCampaign command, CampaignGate gate) {
        state.requireActive();
        gate.enterExclusive(state.campaignId());
        apply(new CampaignClosed(state.campaignId()));
    }

    @CommandHandler
    public void handle(CancelCampaign command, CampaignGate gate) {
        state.requireActive();
        gate.enterExclusive(state.campaignId());
        apply(new CampaignCancelled(state.campaignId(), command.reason()));
    }

    /** 报到: only active units of an eligible type, in the campaign's district unless it is city-wide. */
    @CommandHandler
    public Outcome handle(EnrollUnit command, UnitLookup units, @MetaDataValue(AuditMetadata.ROLE) String role,
                          @MetaDataValue(AuditMetadata.ACTING_UNIT) String actingUnit) {
        String unitId = command.unitId();
        ActingUnitPolicy.requireMayActFor(role, actingUnit, unitId, units);
        state.requireActive();
        if (state.isEnrolled(unitId)) {
            return Outcome.UNCHANGED;
        }
        UnitState unit = units.require("unitId", unitId);
        if (!unit.active()) {
            throw new UnitInactive("unitId", unitId);
        }
        if (!state.eligibleUnitTypes().contains(unit.type())) {
            throw new IneligibleUnitType(state.campaignId(), unitId, unit.type(), state.eligibleUnitTypes());
        }
        String district = state.district();
        if (district != null && !district.equals(unit.district())) {
            throw new UnitOutOfScope(state.campaignId(), district, unitId, unit.district());
        }
        apply(new UnitEnrolled(state.campaignId(), unitId));
        return Outcome.CHANGED;
    }

    /** Withdrawing twice is a harmless retry; withdrawing a unit that never reported in is refused. */
    @CommandHandler
    public void handle(WithdrawUnit command, CampaignGate gate, UnitLookup units,
                       @MetaDataValue(AuditMetadata.ROLE) String role,
                       @MetaDataValue(AuditMetadata.ACTING_UNIT) String actingUnit) {
        String unitId = command.unitId();
        ActingUnitPolicy.requireMayActFor(role, actingUnit, unitId, units);
        state.requireActive();
        if (!state.isEnrolled(unitId)) {
            if (state.withdrawnUnits().contains(unitId)) {
                return;
            }
            throw new UnitNotEnrolled(state.campaignId(), unitId);
        }
        gate.enterExclusive(state.campaignId());
        apply(new UnitWithdrawn(state.campaignId(), unitId));
    }

    @EventSourcingHandler
    void on(CampaignEvent event) {
        state = CampaignState.fold(state, event);
    }
}
