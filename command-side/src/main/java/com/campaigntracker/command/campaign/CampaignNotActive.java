package com.campaigntracker.command.campaign;

import com.campaigntracker.command.rules.RuleViolation;
import com.campaigntracker.shared.campaign.CampaignStatus;

/** Nothing happens after a campaign is closed or cancelled (HTTP 409, type campaign-closed / -cancelled). */
public class CampaignNotActive extends RuleViolation {
    public CampaignNotActive(String campaignId, CampaignStatus status) {
        super(Kind.CONFLICT,
                status == CampaignStatus.CANCELLED ? "campaign-cancelled" : "campaign-closed",
                status == CampaignStatus.CANCELLED ? "活动已取消" : "活动已结束",
                "活动 " + campaignId + (status == CampaignStatus.CANCELLED ? " 已取消" : " 已结束")
                + ",不再接受任何变更", "campaignId", campaignId, "status", status.name());
    }
}
