package com.campaigntracker.query.projection;

import com.campaigntracker.shared.activity.ActivityEvents.ActivityEvent;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignEvent;
import com.campaigntracker.shared.unit.UnitEvents.UnitEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * The processing group of all read models and its sequencing policy: all events of one campaign (its own stream and
 * all its activities' streams) form one sequence {@code c:<campaignId>}, so each campaign's documents have one writer
 * and see events in global order; all unit events form the sequence {@code units}. Campaigns spread over segments.
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
        return campaign != null ? "c:" + campaign : payload instanceof UnitEvent ? "units" : null;
    }

    /** The message's sequence, also its sequence identifier in the dead-letter queue (else the message's id). */
    public static Object sequenceIdentifier(EventMessage<?> message) {
        String sequence = sequenceOf(message.getPayload());
        return sequence != null ? sequence : message.getIdentifier();
    }
}
