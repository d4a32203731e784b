package com.campaigntracker.query.projection;

import com.campaigntracker.shared.activity.ActivityEvents.ActivityEvent;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignEvent;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderEvent;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectEvent;
import com.campaigntracker.shared.unit.UnitEvents.UnitEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * The processing group of all read models and its sequencing policy: all events of one campaign (its own stream and
 * all its activities' streams) form one sequence {@code c:<campaignId>}, so each campaign's documents have one writer
 * and see events in global order; all unit events form the sequence {@code units}. Campaigns spread over segments.
 * A service project's events form {@code p:<projectId>}, a service order's {@code o:<orderId>}: each carries what its
 * document needs, so no read model reads another sequence's documents.
 */
public final class TrackerProjections {
    public static final String GROUP = "tracker-projections";
    public static final SequencingPolicy<EventMessage<?>> POLICY = TrackerProjections::sequenceIdentifier;

    private TrackerProjections() {
    }

    /** The campaign an event belongs to, or null. */
    public static String campaignOf(Object payload) {
        return payload instanceof CampaignEvent ce ? ce.campaignId()
                : payload instanceof ActivityEvent ae ? ae.campaignId() : null;
    }

    /** The sequence of an event payload, or null for an event outside campaigns and units. */
    static String sequenceOf(Object payload) {
        String campaign = campaignOf(payload);
        if (campaign != null) {
            return "c:" + campaign;
        }
        if (payload instanceof ServiceProjectEvent p) {
            return "p:" + p.projectId();
        }
        if (payload instanceof ServiceOrderEvent o) {
            return "o:" + o.orderId();
        }
        return payload instanceof UnitEvent ? "units" : null;
    }

    /** The message's sequence, also its sequence identifier in the dead-letter queue (else the message's id). */
    public static Object sequenceIdentifier(EventMessage<?> message) {
        String sequence = sequenceOf(message.getPayload());
        return sequence != null ? sequence : message.getIdentifier();
    }
}
