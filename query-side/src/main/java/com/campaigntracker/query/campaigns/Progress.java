package com.campaigntracker.query.campaigns;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The progress screen of one campaign: live, as of an activity date, as known at the end of a day, or both. */
public record Progress(@JsonUnwrapped CampaignSummary summary,
                       @Schema(description = "截至日期：只计活动日期不晚于此日的活动（按现在所知）；实时视图为 null")
                       String asOf,
                       @Schema(description = "按当时所知：该日结束时系统所知的情况（其后录入、更正的不计）；未指定为 null")
                       String knownAt,
                       List<DistrictRow> byDistrict,
                       List<UnitTypeRow> byUnitType, List<HierarchyNode> hierarchy, List<LeaderboardRow> leaderboard,
                       List<DailyRow> daily, int silentDays, List<SilentUnit> silentUnits,
                       List<UnitRef> neverReported) {

    /** A unit as the progress view names it (from the unit directory; null fields for an unknown unit). */
    public record UnitRef(String unitId, String name, String type, String district) {
    }

    public record DistrictRow(String district, long enrolledUnits, long reportingUnits,
                              @JsonUnwrapped Totals totals) {
    }

    public record UnitTypeRow(String unitType, long enrolledUnits, long reportingUnits,
                              @JsonUnwrapped Totals totals) {
    }

    /** A unit of the roll-up: {@code total} is its own figures plus its children's totals. */
    public record HierarchyNode(String unitId, String name, String type, String district, boolean enrolled,
                                Totals own, Totals total, List<HierarchyNode> children) {
    }

    public record LeaderboardRow(int rank, @JsonUnwrapped UnitRef unit, @JsonUnwrapped Totals totals,
                                 String lastActivityDate) {
    }

    public record DailyRow(String date, @JsonUnwrapped Totals totals, Totals cumulative) {
    }

    public record SilentUnit(@JsonUnwrapped UnitRef unit, String lastActivityDate, Long daysSilent) {
    }
}
