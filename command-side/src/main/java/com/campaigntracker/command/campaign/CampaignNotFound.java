package com.campaigntracker.command.campaign;

import com.campaigntracker.command.rules.RuleViolation;

/** Nothing happens before a campaign is launched (HTTP 404). */
public class CampaignNotFound extends RuleViolation {
    public CampaignNotFound(String campaignId) {
        super(Kind.NOT_FOUND, "campaign-not-found", "活动不存在",
                "campaignId 为 " + campaignId + " 的活动不存在(尚未发起)", "campaignId", campaignId);
    }
}
