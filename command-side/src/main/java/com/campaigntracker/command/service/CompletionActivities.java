package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.RuleViolation;
import com.campaigntracker.shared.AuditMetadata;
import com.campaigntracker.shared.activity.ActivityCommands.RecordActivity;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderCompleted;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderPlaced;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/**
 * 结项 → campaign activity (ADR 0005): a completed order linked to a campaign is recorded there as the ordinary
 * {@link RecordActivity} of its provider, with the order id as the activity id. A tracking processor of its own
 * (token in the token store) sends it, so it happens once the completion is stored, survives a restart, and a
 * replay sends the same command again, which the activity answers as an unchanged retry. The activity's own rules
 * decide whether it counts (campaign active, provider enrolled, date in the period); a refusal is logged, not
 * retried. Anything else (store, bus) fails the event, and the processor retries it.
 */
@Configuration(proxyBeanMethods = false)
@ProcessingGroup(CompletionActivities.GROUP)
public class CompletionActivities {
    public static final String GROUP = "service-order-activities";
    private static final Logger LOG = LoggerFactory.getLogger(CompletionActivities.class);

    private final CommandGateway commands;
    private final EventStore events;

    public CompletionActivities(CommandGateway commands, EventStore events) {
        this.commands = commands;
        this.events = events;
    }

    @Bean
    static ConfigurerModule serviceOrderActivitiesProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(GROUP, org.axonframework.config.Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing())
                .registerListenerInvocationErrorHandler(GROUP, c -> PropagatingErrorHandler.instance()));
    }

    @EventHandler
    void on(ServiceOrderCompleted completed, MetaData metaData) {
        if (completed.campaignId() == null) {
            return;
        }
        ServiceOrderPlaced placed = events.readEvents(completed.orderId()).asStream()
                .map(e -> e.getPayload()).filter(ServiceOrderPlaced.class::isInstance)
                .map(ServiceOrderPlaced.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("order " + completed.orderId() + " was never placed"));
        String title = placed.projectTitle() != null ? placed.projectTitle() : completed.category() + "(点单服务)";
        RecordActivity record = new RecordActivity(completed.campaignId(), completed.orderId(),
                completed.providerUnitId(), completed.report().date(), title, completed.category(), placed.place(),
                completed.report().figures(), completed.report().summary());
        // who completed the order records the activity: the same account, role and unit as the completion
        MetaData who = metaData.subset(AuditMetadata.USER, AuditMetadata.ROLE, AuditMetadata.ACTING_UNIT);
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(record).andMetaData(who));
        } catch (RuleViolation refused) {
            LOG.info("服务单 {} 结项未计入活动 {}: {}", completed.orderId(), completed.campaignId(),
                    refused.getMessage());
        }
    }
}
