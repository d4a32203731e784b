package com.campaigntracker.query.campaigns;

import com.campaigntracker.shared.activity.Figures;
import org.bson.codecs.pojo.annotations.BsonId;

import java.util.Map;
import java.util.TreeMap;

/** {@code rm_campaign_series}, by campaign: totals per activity date, in date order (bounded by the period). */
public record CampaignSeries(@BsonId String campaignId, Map<String, Totals> days) {
    public CampaignSeries {
        days = days == null ? new TreeMap<>() : new TreeMap<>(days);
    }

    /** Adds {@code sign} × figures and one activity on {@code date}; a day back at zero goes. */
    static void add(Map<String, Totals> days, String date, Figures f, int sign) {
        Totals t = days.getOrDefault(date, Totals.ZERO).plus(f, sign);
        if (t.sessions() == 0 && t.participations() == 0 && t.serviceHours() == 0.0 && t.beneficiaries() == 0
                && t.activities() == 0) {
            days.remove(date);
        } else {
            days.put(date, t);
        }
    }
}
