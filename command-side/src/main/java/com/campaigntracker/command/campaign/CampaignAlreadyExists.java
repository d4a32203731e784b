package com.campaigntracker.command.campaign;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;

public class CampaignAlreadyExists extends RuleViolation {
    public CampaignAlreadyExists(String campaignId) {
        this("campaignId", campaignId);
    }

    /** @param field the request's name of the id field ({@code campaignId}, or the deprecated {@code id}) */
    public CampaignAlreadyExists(String field, String campaignId) {
        super(Kind.CONFLICT, "campaign-already-exists", "活动编号已被使用",
                FieldLabels.of(field) + " " + campaignId + " 已被使用,不能重复发起", "field", field,
                "campaignId", campaignId);
    }
}
