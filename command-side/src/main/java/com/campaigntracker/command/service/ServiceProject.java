package com.campaigntracker.command.service;

import com.campaigntracker.command.Outcome;
import com.campaigntracker.command.campaign.CampaignLookup;
import com.campaigntracker.command.service.ServiceProjectState.Content;
import com.campaigntracker.command.unit.ActingUnitPolicy;
import com.campaigntracker.command.unit.UnitLookup;
import com.campaigntracker.command.unit.UnitState;
import com.campaigntracker.security.ServiceOrderProperties;
import com.campaigntracker.shared.AuditMetadata;
import com.campaigntracker.shared.service.ServiceCommands.PublishServiceProject;
import com.campaigntracker.shared.service.ServiceCommands.ReviseServiceProject;
import com.campaigntracker.shared.service.ServiceCommands.WithdrawServiceProject;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectEvent;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectPublished;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectRevised;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectWithdrawn;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.LinkedHashSet;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A project on the 服务菜单. Published for its provider unit by that unit (or a unit above it, or a coordinator);
 * revised as a whole; withdrawn for good. Publishing is {@code CREATE_IF_MISSING} so the same command again is an
 * idempotent retry and other content under the same id a conflict.
 */
@Aggregate
public class ServiceProject {

    private ServiceProjectState state;

    protected ServiceProject() {
        // for Axon; also the state before publishing
    }

    @AggregateIdentifier
    String projectId() {
        return state == null ? null : state.projectId();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(PublishServiceProject command, UnitLookup units, CampaignLookup campaigns,
                          ServiceOrderProperties settings, @MetaDataValue(AuditMetadata.ROLE) String role,
                          @MetaDataValue(AuditMetadata.ACTING_UNIT) String actingUnit) {
        ActingUnitPolicy.requireMayActFor(role, actingUnit, command.providerUnitId(), units);
        Content content = new Content(command.title(), command.category(), command.description(),
                command.providerUnitId(), distinct(command.districts()), command.weeklyCapacity(),
                command.campaignId());
        if (state != null) {
            if (content.equals(state.content())) {
                return Outcome.UNCHANGED;
            }
            throw new ServiceProjectIdConflict(command.projectId());
        }
        UnitState provider = checkContent(content, units, campaigns, settings);
        apply(new ServiceProjectPublished(command.projectId(), content.title(), content.category(),
                content.description(), content.providerUnitId(), provider.district(), content.districts(),
                content.weeklyCapacity(), content.campaignId()));
        return Outcome.CHANGED;
    }

    /** Replaces the content; the same content again changes nothing. */
    @CommandHandler
    public Outcome handle(ReviseServiceProject command, UnitLookup units, CampaignLookup campaigns,
                          ServiceOrderProperties settings, @MetaDataValue(AuditMetadata.ROLE) String role,
                          @MetaDataValue(AuditMetadata.ACTING_UNIT) String actingUnit) {
        ActingUnitPolicy.requireMayActFor(role, actingUnit, state.content().providerUnitId(), units);
        ActingUnitPolicy.requireMayActFor(role, actingUnit, command.providerUnitId(), units);
        state.requireOnMenu();
        Content content = new Content(command.title(), command.category(), command.description(),
                command.providerUnitId(), distinct(command.districts()), command.weeklyCapacity(),
                command.campaignId());
        if (content.equals(state.content())) {
            return Outcome.UNCHANGED;
        }
        UnitState provider = checkContent(content, units, campaigns, settings);
        apply(new ServiceProjectRevised(state.projectId(), content.title(), content.category(),
                content.description(), content.providerUnitId(), provider.district(), content.districts(),
                content.weeklyCapacity(), content.campaignId()));
        return Outcome.CHANGED;
    }

    /** Withdrawing twice changes nothing. Orders already placed go on. */
    @CommandHandler
    public Outcome handle(WithdrawServiceProject command, UnitLookup units,
                          @MetaDataValue(AuditMetadata.ROLE) String role,
                          @MetaDataValue(AuditMetadata.ACTING_UNIT) String actingUnit) {
        ActingUnitPolicy.requireMayActFor(role, actingUnit, state.content().providerUnitId(), units);
        if (state.withdrawn()) {
            return Outcome.UNCHANGED;
        }
        apply(new ServiceProjectWithdrawn(state.projectId(), command.reason()));
        return Outcome.CHANGED;
    }

    /** Provider eligible, category listed, linked campaign exists and is active. */
    private static UnitState checkContent(Content content, UnitLookup units, CampaignLookup campaigns,
                                          ServiceOrderProperties settings) {
        UnitState provider = ServicePolicies.eligibleProvider("providerUnitId", content.providerUnitId(), units);
        ServicePolicies.listedCategory(content.category(), settings);
        if (content.campaignId() != null) {
            campaigns.require(content.campaignId()).requireActive();
        }
        return provider;
    }

    /** The districts served, each once, in the order given. */
    private static List<String> distinct(List<String> districts) {
        return List.copyOf(new LinkedHashSet<>(districts));
    }

    @EventSourcingHandler
    void on(ServiceProjectEvent event) {
        state = ServiceProjectState.fold(state, event);
    }
}
