package com.campaigntracker.query.campaigns;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A campaign's progress inputs, as they stand now (from the current documents) or as of a day (folded from the
 * per-change-day documents). The progress view is computed from this alone, so both paths give the same view.
 */
public final class CampaignState {
    public final CampaignMeta meta;
    public final TreeMap<String, UnitState> units = new TreeMap<>();
    public final TreeMap<String, Agg> days = new TreeMap<>();

    public CampaignState(CampaignMeta meta) {
        this.meta = meta;
    }

    public static final class Agg {
        public long sessions;
        public long participations;
        public double serviceHours;
        public long beneficiaries;
        public long activities;

        public void add(Agg a) {
            sessions += a.sessions;
            participations += a.participations;
            serviceHours += a.serviceHours;
            beneficiaries += a.beneficiaries;
            activities += a.activities;
        }

        public Totals toTotals() {
            return new Totals(sessions, participations, serviceHours, beneficiaries, activities);
        }

        public void add(Totals t) {
            sessions += t.sessions();
            participations += t.participations();
            serviceHours += t.serviceHours();
            beneficiaries += t.beneficiaries();
            activities += t.activities();
        }
    }

    public static final class UnitState {
        public long enrolled; // 1 enrolled, 0 not (as a sum of +1/-1 deltas when folded)
        public final Agg totals = new Agg();
        public final TreeMap<String, Long> dates = new TreeMap<>();

        public boolean isEnrolled() {
            return enrolled > 0;
        }

        /** Adds the stored date counts. */
        void addDates(Map<String, Long> stored) {
            stored.forEach((date, count) -> {
                long n = dates.getOrDefault(date, 0L) + count;
                if (n == 0) {
                    dates.remove(date);
                } else {
                    dates.put(date, n);
                }
            });
        }

        /** The latest activity date on or before {@code today} that still has activities, or null. */
        public String lastActivityDate(String today) {
            var e = dates.floorEntry(today);
            while (e != null && e.getValue() <= 0) {
                e = dates.lowerEntry(e.getKey());
            }
            return e == null ? null : e.getKey();
        }
    }

    /**
     * Folds per-change-day documents (in day order) into the state at the end of the last one: the as-of view.
     * The campaign's description is the latest one recorded on or before that day ({@code fallbackMeta} if none).
     */
    public static CampaignState fold(CampaignMeta fallbackMeta, List<CampaignChanges> changesInDayOrder) {
        CampaignMeta meta = fallbackMeta;
        for (CampaignChanges ch : changesInDayOrder) {
            meta = ch.campaign() != null ? ch.campaign() : meta;
        }
        CampaignState s = new CampaignState(meta);
        for (CampaignChanges ch : changesInDayOrder) {
            ch.units().forEach((unitId, u) -> {
                UnitState us = s.unit(unitId);
                us.enrolled += u.enrolled();
                us.totals.add(u.totals());
                us.addDates(u.dates());
            });
            ch.days().forEach((date, day) -> s.days.computeIfAbsent(date, k -> new Agg()).add(day));
        }
        s.days.values().removeIf(a -> a.sessions == 0 && a.participations == 0 && a.serviceHours == 0
                && a.beneficiaries == 0 && a.activities == 0);
        return s;
    }

    /** The state from the current per-campaign documents (roster units, series). */
    public static CampaignState current(CampaignMeta meta, Collection<CampaignUnit> campaignUnits,
                                        CampaignSeries series) {
        CampaignState s = new CampaignState(meta);
        for (CampaignUnit cu : campaignUnits) {
            UnitState u = s.unit(cu.unitId());
            u.enrolled = cu.enrolled() ? 1 : 0;
            u.totals.add(cu.totals());
            u.addDates(cu.dates());
        }
        if (series != null) {
            series.days().forEach((date, day) -> s.days.computeIfAbsent(date, k -> new Agg()).add(day));
        }
        return s;
    }

    public UnitState unit(String id) {
        return units.computeIfAbsent(id, k -> new UnitState());
    }

    public Agg totals() {
        Agg t = new Agg();
        units.values().forEach(u -> t.add(u.totals));
        return t;
    }

    public long enrolledCount() {
        return units.values().stream().filter(UnitState::isEnrolled).count();
    }
}
