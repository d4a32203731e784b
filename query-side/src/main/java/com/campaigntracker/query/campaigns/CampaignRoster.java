package com.campaigntracker.query.campaigns;

import org.bson.codecs.pojo.annotations.BsonId;

import java.util.ArrayList;
import java.util.List;

/** {@code rm_campaign_rosters}, by campaign: sorted ids of every unit that enrolled or reported (bounded by the network). */
public record CampaignRoster(@BsonId String campaignId, List<String> unitIds) {
    public CampaignRoster {
        unitIds = unitIds == null ? new ArrayList<>() : new ArrayList<>(unitIds);
    }
}
