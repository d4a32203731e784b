package com.campaigntracker.query.service;

import com.campaigntracker.query.service.ServiceOrders.Seen;
import com.campaigntracker.query.service.ServiceOrders.Selection;
import com.campaigntracker.query.service.ServiceViews.CategoryCount;
import com.campaigntracker.query.service.ServiceViews.CategoryStats;
import com.campaigntracker.query.service.ServiceViews.DistrictStats;
import com.campaigntracker.query.service.ServiceViews.ProviderStats;
import com.campaigntracker.query.service.ServiceViews.ServiceStatsView;
import com.campaigntracker.query.service.ServiceViews.StepMedian;
import com.campaigntracker.query.service.ServiceViews.UnservedDemand;
import com.campaigntracker.query.units.UnitDocument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/** 服务统计: what leaders ask of the orders — by state, district and category, step times, ratings, unmet demand. */
final class ServiceStatistics {
    /** Orders of a unit the directory does not know to be in any district. */
    static final String NO_DISTRICT = "未知";

    private ServiceStatistics() {
    }

    static ServiceStatsView of(OrderFilter f, String district, Selection selection,
                               List<ServiceProjectDocument> menu, Function<Set<String>, Map<String, UnitDocument>> units) {
        List<ServiceOrderDocument> orders = selection.orders().stream().map(Seen::order).toList();
        Tally all = new Tally();
        selection.orders().forEach(all::add);

        Map<String, Tally> byDistrict = new TreeMap<>();
        Map<String, Tally> byCategory = new TreeMap<>();
        for (Seen s : selection.orders()) {
            byDistrict.computeIfAbsent(districtOf(s.order()), k -> new Tally()).add(s);
            byCategory.computeIfAbsent(s.order().category(), k -> new Tally()).add(s);
        }
        List<DistrictStats> districts = new ArrayList<>();
        byDistrict.forEach((d, t) -> districts.add(new DistrictStats(d, t.orders, t.completed, t.completionRate(),
                t.overdue, ServiceOrders.stateCounts(t.seen), t.categories())));
        districts.sort(Comparator.comparingLong(DistrictStats::orders).reversed());
        List<CategoryStats> categories = new ArrayList<>();
        byCategory.forEach((c, t) -> categories.add(new CategoryStats(c, t.orders, t.free, t.completed,
                t.completionRate(), t.averageRating(), t.ratings)));
        categories.sort(Comparator.comparingLong(CategoryStats::orders).reversed());

        return new ServiceStatsView(f.from() == null ? null : f.from().toString(),
                f.to() == null ? null : f.to().toString(), district, f.category(), selection.now().toString(),
                all.orders, all.completed, all.overdue, all.completionRate(), all.averageRating(), all.ratings,
                selection.truncated(), ServiceOrders.stateCounts(selection.orders()), medians(orders), districts,
                categories, providers(orders, units), unserved(orders, menu));
    }

    private static String districtOf(ServiceOrderDocument o) {
        return o.district() == null ? NO_DISTRICT : o.district();
    }

    /** Counts of one group of orders. */
    private static final class Tally {
        final List<Seen> seen = new ArrayList<>();
        long orders;
        long completed;
        long closedWithoutService;
        long overdue;
        long free;
        long ratings;
        long scoreSum;
        final Map<String, Long> categories = new TreeMap<>();

        void add(Seen s) {
            ServiceOrderDocument o = s.order();
            seen.add(s);
            orders++;
            switch (o.state()) {
                case "COMPLETED", "RATED" -> completed++;
                case "REJECTED", "CANCELLED" -> closedWithoutService++;
                default -> {
                }
            }
            overdue += s.overdue() ? 1 : 0;
            free += o.free() ? 1 : 0;
            if (o.rating() != null) {
                ratings++;
                scoreSum += o.rating().score();
            }
            categories.merge(o.category(), 1L, Long::sum);
        }

        /** Completed ÷ orders neither rejected nor cancelled. */
        Double completionRate() {
            return ratio(completed, orders - closedWithoutService);
        }

        Double averageRating() {
            return ratio(scoreSum, ratings);
        }

        List<CategoryCount> categories() {
            List<CategoryCount> out = new ArrayList<>();
            categories.forEach((c, n) -> out.add(new CategoryCount(c, n)));
            out.sort(Comparator.comparingLong(CategoryCount::count).reversed());
            return out;
        }
    }

    /** {@code a / b} to three decimals (half up), null when {@code b} is 0. */
    static Double ratio(long a, long b) {
        return b == 0 ? null : BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), 3, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** Median hours of review, dispatch, acceptance and completion over the orders that went through each. */
    static List<StepMedian> medians(List<ServiceOrderDocument> orders) {
        List<Duration> review = new ArrayList<>();
        List<Duration> dispatch = new ArrayList<>();
        List<Duration> accept = new ArrayList<>();
        List<Duration> complete = new ArrayList<>();
        for (ServiceOrderDocument o : orders) {
            if (o.placed() != null && o.reviewed() != null) {
                review.add(between(o.placed().at(), o.reviewed().at()));
            }
            if (o.reviewed() != null && o.firstDispatched() != null) {
                dispatch.add(between(o.reviewed().at(), o.firstDispatched().at()));
            }
            if (o.dispatched() != null && o.accepted() != null) {
                accept.add(between(o.dispatched().at(), o.accepted().at()));
            }
            if (o.accepted() != null && o.completed() != null) {
                complete.add(between(o.accepted().at(), o.completed().at()));
            }
        }
        return List.of(median("REVIEW", review), median("DISPATCH", dispatch), median("ACCEPT", accept),
                median("COMPLETE", complete));
    }

    private static Duration between(String from, String to) {
        return Duration.between(Instant.parse(from), Instant.parse(to));
    }

    private static StepMedian median(String step, List<Duration> samples) {
        if (samples.isEmpty()) {
            return new StepMedian(step, null, 0);
        }
        List<Long> seconds = samples.stream().map(Duration::toSeconds).sorted().toList();
        int n = seconds.size();
        BigDecimal mid = n % 2 == 1 ? BigDecimal.valueOf(seconds.get(n / 2))
                : BigDecimal.valueOf(seconds.get(n / 2 - 1) + seconds.get(n / 2)).divide(BigDecimal.valueOf(2));
        return new StepMedian(step, mid.divide(BigDecimal.valueOf(3600), 1, RoundingMode.HALF_UP).doubleValue(), n);
    }

    /** Per provider: orders dispatched to it, accepted, declined and completed by it, and its ratings. */
    static List<ProviderStats> providers(List<ServiceOrderDocument> orders,
                                         Function<Set<String>, Map<String, UnitDocument>> units) {
        Map<String, long[]> tally = new LinkedHashMap<>(); // dispatched, accepted, declined, completed, ratings, sum
        for (ServiceOrderDocument o : orders) {
            Set<String> dispatchedTo = new HashSet<>();
            o.timeline().forEach(t -> {
                if (t.providerUnitId() == null) {
                    return;
                }
                long[] c = tally.computeIfAbsent(t.providerUnitId(), k -> new long[6]);
                switch (t.step()) {
                    case "DISPATCHED" -> c[0] += dispatchedTo.add(t.providerUnitId()) ? 1 : 0;
                    case "ACCEPTED" -> c[1]++;
                    case "DECLINED" -> c[2]++;
                    case "COMPLETED" -> c[3]++;
                    case "RATED" -> {
                        c[4]++;
                        c[5] += t.score() == null ? 0 : t.score();
                    }
                    default -> {
                    }
                }
            });
        }
        Map<String, UnitDocument> names = units.apply(tally.keySet());
        List<ProviderStats> out = new ArrayList<>();
        tally.forEach((id, c) -> {
            UnitDocument u = names.get(id);
            out.add(new ProviderStats(id, u == null ? null : u.name(), u == null ? null : u.district(), c[0], c[1],
                    c[2], c[3], ratio(c[5], c[4]), c[4]));
        });
        out.sort(Comparator.comparingLong(ProviderStats::completed).reversed()
                .thenComparing(ProviderStats::unitId));
        return out;
    }

    /** Free requests whose category no open menu project serves in the request's district. */
    static List<UnservedDemand> unserved(List<ServiceOrderDocument> orders, List<ServiceProjectDocument> menu) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Set<String>> districts = new TreeMap<>();
        for (ServiceOrderDocument o : orders) {
            if (!o.free()) {
                continue;
            }
            boolean served = menu.stream().anyMatch(p -> !p.isWithdrawn() && p.category().equals(o.category())
                    && p.serves(o.district()));
            if (!served) {
                counts.merge(o.category(), 1L, Long::sum);
                districts.computeIfAbsent(o.category(), k -> new TreeSet<>()).add(districtOf(o));
            }
        }
        List<UnservedDemand> out = new ArrayList<>();
        counts.forEach((c, n) -> out.add(new UnservedDemand(c, n, List.copyOf(districts.get(c)))));
        out.sort(Comparator.comparingLong(UnservedDemand::freeRequests).reversed());
        return out;
    }
}
