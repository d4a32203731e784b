package com.campaigntracker.command.campaign;

import com.campaigntracker.command.rules.RuleViolation;

/** The campaign gate could not be entered in time; nothing was changed, the client may retry (HTTP 503). */
public class CampaignBusy extends RuleViolation {
    public CampaignBusy(String campaignId) {
        super(Kind.BUSY, "campaign-busy", "活动正忙", "活动 " + campaignId + " 正在处理其他变更,请稍后重试",
                "campaignId", campaignId);
    }
}
