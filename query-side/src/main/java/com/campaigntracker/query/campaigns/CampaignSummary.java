package com.campaigntracker.query.campaigns;

import java.util.List;

/** A row of the campaign list and the head of the progress view: metrics, expected progress and pacing. */
public record CampaignSummary(String campaignId, String title, String theme, String description, String district,
                              String status, String startDate, String endDate, List<String> eligibleUnitTypes,
                              String today, long daysTotal, long daysElapsed, long daysLeft, double expectedProgress,
                              long enrolledUnits, Totals totals, Metrics metrics, Pacing pacing) {

    /** One figure against its target; {@code total} is a whole number except for service hours. */
    public record Metric(Number total, Number target, Double percent, double expectedPercent, Pacing pacing) {
    }

    public record Metrics(Metric sessions, Metric participations, Metric serviceHours, Metric beneficiaries,
                          Metric enrolledUnits) {
    }
}
