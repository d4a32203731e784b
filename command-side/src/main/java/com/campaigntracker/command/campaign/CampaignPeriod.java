package com.campaigntracker.command.campaign;

import com.campaigntracker.shared.validation.Bounds;

import java.time.LocalDate;

/** The rule for a campaign's period: at most {@link Bounds#CAMPAIGN_YEARS_MAX} years, start and end day included. */
final class CampaignPeriod {
    private CampaignPeriod() {
    }

    /** The latest end date a campaign starting on {@code start} may have. */
    static LocalDate latestEnd(LocalDate start) {
        return start.plusYears(Bounds.CAMPAIGN_YEARS_MAX).minusDays(1);
    }

    static void requireWithinLimit(String campaignId, LocalDate start, LocalDate end) {
        if (end.isAfter(latestEnd(start))) {
            throw new PeriodTooLong(campaignId, start, end, latestEnd(start));
        }
    }
}
