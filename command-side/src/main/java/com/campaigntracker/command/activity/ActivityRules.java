package com.campaigntracker.command.activity;

import com.campaigntracker.command.campaign.CampaignState;
import com.campaigntracker.command.campaign.UnitNotEnrolled;
import com.campaigntracker.command.unit.UnitState;
import com.campaigntracker.command.unit.UnitInactive;
import com.campaigntracker.command.unit.UnitLookup;
import com.campaigntracker.command.unit.UnitNotFound;
import com.campaigntracker.shared.activity.Figures;

import java.time.Clock;
import java.time.LocalDate;

/** The activity policies, each named after the rule it guards. */
final class ActivityRules {
    private ActivityRules() {
    }

    /** The content of an activity, compared to tell a retry from a conflict or a no-op correction. */
    record Content(LocalDate date, String title, String category, String site, Figures figures, String notes) {
    }

    /** The date lies in the campaign period and is not after today (Asia/Shanghai by the injected clock). */
    static void dateAllowed(CampaignState campaign, LocalDate date, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (date.isBefore(campaign.startDate()) || date.isAfter(campaign.endDate())) {
            throw new DateOutsidePeriod(campaign.campaignId(), date, campaign.startDate(), campaign.endDate());
        }
        if (date.isAfter(today)) {
            throw new DateInFuture(date, today);
        }
    }

    /** Only an active unit that reported in and has not withdrawn records activities. */
    static void unitMayRecord(CampaignState campaign, String unitId, UnitLookup units) {
        UnitState unit = units.find(unitId).orElseThrow(() -> new UnitNotFound("unitId", unitId));
        if (!campaign.isEnrolled(unitId)) {
            throw new UnitNotEnrolled(campaign.campaignId(), unitId);
        }
        if (!unit.active()) {
            throw new UnitInactive("unitId", unitId);
        }
    }
}
