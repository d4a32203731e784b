package com.campaigntracker.query.campaigns;

import org.bson.codecs.pojo.annotations.BsonId;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code rm_campaign_units}, by {@code campaign|unit}: the unit's enrolment and totals in the campaign, and its
 * activities per activity date ({@code {"2025-07-04": 2, …}} in date order; a date whose count is back to 0 goes).
 */
public record CampaignUnit(@BsonId String id, String campaignId, String unitId, boolean enrolled, String enrolledAt,
                           String withdrawnAt, Totals totals, Map<String, Long> dates) {
    public CampaignUnit {
        totals = totals == null ? Totals.ZERO : totals;
        dates = dates == null ? new TreeMap<>() : new TreeMap<>(dates);
    }

    static CampaignUnit none(String id, String campaignId, String unitId) {
        return new CampaignUnit(id, campaignId, unitId, false, null, null, null, null);
    }

    CampaignUnit enrolled(boolean enrolled, String at) {
        return new CampaignUnit(id, campaignId, unitId, enrolled, enrolled ? at : enrolledAt,
                enrolled ? withdrawnAt : at, totals, dates);
    }

    CampaignUnit plus(com.campaigntracker.shared.activity.Figures f, String date, int sign) {
        CampaignUnit next = new CampaignUnit(id, campaignId, unitId, enrolled, enrolledAt, withdrawnAt,
                totals.plus(f, sign), dates);
        count(next.dates, date, sign);
        return next;
    }

    /** Adds {@code sign} to the count of {@code date}, removing a count back at zero. */
    static void count(Map<String, Long> dates, String date, long sign) {
        if (dates.merge(date, sign, Long::sum) == 0L) {
            dates.remove(date);
        }
    }

    /** The latest activity date with activities, or null. */
    public String lastActivityDate() {
        return dates.isEmpty() ? null : ((TreeMap<String, Long>) dates).lastKey();
    }
}
