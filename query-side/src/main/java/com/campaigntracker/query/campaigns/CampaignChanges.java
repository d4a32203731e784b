package com.campaigntracker.query.campaigns;

import com.campaigntracker.shared.activity.Figures;
import org.bson.codecs.pojo.annotations.BsonId;

import java.util.Map;
import java.util.TreeMap;

/**
 * {@code rm_campaign_changes}, by {@code campaign|changeDay}: what changed on that day (the Asia/Shanghai day of the
 * events' timestamps) — deltas per unit and per activity date, and the campaign as it stood at the end of the day
 * (null when only figures changed). Folding these up to a day gives the as-of view; a correction made on 07-10
 * sits in the 07-10 document.
 */
public record CampaignChanges(@BsonId String id, String campaignId, String day, CampaignMeta campaign,
                              Map<String, UnitChange> units, Map<String, Totals> days) {
    /** One unit's change on the day: enrolments (+1/-1), totals and activity counts per activity date. */
    public record UnitChange(long enrolled, Totals totals, Map<String, Long> dates) {
        public UnitChange {
            totals = totals == null ? Totals.ZERO : totals;
            dates = dates == null ? new TreeMap<>() : new TreeMap<>(dates);
        }
    }

    public CampaignChanges {
        units = units == null ? new TreeMap<>() : new TreeMap<>(units);
        days = days == null ? new TreeMap<>() : new TreeMap<>(days);
    }

    CampaignChanges with(CampaignMeta meta) {
        return new CampaignChanges(id, campaignId, day, meta, units, days);
    }

    void enrolled(String unitId, int delta) {
        UnitChange u = unit(unitId);
        units.put(unitId, new UnitChange(u.enrolled() + delta, u.totals(), u.dates()));
    }

    void add(String unitId, String date, Figures f, int sign) {
        UnitChange u = unit(unitId);
        units.put(unitId, new UnitChange(u.enrolled(), u.totals().plus(f, sign), u.dates()));
        CampaignUnit.count(units.get(unitId).dates(), date, sign);
        CampaignSeries.add(days, date, f, sign);
    }

    private UnitChange unit(String unitId) {
        return units.getOrDefault(unitId, new UnitChange(0, null, null));
    }
}
