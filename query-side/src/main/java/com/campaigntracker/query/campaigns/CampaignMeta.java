package com.campaigntracker.query.campaigns;

import com.campaigntracker.shared.campaign.Targets;

import java.util.List;

/**
 * What a campaign is, as it stood after an event: the head of its progress view. Kept in the campaign document and,
 * per day of change, in {@code rm_campaign_changes}, so an as-of view shows the campaign as it was that day.
 *
 * @param eligibleUnitTypes Chinese labels, sorted
 */
public record CampaignMeta(String title, String theme, String description, String district,
                           List<String> eligibleUnitTypes, String startDate, String endDate, Targets targets,
                           String status, String cancelReason, String launchDay) {
}
