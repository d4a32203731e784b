package com.campaigntracker.query.campaigns;

import com.campaigntracker.query.campaigns.CampaignState.Agg;
import com.campaigntracker.query.campaigns.CampaignState.UnitState;
import com.campaigntracker.shared.campaign.Targets;
import com.campaigntracker.query.campaigns.CampaignSummary.Metric;
import com.campaigntracker.query.campaigns.CampaignSummary.Metrics;
import com.campaigntracker.query.campaigns.Progress.DailyRow;
import com.campaigntracker.query.campaigns.Progress.DistrictRow;
import com.campaigntracker.query.campaigns.Progress.HierarchyNode;
import com.campaigntracker.query.campaigns.Progress.LeaderboardRow;
import com.campaigntracker.query.campaigns.Progress.SilentUnit;
import com.campaigntracker.query.campaigns.Progress.UnitRef;
import com.campaigntracker.query.campaigns.Progress.UnitTypeRow;
import com.campaigntracker.query.units.UnitDocument;
import com.campaigntracker.query.web.ReadScope.UnitScope;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes the progress screen (pure: state, unit directory and "today" in, typed view records out). */
public final class ProgressView {
    private static final String UNKNOWN = "未知";

    private ProgressView() {
    }

    /** Metrics, expected progress and pacing of a campaign: the part the campaign list shows too. */
    public static CampaignSummary summary(String campaignId, CampaignMeta meta, Totals totals, long enrolled,
                                          LocalDate today) {
        LocalDate start = LocalDate.parse(meta.startDate());
        LocalDate end = LocalDate.parse(meta.endDate());
        long totalDays = Pacing.totalDays(start, end);
        long elapsed = Pacing.elapsedDays(start, end, today);
        Targets targets = meta.targets() == null ? Targets.none() : meta.targets();
        double expectedPercent = percent(elapsed, totalDays);
        Metric sessions = metric(totals.sessions(), targets.sessions(), elapsed, totalDays, expectedPercent);
        Metric participations = metric(totals.participations(), targets.participations(), elapsed, totalDays,
                expectedPercent);
        Metric hours = metric(totals.serviceHours(), targets.serviceHours(), elapsed, totalDays, expectedPercent);
        Metric beneficiaries = metric(totals.beneficiaries(), targets.beneficiaries(), elapsed, totalDays,
                expectedPercent);
        Metric units = metric(enrolled, targets.enrolledUnits(), elapsed, totalDays, expectedPercent);
        return new CampaignSummary(campaignId, meta.title(), meta.theme(), meta.description(), meta.district(),
                meta.status(), meta.startDate(), meta.endDate(), meta.eligibleUnitTypes(), today.toString(), totalDays,
                elapsed, today.isAfter(end) ? 0 : Math.min(totalDays, ChronoUnit.DAYS.between(today, end)),
                ratio(elapsed, totalDays), enrolled, totals,
                new Metrics(sessions, participations, hours, beneficiaries, units),
                Pacing.overall(List.of(sessions, participations, hours, beneficiaries, units).stream()
                        .map(Metric::pacing).toList()));
    }

    /** {@code total} as a whole number unless it is a {@code double} (service hours). */
    private static Metric metric(Number total, Number target, long elapsed, long totalDays, double expectedPercent) {
        double t = total.doubleValue();
        return new Metric(total, target, target == null || target.doubleValue() == 0 ? null
                : percent(t, target.doubleValue()), expectedPercent, Pacing.of(t, target, elapsed, totalDays));
    }

    /** The whole view, every unit named (a coordinator's). */
    public static Progress progress(String campaignId, CampaignState s, Map<String, UnitDocument> unitDocs,
                                    LocalDate today, boolean asOf, int silentDays, int top) {
        return progress(campaignId, s, unitDocs, today, asOf, silentDays, top, UnitScope.ALL);
    }

    /**
     * The view as {@code scope} may see it: totals, the per-district and per-type rows and the daily series count
     * every unit; the hierarchy, leaderboard (ranked among the visible units) and silent / never-reported lists
     * name only units {@code scope} sees.
     */
    public static Progress progress(String campaignId, CampaignState s, Map<String, UnitDocument> unitDocs,
                                    LocalDate today, boolean asOf, int silentDays, int top, UnitScope scope) {
        CampaignSummary summary = summary(campaignId, s.meta, s.totals().toTotals(), s.enrolledCount(), today);

        // by district and by unit type
        Map<String, Agg> byDistrict = new TreeMap<>();
        Map<String, Agg> byType = new TreeMap<>();
        Map<String, long[]> districtUnits = new TreeMap<>();
        Map<String, long[]> typeUnits = new TreeMap<>();
        s.units.forEach((id, u) -> {
            UnitDocument ud = unitDocs.get(id);
            String district = ud == null || ud.district() == null ? UNKNOWN : ud.district();
            String type = ud == null || ud.type() == null ? UNKNOWN : ud.type();
            byDistrict.computeIfAbsent(district, k -> new Agg()).add(u.totals);
            byType.computeIfAbsent(type, k -> new Agg()).add(u.totals);
            count(districtUnits.computeIfAbsent(district, k -> new long[2]), u);
            count(typeUnits.computeIfAbsent(type, k -> new long[2]), u);
        });
        List<DistrictRow> districts = new ArrayList<>();
        byDistrict.forEach((k, agg) -> districts.add(new DistrictRow(k, districtUnits.get(k)[0],
                districtUnits.get(k)[1], agg.toTotals())));
        List<UnitTypeRow> types = new ArrayList<>();
        byType.forEach((k, agg) -> types.add(new UnitTypeRow(k, typeUnits.get(k)[0], typeUnits.get(k)[1],
                agg.toTotals())));

        // silent and never-reported units
        String todayStr = today.toString();
        LocalDate silentSince = today.minusDays(silentDays - 1L);
        List<SilentUnit> silent = new ArrayList<>();
        List<UnitRef> never = new ArrayList<>();
        s.units.forEach((id, u) -> {
            if (!u.isEnrolled() || !visible(scope, unitDocs.get(id))) {
                return;
            }
            String last = u.lastActivityDate(todayStr);
            if (last == null || LocalDate.parse(last).isBefore(silentSince)) {
                silent.add(new SilentUnit(unitRef(id, unitDocs.get(id)), last,
                        last == null ? null : ChronoUnit.DAYS.between(LocalDate.parse(last), today)));
            }
            if (u.totals.activities <= 0) {
                never.add(unitRef(id, unitDocs.get(id)));
            }
        });
        return new Progress(summary, asOf ? today.toString() : null, districts, types, hierarchy(s, unitDocs, scope),
                leaderboard(s, unitDocs, today, top, scope), daily(s, today), silentDays, silent, never);
    }

    private static boolean visible(UnitScope scope, UnitDocument ud) {
        return scope.all() || (ud != null && scope.sees(ud.district()));
    }

    private static void count(long[] c, UnitState u) {
        if (u.isEnrolled()) {
            c[0]++;
        }
        if (u.totals.activities > 0) {
            c[1]++;
        }
    }

    static UnitRef unitRef(String id, UnitDocument ud) {
        return ud == null ? new UnitRef(id, null, null, null) : new UnitRef(id, ud.name(), ud.type(), ud.district());
    }

    /**
     * The hierarchy roll-up: every unit in the campaign plus its ancestors; a node's {@code total} is its own
     * figures plus its children's totals (a 实践所 includes its 实践站s).
     */
    private static List<HierarchyNode> hierarchy(CampaignState s, Map<String, UnitDocument> unitDocs,
                                                 UnitScope scope) {
        Map<String, List<String>> children = new TreeMap<>();
        List<String> roots = new ArrayList<>();
        TreeMap<String, UnitDocument> nodes = new TreeMap<>();
        s.units.keySet().forEach(id -> nodes.put(id, unitDocs.get(id)));
        // ancestors of campaign units
        for (String id : new ArrayList<>(nodes.keySet())) {
            UnitDocument d = unitDocs.get(id);
            int guard = 0;
            while (d != null && d.parentId() != null && guard++ < 8) {
                String p = d.parentId();
                nodes.putIfAbsent(p, unitDocs.get(p));
                d = unitDocs.get(p);
            }
        }
        // a unit of another district is left out with its figures; a visible unit under it becomes a root
        nodes.entrySet().removeIf(e -> !visible(scope, e.getValue()));
        nodes.forEach((id, d) -> {
            String p = d == null ? null : d.parentId();
            if (p != null && nodes.containsKey(p)) {
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(id);
            } else {
                roots.add(id);
            }
        });
        List<HierarchyNode> out = new ArrayList<>();
        for (String r : roots) {
            out.add(node(r, s, nodes, children, 0));
        }
        return out;
    }

    private static HierarchyNode node(String id, CampaignState s, Map<String, UnitDocument> nodes,
                                      Map<String, List<String>> children, int depth) {
        UnitRef ref = unitRef(id, nodes.get(id));
        UnitState u = s.units.get(id);
        Agg own = u == null ? new Agg() : u.totals;
        Agg total = new Agg();
        total.add(own);
        List<HierarchyNode> kids = new ArrayList<>();
        if (depth < 8) {
            for (String c : children.getOrDefault(id, List.of())) {
                HierarchyNode k = node(c, s, nodes, children, depth + 1);
                total.add(k.total());
                kids.add(k);
            }
        }
        return new HierarchyNode(id, ref.name(), ref.type(), ref.district(), u != null && u.isEnrolled(),
                own.toTotals(), total.toTotals(), kids);
    }

    private static List<LeaderboardRow> leaderboard(CampaignState s, Map<String, UnitDocument> unitDocs,
                                                    LocalDate today, int top, UnitScope scope) {
        List<Map.Entry<String, UnitState>> entries = new ArrayList<>(s.units.entrySet());
        entries.removeIf(e -> e.getValue().totals.activities <= 0 || !visible(scope, unitDocs.get(e.getKey())));
        entries.sort(Comparator.<Map.Entry<String, UnitState>>comparingLong(e -> -e.getValue().totals.sessions)
                .thenComparingLong(e -> -e.getValue().totals.participations)
                .thenComparingDouble(e -> -e.getValue().totals.serviceHours)
                .thenComparing(Map.Entry::getKey));
        List<LeaderboardRow> out = new ArrayList<>();
        for (var e : entries) {
            if (out.size() >= top) {
                break;
            }
            out.add(new LeaderboardRow(out.size() + 1, unitRef(e.getKey(), unitDocs.get(e.getKey())),
                    e.getValue().totals.toTotals(), e.getValue().lastActivityDate(today.toString())));
        }
        return out;
    }

    /** Every day of the period up to today (and any day holding figures), with the running totals. */
    private static List<DailyRow> daily(CampaignState s, LocalDate today) {
        TreeMap<String, Agg> days = new TreeMap<>(s.days);
        LocalDate start = LocalDate.parse(s.meta.startDate());
        LocalDate end = LocalDate.parse(s.meta.endDate());
        LocalDate last = today.isBefore(end) ? today : end;
        for (LocalDate d = start; !d.isAfter(last); d = d.plusDays(1)) {
            days.putIfAbsent(d.toString(), new Agg());
        }
        List<DailyRow> out = new ArrayList<>();
        Agg running = new Agg();
        for (var e : days.entrySet()) {
            running.add(e.getValue());
            out.add(new DailyRow(e.getKey(), e.getValue().toTotals(), running.toTotals()));
        }
        return out;
    }

    public static double ratio(double a, double b) {
        return b == 0 ? 0 : BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), 4, RoundingMode.HALF_UP)
                .doubleValue();
    }

    public static double percent(double a, double b) {
        return b == 0 ? 0 : BigDecimal.valueOf(a).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(b), 2, RoundingMode.HALF_UP).doubleValue();
    }
}
