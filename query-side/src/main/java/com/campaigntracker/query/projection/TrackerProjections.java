package com.campaigntracker.query.projection;

import com.campaigntracker.shared.activity.ActivityEvents.ActivityEvent;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignEvent;
import com.campaigntracker.shared.unit.UnitEvents.UnitEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/** The processing group of all read models and its sequencing policy. */
public final class TrackerProjections {
    public static final String GROUP = "tracker-projections";

    private TrackerProjections() {
    }

    /**
     * All events of one campaign (its own stream and all its activities' streams) form one sequence, so each
     * campaign's documents have one writer and see events in global order; all unit events form one sequence
     * (units are few and change rarely). Different campaigns spread over segments.
     */
    public static final SequencingPolicy<EventMessage<?>> POLICY = message -> {
        String sequence = sequenceOf(message.getPayload());
        return sequence != null ? sequence : message.getIdentifier();
    };

    /** The sequence of an event payload under {@link #POLICY}, or null for an event outside campaigns and units. */
    public static String sequenceOf(Object payload) {
        if (payload instanceof CampaignEvent ce) {
            return "c:" + ce.campaignId();
        }
        if (payload instanceof ActivityEvent ae) {
            return "c:" + ae.campaignId();
        }
        if (payload instanceof UnitEvent) {
            return "units";
        }
        return null;
    }

    /**
     * The identifier of the message's sequence in the dead-letter queue: what Axon's dead-lettering invoker uses
     * ({@code SimpleEventHandlerInvoker#sequenceIdentifier}: the policy's answer, else the message identifier).
     */
    public static Object sequenceIdentifier(EventMessage<?> message) {
        Object id = POLICY.getSequenceIdentifierFor(message);
        return id != null ? id : message.getIdentifier();
    }
}
