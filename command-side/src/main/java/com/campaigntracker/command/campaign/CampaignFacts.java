package com.campaigntracker.command.campaign;

import com.campaigntracker.shared.campaign.CampaignStatus;
import com.campaigntracker.shared.unit.UnitType;

import java.time.LocalDate;
import java.util.Set;

/** What other aggregates may know about a campaign: folded from its own stream by {@link CampaignLookup}. */
public record CampaignFacts(String campaignId, CampaignStatus status, String district,
                           Set<UnitType> eligibleUnitTypes, LocalDate startDate, LocalDate endDate,
                           Set<String> enrolledUnits) {

    /** Campaign policy: nothing happens after close or cancel. */
    public CampaignFacts requireActive() {
        if (status != CampaignStatus.ACTIVE) {
            throw new CampaignNotActive(campaignId, status);
        }
        return this;
    }

    public boolean isEnrolled(String unitId) {
        return enrolledUnits.contains(unitId);
    }
}
