package com.campaigntracker.query.themes;

import com.campaigntracker.query.campaigns.CampaignSummary.Metrics;
import com.campaigntracker.query.campaigns.Pacing;
import com.campaigntracker.query.campaigns.Progress.DailyRow;
import com.campaigntracker.query.campaigns.Totals;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * One theme across the city: every campaign of the theme whose period meets {@code from}..{@code to} (cancelled
 * ones left out), its figures against the sum of their targets, a row per district, the districts ranked, and the
 * daily series of all of them together.
 */
public record ThemeProgress(
        String theme,
        @Schema(description = "期间起（含）；未给出时不限") String from,
        @Schema(description = "期间止（含）；未给出时不限") String to,
        @Schema(description = "截至日期；实时视图为 null") String asOf,
        int campaignCount,
        long enrolledUnits,
        long reportingUnits,
        Totals totals,
        @Schema(description = "各项合计对各活动目标之和；expectedPercent 为按各活动时间进度应完成的份额")
        Metrics metrics,
        Pacing pacing,
        List<DistrictRow> byDistrict,
        @Schema(description = "各区按场次完成率排名（无场次目标的排在后面，按场次数）") List<RankRow> ranking,
        @Schema(description = "期间内每日合计；cumulative 含期间开始前的累计") List<DailyRow> daily) {

    /** A campaign of the theme as its district row names it. */
    public record CampaignRef(String campaignId, String title, String status, String startDate, String endDate,
                              Pacing pacing) {
    }

    /** One district (全市 for city-wide campaigns): its campaigns of the theme, their units and figures. */
    public record DistrictRow(String district, List<CampaignRef> campaigns, long enrolledUnits, long reportingUnits,
                              Totals totals, Metrics metrics, Pacing pacing) {
    }

    public record RankRow(int rank, String district, long sessions, Long sessionsTarget, Double sessionsPercent,
                          double expectedPercent, Pacing pacing) {
    }
}
