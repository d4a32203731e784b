package com.campaigntracker.query.briefing;

import java.time.LocalDate;
import java.util.List;

/**
 * A campaign's progress as of a day, as the 简报 need it. Made only by {@link BriefingFigureSource}; drafting,
 * phrasing and exports depend on these records alone, not on the query side's read models.
 *
 * @param pacing  the campaign's overall pacing (DONE, ON_TRACK, LAGGING, AT_RISK), null without targets
 * @param metrics per metric: total, target and pacing (only metrics that have a target matter to the text)
 */
public record CampaignFigures(String campaignId, String title, String theme, String district, String status,
                              LocalDate start, LocalDate end, LocalDate asOf, long enrolledUnits,
                              long reportingUnits, Totals totals, String pacing, List<MetricPace> metrics,
                              List<DistrictFigures> districts, List<UnitFigures> topUnits,
                              List<UnitRef> silentUnits, List<UnitRef> neverReported) {

    /** The four figures units report, plus how many activity records they came from. */
    public record Totals(long sessions, long participations, double serviceHours, long beneficiaries,
                         long activities) {
        public static final Totals ZERO = new Totals(0, 0, 0, 0, 0);

        public Totals plus(Totals o) {
            return new Totals(sessions + o.sessions, participations + o.participations,
                    serviceHours + o.serviceHours, beneficiaries + o.beneficiaries, activities + o.activities);
        }

        public boolean none() {
            return activities == 0 && sessions == 0 && participations == 0;
        }
    }

    public record MetricPace(String metric, double total, Double target, Double percent, Double expectedPercent,
                             String pacing) {
    }

    /** The campaign's share in one district (units of that district). */
    public record DistrictFigures(String district, long enrolledUnits, long reportingUnits, Totals totals) {
    }

    /** A unit with its figures, most active first. */
    public record UnitFigures(String unitId, String name, String district, Totals totals) {
    }

    public record UnitRef(String unitId, String name, String district) {
    }

    /** A campaign as the list shows it: enough to choose the campaigns of a scope. */
    public record CampaignSummary(String campaignId, String title, String district, String status, LocalDate start,
                                  LocalDate end) {
    }
}
