package com.campaigntracker.query.campaigns;

import com.campaigntracker.query.campaigns.CampaignState.Agg;
import com.campaigntracker.query.campaigns.CampaignState.UnitState;
import com.campaigntracker.query.projection.Figures5;
import org.bson.Document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes the progress screen (pure: state, unit directory and "today" in, JSON-ready maps out). */
public final class ProgressView {
    public static final List<String> METRICS = List.of(Figures5.SESSIONS, Figures5.PARTICIPATIONS,
            Figures5.SERVICE_HOURS, Figures5.BENEFICIARIES, "enrolledUnits");
    private static final String UNKNOWN = "未知";

    private ProgressView() {
    }

    /** Metrics, expected progress and pacing of a campaign: the part the campaign list shows too. */
    public static Map<String, Object> summary(String campaignId, Document meta, Agg totals, long enrolled,
                                              LocalDate today) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("campaignId", campaignId);
        for (String f : List.of("title", "theme", "description", "district", "status", "startDate", "endDate")) {
            m.put(f, meta.get(f));
        }
        m.put("eligibleUnitTypes", meta.get("eligibleUnitTypes"));
        LocalDate start = LocalDate.parse(meta.getString("startDate"));
        LocalDate end = LocalDate.parse(meta.getString("endDate"));
        long totalDays = Pacing.totalDays(start, end);
        long elapsed = Pacing.elapsedDays(start, end, today);
        m.put("today", today.toString());
        m.put("daysTotal", totalDays);
        m.put("daysElapsed", elapsed);
        m.put("daysLeft", today.isAfter(end) ? 0 : Math.min(totalDays, ChronoUnit.DAYS.between(today, end)));
        m.put("expectedProgress", ratio(elapsed, totalDays));
        m.put("enrolledUnits", enrolled);
        m.put("totals", totals.toJson());
        Document targets = (Document) meta.get("targets");
        Map<String, Object> metrics = new LinkedHashMap<>();
        List<Pacing> paces = new ArrayList<>();
        for (String metric : METRICS) {
            double total = metric.equals("enrolledUnits") ? enrolled : totals.get(metric);
            Number target = targets == null ? null : (Number) targets.get(metric);
            Pacing p = Pacing.of(total, target, elapsed, totalDays);
            paces.add(p);
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("total", metric.equals(Figures5.SERVICE_HOURS) ? (Object) total : (Object) (long) total);
            x.put("target", target);
            x.put("percent", target == null || target.doubleValue() == 0 ? null
                    : percent(total, target.doubleValue()));
            x.put("expectedPercent", percent(elapsed, totalDays));
            x.put("pacing", p);
            metrics.put(metric, x);
        }
        m.put("metrics", metrics);
        m.put("pacing", Pacing.overall(paces));
        return m;
    }

    public static Map<String, Object> progress(String campaignId, CampaignState s, Map<String, Document> unitDocs,
                                               LocalDate today, boolean asOf, int silentDays, int top) {
        Agg totals = s.totals();
        Map<String, Object> m = summary(campaignId, s.meta, totals, s.enrolledCount(), today);
        m.put("asOf", asOf ? today.toString() : null);

        // by district and by unit type
        Map<String, Agg> byDistrict = new TreeMap<>();
        Map<String, Agg> byType = new TreeMap<>();
        Map<String, long[]> districtUnits = new TreeMap<>();
        Map<String, long[]> typeUnits = new TreeMap<>();
        s.units.forEach((id, u) -> {
            Document ud = unitDocs.get(id);
            String district = ud == null || ud.getString("district") == null ? UNKNOWN : ud.getString("district");
            String type = ud == null || ud.getString("type") == null ? UNKNOWN : ud.getString("type");
            byDistrict.computeIfAbsent(district, k -> new Agg()).add(u.totals);
            byType.computeIfAbsent(type, k -> new Agg()).add(u.totals);
            count(districtUnits.computeIfAbsent(district, k -> new long[2]), u);
            count(typeUnits.computeIfAbsent(type, k -> new long[2]), u);
        });
        m.put("byDistrict", groups("district", byDistrict, districtUnits));
        m.put("byUnitType", groups("unitType", byType, typeUnits));
        m.put("hierarchy", hierarchy(s, unitDocs));
        m.put("leaderboard", leaderboard(s, unitDocs, today, top));
        m.put("daily", daily(s, today));

        // silent and never-reported units
        String todayStr = today.toString();
        LocalDate silentSince = today.minusDays(silentDays - 1L);
        List<Map<String, Object>> silent = new ArrayList<>();
        List<Map<String, Object>> never = new ArrayList<>();
        s.units.forEach((id, u) -> {
            if (!u.isEnrolled()) {
                return;
            }
            String last = u.lastActivityDate(todayStr);
            if (last == null || LocalDate.parse(last).isBefore(silentSince)) {
                Map<String, Object> x = unitRef(id, unitDocs.get(id));
                x.put("lastActivityDate", last);
                x.put("daysSilent", last == null ? null : ChronoUnit.DAYS.between(LocalDate.parse(last), today));
                silent.add(x);
            }
            if (u.totals.activities <= 0) {
                never.add(unitRef(id, unitDocs.get(id)));
            }
        });
        m.put("silentDays", silentDays);
        m.put("silentUnits", silent);
        m.put("neverReported", never);
        return m;
    }

    private static void count(long[] c, UnitState u) {
        if (u.isEnrolled()) {
            c[0]++;
        }
        if (u.totals.activities > 0) {
            c[1]++;
        }
    }

    private static List<Map<String, Object>> groups(String keyName, Map<String, Agg> groups,
                                                    Map<String, long[]> units) {
        List<Map<String, Object>> out = new ArrayList<>();
        groups.forEach((k, agg) -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put(keyName, k);
            x.put("enrolledUnits", units.get(k)[0]);
            x.put("reportingUnits", units.get(k)[1]);
            x.putAll(agg.toJson());
            out.add(x);
        });
        return out;
    }

    static Map<String, Object> unitRef(String id, Document ud) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("unitId", id);
        x.put("name", ud == null ? null : ud.getString("name"));
        x.put("type", ud == null ? null : ud.getString("type"));
        x.put("district", ud == null ? null : ud.getString("district"));
        return x;
    }

    /**
     * The hierarchy roll-up: every unit in the campaign plus its ancestors; a node's {@code total} is its own
     * figures plus its children's totals (a 实践所 includes its 实践站s).
     */
    private static List<Map<String, Object>> hierarchy(CampaignState s, Map<String, Document> unitDocs) {
        Map<String, List<String>> children = new TreeMap<>();
        List<String> roots = new ArrayList<>();
        TreeMap<String, Document> nodes = new TreeMap<>();
        s.units.keySet().forEach(id -> nodes.put(id, unitDocs.get(id)));
        // ancestors of campaign units
        for (String id : new ArrayList<>(nodes.keySet())) {
            Document d = unitDocs.get(id);
            int guard = 0;
            while (d != null && d.getString("parentId") != null && guard++ < 8) {
                String p = d.getString("parentId");
                nodes.putIfAbsent(p, unitDocs.get(p));
                d = unitDocs.get(p);
            }
        }
        nodes.forEach((id, d) -> {
            String p = d == null ? null : d.getString("parentId");
            if (p != null && nodes.containsKey(p)) {
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(id);
            } else {
                roots.add(id);
            }
        });
        List<Map<String, Object>> out = new ArrayList<>();
        for (String r : roots) {
            out.add(node(r, s, nodes, children, 0));
        }
        return out;
    }

    private static Map<String, Object> node(String id, CampaignState s, Map<String, Document> nodes,
                                            Map<String, List<String>> children, int depth) {
        Map<String, Object> x = unitRef(id, nodes.get(id));
        UnitState u = s.units.get(id);
        Agg own = u == null ? new Agg() : u.totals;
        Agg total = new Agg();
        total.add(own);
        List<Map<String, Object>> kids = new ArrayList<>();
        if (depth < 8) {
            for (String c : children.getOrDefault(id, List.of())) {
                Map<String, Object> k = node(c, s, nodes, children, depth + 1);
                Agg kt = (Agg) k.remove("_total");
                total.add(kt);
                kids.add(k);
            }
        }
        x.put("enrolled", u != null && u.isEnrolled());
        x.put("own", own.toJson());
        x.put("total", total.toJson());
        x.put("children", kids);
        x.put("_total", total);
        if (depth == 0) {
            x.remove("_total");
        }
        return x;
    }

    private static List<Map<String, Object>> leaderboard(CampaignState s, Map<String, Document> unitDocs,
                                                         LocalDate today, int top) {
        List<Map.Entry<String, UnitState>> entries = new ArrayList<>(s.units.entrySet());
        entries.removeIf(e -> e.getValue().totals.activities <= 0);
        entries.sort(Comparator.<Map.Entry<String, UnitState>>comparingLong(e -> -e.getValue().totals.sessions)
                .thenComparingLong(e -> -e.getValue().totals.participations)
                .thenComparingDouble(e -> -e.getValue().totals.serviceHours)
                .thenComparing(Map.Entry::getKey));
        List<Map<String, Object>> out = new ArrayList<>();
        int rank = 0;
        for (var e : entries) {
            if (rank >= top) {
                break;
            }
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("rank", ++rank);
            x.putAll(unitRef(e.getKey(), unitDocs.get(e.getKey())));
            x.putAll(e.getValue().totals.toJson());
            x.put("lastActivityDate", e.getValue().lastActivityDate(today.toString()));
            out.add(x);
        }
        return out;
    }

    /** Every day of the period up to today (and any day holding figures), with the running totals. */
    private static List<Map<String, Object>> daily(CampaignState s, LocalDate today) {
        TreeMap<String, Agg> days = new TreeMap<>(s.days);
        LocalDate start = LocalDate.parse(s.meta.getString("startDate"));
        LocalDate end = LocalDate.parse(s.meta.getString("endDate"));
        LocalDate last = today.isBefore(end) ? today : end;
        for (LocalDate d = start; !d.isAfter(last); d = d.plusDays(1)) {
            days.putIfAbsent(d.toString(), new Agg());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        Agg running = new Agg();
        for (var e : days.entrySet()) {
            running.add(e.getValue());
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("date", e.getKey());
            x.putAll(e.getValue().toJson());
            x.put("cumulative", copy(running).toJson());
            out.add(x);
        }
        return out;
    }

    private static Agg copy(Agg a) {
        Agg c = new Agg();
        c.add(a);
        return c;
    }

    static double ratio(double a, double b) {
        return b == 0 ? 0 : BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), 4, RoundingMode.HALF_UP)
                .doubleValue();
    }

    static double percent(double a, double b) {
        return b == 0 ? 0 : BigDecimal.valueOf(a).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(b), 2, RoundingMode.HALF_UP).doubleValue();
    }
}
