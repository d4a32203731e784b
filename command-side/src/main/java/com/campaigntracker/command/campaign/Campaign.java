package com.campaigntracker.command.campaign;

import com.campaigntracker.shared.AuditMetadata;
import com.campaigntracker.command.unit.ActingUnitPolicy;
import org.axonframework.messaging.annotation.MetaDataValue;

import com.campaigntracker.command.Outcome;
import com.campaigntracker.command.rules.FigureBounds;
import com.campaigntracker.command.rules.InvalidField;
import com.campaigntracker.command.rules.TextBounds;
import com.campaigntracker.command.unit.UnitFacts;
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
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignExtended;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignLaunched;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignRevised;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitEnrolled;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitWithdrawn;
import com.campaigntracker.shared.campaign.CampaignStatus;
import com.campaigntracker.shared.campaign.Targets;
import com.campaigntracker.shared.unit.UnitType;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A themed campaign and its 报到 roll. Activities live in their own streams ({@code Activity}), so this stream
 * grows only with life-cycle events and enrolments (~600 for a big campaign); snapshots every
 * {@code tracker.command.campaign-snapshot-threshold} events (default 250) and an in-memory cache keep loading
 * it cheap. The fields are visible to Jackson because the snapshot is this object serialized as JSON.
 */
@Aggregate(snapshotTriggerDefinition = CampaignAggregateConfiguration.SNAPSHOT_TRIGGER,
        cache = CampaignAggregateConfiguration.CACHE)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class Campaign {

    @AggregateIdentifier
    private String campaignId;
    private String title;
    private String description;
    private String district;
    private Set<UnitType> eligibleUnitTypes = new HashSet<>();
    private LocalDate startDate;
    private LocalDate endDate;
    private Targets targets;
    private CampaignStatus status;
    private Set<String> enrolledUnits = new HashSet<>();
    private Set<String> withdrawnUnits = new HashSet<>();

    protected Campaign() {
        // for Axon and for snapshots
    }

    @CommandHandler
    public Campaign(LaunchCampaign command, CampaignLookup campaigns) {
        String id = TextBounds.id("campaignId", command.campaignId());
        String title = TextBounds.required("title", command.title(), TextBounds.TITLE_MAX);
        String theme = TextBounds.optional("theme", command.theme(), TextBounds.THEME_MAX);
        String description = TextBounds.optionalMultiline("description", command.description(),
                TextBounds.DESCRIPTION_MAX);
        String district = command.district();
        if (district != null) {
            TextBounds.required("district", district, TextBounds.DISTRICT_MAX);
        }
        LocalDate start = TextBounds.date("startDate", command.startDate());
        LocalDate end = TextBounds.date("endDate", command.endDate());
        if (end.isBefore(start)) {
            throw new InvalidField("endDate", end, "不能早于开始日期 startDate(" + start + ")");
        }
        Targets targets = FigureBounds.check(command.targets());
        Set<UnitType> eligible = eligible(command.eligibleUnitTypes());
        if (campaigns.idInUse(id)) {
            throw new CampaignAlreadyExists(id);
        }
        apply(new CampaignLaunched(id, title, theme, description, district, eligible, start, end, targets));
    }

    /** No eligible types given means every type may report in; the event lists them explicitly. */
    private static Set<UnitType> eligible(Set<UnitType> requested) {
        if (requested == null || requested.isEmpty()) {
            return new LinkedHashSet<>(EnumSet.allOf(UnitType.class));
        }
        // not contains(null): immutable sets (Set.of) throw on it
        if (requested.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidField("eligibleUnitTypes", null, "不能包含空值");
        }
        return new LinkedHashSet<>(EnumSet.copyOf(requested));
    }

    /** Fields left null keep their value; the event carries the complete revised title, description, targets. */
    @CommandHandler
    public void handle(ReviseCampaign command) {
        if (command.title() == null && command.description() == null && command.targets() == null) {
            throw new InvalidField("title", null, "title、description、targets 至少要提供一项");
        }
        String newTitle = command.title() == null ? title
                : TextBounds.required("title", command.title(), TextBounds.TITLE_MAX);
        String newDescription = command.description() == null ? description
                : TextBounds.optionalMultiline("description", command.description(), TextBounds.DESCRIPTION_MAX);
        Targets newTargets = command.targets() == null ? targets : FigureBounds.check(command.targets());
        requireActive();
        if (Objects.equals(newTitle, title) && Objects.equals(newDescription, description)
                && Objects.equals(newTargets, targets)) {
            return;
        }
        apply(new CampaignRevised(campaignId, newTitle, newDescription, newTargets));
    }

    /** Extending to the current end date again is a harmless retry; an earlier date is refused. */
    @CommandHandler
    public void handle(ExtendCampaign command) {
        LocalDate newEnd = TextBounds.date("endDate", command.endDate());
        requireActive();
        if (newEnd.equals(endDate)) {
            return;
        }
        if (newEnd.isBefore(endDate)) {
            throw new ExtensionNotLater(campaignId, endDate, newEnd);
        }
        apply(new CampaignExtended(campaignId, endDate, newEnd));
    }

    @CommandHandler
    public void handle(CloseCampaign command, CampaignGate gate) {
        requireActive();
        gate.enterExclusive(campaignId);
        apply(new CampaignClosed(campaignId));
    }

    @CommandHandler
    public void handle(CancelCampaign command, CampaignGate gate) {
        String reason = TextBounds.requiredMultiline("reason", command.reason(), TextBounds.REASON_MAX);
        requireActive();
        gate.enterExclusive(campaignId);
        apply(new CampaignCancelled(campaignId, reason));
    }

    /** 报到: only active units of an eligible type, in the campaign's district unless it is city-wide. */
    @CommandHandler
    public Outcome handle(EnrollUnit command, UnitLookup units, @MetaDataValue(AuditMetadata.ROLE) String role,
                          @MetaDataValue(AuditMetadata.ACTING_UNIT) String actingUnit) {
        String unitId = TextBounds.id("unitId", command.unitId());
        ActingUnitPolicy.requireMayActFor(role, actingUnit, unitId, units);
        requireActive();
        if (enrolledUnits.contains(unitId)) {
            return Outcome.UNCHANGED;
        }
        UnitFacts unit = units.require("unitId", unitId);
        if (!unit.active()) {
            throw new UnitInactive("unitId", unitId);
        }
        if (!eligibleUnitTypes.contains(unit.type())) {
            throw new IneligibleUnitType(campaignId, unitId, unit.type(), eligibleUnitTypes);
        }
        if (district != null && !district.equals(unit.district())) {
            throw new UnitOutOfScope(campaignId, district, unitId, unit.district());
        }
        apply(new UnitEnrolled(campaignId, unitId));
        return Outcome.CHANGED;
    }

    /** Withdrawing twice is a harmless retry; withdrawing a unit that never reported in is refused. */
    @CommandHandler
    public void handle(WithdrawUnit command, CampaignGate gate, UnitLookup units,
                       @MetaDataValue(AuditMetadata.ROLE) String role,
                       @MetaDataValue(AuditMetadata.ACTING_UNIT) String actingUnit) {
        String unitId = TextBounds.id("unitId", command.unitId());
        ActingUnitPolicy.requireMayActFor(role, actingUnit, unitId, units);
        requireActive();
        if (!enrolledUnits.contains(unitId)) {
            if (withdrawnUnits.contains(unitId)) {
                return;
            }
            throw new UnitNotEnrolled(campaignId, unitId);
        }
        gate.enterExclusive(campaignId);
        apply(new UnitWithdrawn(campaignId, unitId));
    }

    private void requireActive() {
        if (status != CampaignStatus.ACTIVE) {
            throw new CampaignNotActive(campaignId, status);
        }
    }

    @EventSourcingHandler
    void on(CampaignLaunched event) {
        campaignId = event.campaignId();
        title = event.title();
        description = event.description();
        district = event.district();
        eligibleUnitTypes = new HashSet<>(event.eligibleUnitTypes());
        startDate = event.startDate();
        endDate = event.endDate();
        targets = event.targets();
        status = CampaignStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(CampaignRevised event) {
        title = event.title();
        description = event.description();
        targets = event.targets();
    }

    @EventSourcingHandler
    void on(CampaignExtended event) {
        endDate = event.endDate();
    }

    @EventSourcingHandler
    void on(CampaignClosed event) {
        status = CampaignStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(CampaignCancelled event) {
        status = CampaignStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(UnitEnrolled event) {
        enrolledUnits.add(event.unitId());
        withdrawnUnits.remove(event.unitId());
    }

    @EventSourcingHandler
    void on(UnitWithdrawn event) {
        enrolledUnits.remove(event.unitId());
        withdrawnUnits.add(event.unitId());
    }
}
