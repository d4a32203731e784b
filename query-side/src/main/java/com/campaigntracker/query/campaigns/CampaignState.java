package com.campaigntracker.query.campaigns;

import com.campaigntracker.query.projection.Docs;
import org.bson.Document;

import java.util.List;
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

        public void add(Document d, int sign) {
            sessions += sign * Docs.l(d, Figures5.SESSIONS);
            participations += sign * Docs.l(d, Figures5.PARTICIPATIONS);
            serviceHours += sign * Docs.dbl(d, Figures5.SERVICE_HOURS);
            beneficiaries += sign * Docs.l(d, Figures5.BENEFICIARIES);
            activities += sign * Docs.l(d, Figures5.ACTIVITIES);
        }

        public void add(Agg a) {
            sessions += a.sessions;
            participations += a.participations;
            serviceHours += a.serviceHours;
            beneficiaries += a.beneficiaries;
            activities += a.activities;
        }

        public double get(String metric) {
            return switch (metric) {
                case Figures5.SESSIONS -> sessions;
                case Figures5.PARTICIPATIONS -> participations;
                case Figures5.SERVICE_HOURS -> serviceHours;
                case Figures5.BENEFICIARIES -> beneficiaries;
                default -> activities;
            };
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

        /** Adds {@code sign} × the stored date counts. */
        public void addDates(Object stored, int sign) {
            ((Document) stored).forEach((date, count) -> {
                long n = dates.getOrDefault(date, 0L) + sign * ((Number) count).longValue();
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
    public static CampaignState fold(CampaignMeta fallbackMeta, List<Document> changesInDayOrder) {
        CampaignMeta meta = fallbackMeta;
        for (Document ch : changesInDayOrder) {
            if (ch.get("campaign") != null) {
                meta = Docs.decode((Document) ch.get("campaign"), CampaignMeta.class);
            }
        }
        CampaignState s = new CampaignState(meta);
        for (Document ch : changesInDayOrder) {
            for (Document u : Docs.list(ch, "units")) {
                UnitState us = s.unit(u.getString("unitId"));
                us.enrolled += Docs.l(u, "enrolled");
                us.totals.add(u, 1);
                us.addDates(u.get("dates"), 1);
            }
            for (Document day : Docs.list(ch, "days")) {
                s.days.computeIfAbsent(day.getString("date"), k -> new Agg()).add(day, 1);
            }
        }
        s.days.values().removeIf(a -> a.sessions == 0 && a.participations == 0 && a.serviceHours == 0
                && a.beneficiaries == 0 && a.activities == 0);
        return s;
    }

    /** The state from the current per-campaign documents (roster units, series). */
    public static CampaignState current(CampaignMeta meta, java.util.Collection<Document> campaignUnits,
                                        Document series) {
        CampaignState s = new CampaignState(meta);
        for (Document cu : campaignUnits) {
            UnitState u = s.unit(cu.getString("unitId"));
            u.enrolled = cu.getBoolean("enrolled", false) ? 1 : 0;
            u.totals.add((Document) cu.get("totals"), 1);
            u.addDates(cu.get("dates"), 1);
        }
        if (series != null) {
            for (Document day : Docs.list(series, "days")) {
                s.days.computeIfAbsent(day.getString("date"), k -> new Agg()).add(day, 1);
            }
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
