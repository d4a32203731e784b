package com.campaigntracker.command.campaign;

import com.campaigntracker.command.FoldingLookup;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignEvent;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Campaigns for the activity rules (active, period, enrolled units). A campaign stream is short (life-cycle events
 * plus one event per 报到 / withdrawal, ~600 for a big campaign), read once per process and then only its new
 * events; folded by the aggregate's own {@link CampaignState#fold}.
 */
@Component
public class CampaignLookup extends FoldingLookup<CampaignState> {

    @Autowired
    public CampaignLookup(EventStore eventStore,
                          @Value("${tracker.command.lookup-cache-size:" + DEFAULT_MAX_ENTRIES + "}") long maxEntries) {
        super(eventStore, maxEntries);
    }

    public CampaignLookup(EventStore eventStore) {
        this(eventStore, DEFAULT_MAX_ENTRIES);
    }

    public CampaignState require(String campaignId) {
        return find(campaignId).orElseThrow(() -> new CampaignNotFound(campaignId));
    }

    @Override
    protected CampaignState apply(CampaignState state, Object payload) {
        return payload instanceof CampaignEvent event ? CampaignState.fold(state, event) : state;
    }
}
