package com.campaigntracker.command.activity;

import com.campaigntracker.shared.AuditMetadata;
import com.campaigntracker.command.unit.ActingUnitPolicy;

import com.campaigntracker.command.Outcome;
import com.campaigntracker.command.activity.ActivityRules.Content;
import com.campaigntracker.command.campaign.CampaignState;
import com.campaigntracker.command.campaign.CampaignGate;
import com.campaigntracker.command.campaign.CampaignLookup;
import com.campaigntracker.command.unit.UnitLookup;
import com.campaigntracker.shared.activity.ActivityCommands.CorrectActivity;
import com.campaigntracker.shared.activity.ActivityCommands.RecordActivity;
import com.campaigntracker.shared.activity.ActivityCommands.RetractActivity;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityCorrected;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRecorded;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRetracted;
import com.campaigntracker.shared.activity.ActivityKey;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One activity a unit reported, in its own stream ({@link ActivityKey}): recording never replays the campaign's
 * other activities, and units recording at the same time never wait for each other. What it needs to know of
 * the campaign and the unit comes from {@link CampaignLookup} and {@link UnitLookup}; the {@link CampaignGate}
 * keeps activity commands and a close of the same campaign from interleaving.
 */
@Aggregate
public class Activity {
    /** Command metadata key: the unit the client believes recorded the activity (checked on correction). */
    public static final String EXPECTED_UNIT_ID = "expectedUnitId";

    @AggregateIdentifier
    private String streamId;
    private String campaignId;
    private String activityId;
    private String unitId;
    private Content recorded;
    private Content current;
    private boolean retracted;

    protected Activity() {
        // for Axon; also the state before the first record
    }

    /**
     * Records the activity. The exact same command again is an idempotent retry (no event); the same id with
     * other content is a conflict.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(RecordActivity command, CampaignLookup campaigns, UnitLookup units, CampaignGate gate,
                          Clock clock, @MetaDataValue(AuditMetadata.ROLE) String role,
                          @MetaDataValue(AuditMetadata.ACTING_UNIT) String actingUnit) {
        ActingUnitPolicy.requireMayActFor(role, actingUnit, command.unitId(), units);
        Content content = new Content(command.date(), command.title(), command.category(), command.site(),
                command.figures(), command.notes());
        if (streamId != null) {
            if (retracted) {
                throw new ActivityAlreadyRetracted(campaignId, activityId);
            }
            if (content.equals(recorded) && command.unitId().equals(unitId)) {
                return Outcome.UNCHANGED;
            }
            throw new ActivityIdConflict(campaignId, activityId, unitId);
        }
        gate.enterShared(command.campaignId());
        CampaignState campaign = campaigns.require(command.campaignId()).requireActive();
        ActivityRules.dateAllowed(campaign, content.date(), clock);
        ActivityRules.unitMayRecord(campaign, command.unitId(), units);
        apply(new ActivityRecorded(command.campaignId(), command.activityId(), command.unitId(), content.date(),
                content.title(), content.category(), content.site(), content.figures(), content.notes()));
        return Outcome.CHANGED;
    }

    /** Replaces the content; the same content again changes nothing. The reason is required. */
    @CommandHandler
    public Outcome handle(CorrectActivity command, CampaignLookup campaigns, UnitLookup units, CampaignGate gate,
                          Clock clock, @MetaDataValue(EXPECTED_UNIT_ID) String expectedUnitId,
                          @MetaDataValue(AuditMetadata.ROLE) String role,
                          @MetaDataValue(AuditMetadata.ACTING_UNIT) String actingUnit) {
        ActingUnitPolicy.requireMayActFor(role, actingUnit, unitId, units);
        Content content = new Content(command.date(), command.title(), command.category(), command.site(),
                command.figures(), command.notes());
        if (retracted) {
            throw new ActivityAlreadyRetracted(campaignId, activityId);
        }
        if (expectedUnitId != null && !expectedUnitId.equals(unitId)) {
            throw new ActivityUnitMismatch(campaignId, activityId, unitId, expectedUnitId);
        }
        if (content.equals(current)) {
            return Outcome.UNCHANGED;
        }
        gate.enterShared(campaignId);
        CampaignState campaign = campaigns.require(campaignId).requireActive();
        ActivityRules.dateAllowed(campaign, content.date(), clock);
        apply(new ActivityCorrected(campaignId, activityId, unitId, content.date(), content.title(),
                content.category(), content.site(), content.figures(), content.notes(), current.figures(),
                current.date(), command.reason()));
        return Outcome.CHANGED;
    }

    /** Takes the activity out of every figure for good. The reason is required. */
    @CommandHandler
    public Outcome handle(RetractActivity command, CampaignLookup campaigns, UnitLookup units, CampaignGate gate,
                          @MetaDataValue(AuditMetadata.ROLE) String role,
                          @MetaDataValue(AuditMetadata.ACTING_UNIT) String actingUnit) {
        ActingUnitPolicy.requireMayActFor(role, actingUnit, unitId, units);
        if (retracted) {
            throw new ActivityAlreadyRetracted(campaignId, activityId);
        }
        gate.enterShared(campaignId);
        campaigns.require(campaignId).requireActive();
        apply(new ActivityRetracted(campaignId, activityId, unitId, current.date(), current.figures(),
                command.reason()));
        return Outcome.CHANGED;
    }

    @EventSourcingHandler
    void on(ActivityRecorded event) {
        streamId = ActivityKey.of(event.campaignId(), event.activityId());
        campaignId = event.campaignId();
        activityId = event.activityId();
        unitId = event.unitId();
        recorded = new Content(event.date(), event.title(), event.category(), event.site(), event.figures(),
                event.notes());
        current = recorded;
    }

    @EventSourcingHandler
    void on(ActivityCorrected event) {
        current = new Content(event.date(), event.title(), event.category(), event.site(), event.figures(),
                event.notes());
    }

    @EventSourcingHandler
    void on(ActivityRetracted event) {
        retracted = true;
    }
}
