package com.campaigntracker.command.campaign;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;

public class CampaignAlreadyExists extends RuleViolation {
    public CampaignAlreadyExists(String campaignId) {
        super(Kind.CONFLICT, "campaign-already-exists", "活动编号已被使用",
                FieldLabels.of("id") + "的编号 " + campaignId + " 已被使用,不能重复发起", "field", "id", "campaignId", campaignId);
    }
}
