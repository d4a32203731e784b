package com.campaigntracker.query.themes;

import com.campaigntracker.query.campaigns.CampaignSummary;
import com.campaigntracker.query.campaigns.CampaignSummary.Metric;
import com.campaigntracker.query.campaigns.CampaignSummary.Metrics;
import com.campaigntracker.query.campaigns.Pacing;
import com.campaigntracker.query.campaigns.Progress;
import com.campaigntracker.query.campaigns.Progress.DailyRow;
import com.campaigntracker.query.campaigns.ProgressView;
import com.campaigntracker.query.campaigns.Totals;
import com.campaigntracker.query.themes.ThemeProgress.CampaignRef;
import com.campaigntracker.query.themes.ThemeProgress.DistrictRow;
import com.campaigntracker.query.themes.ThemeProgress.RankRow;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Sums the progress views of a theme's campaigns; every per-campaign figure is the campaign view's own. */
final class ThemeView {
    static final String CITY_WIDE = "全市";

    private ThemeView() {
    }

    static ThemeProgress of(String theme, LocalDate from, LocalDate to, LocalDate asOf, List<Progress> campaigns) {
        Map<String, List<Progress>> byDistrict = new TreeMap<>();
        for (Progress p : campaigns) {
            String district = p.summary().district() == null ? CITY_WIDE : p.summary().district();
            byDistrict.computeIfAbsent(district, d -> new ArrayList<>()).add(p);
        }
        List<DistrictRow> rows = new ArrayList<>();
        byDistrict.forEach((district, list) -> {
            Sum sum = Sum.of(list);
            rows.add(new DistrictRow(district, list.stream().map(ThemeView::ref).toList(), sum.enrolled,
                    sum.reporting, sum.totals, sum.metrics, sum.pacing));
        });
        Sum all = Sum.of(campaigns);
        return new ThemeProgress(theme, from == null ? null : from.toString(), to == null ? null : to.toString(),
                asOf == null ? null : asOf.toString(), campaigns.size(), all.enrolled, all.reporting, all.totals,
                all.metrics, all.pacing, rows, ranking(rows), daily(campaigns, from, to));
    }

    private static CampaignRef ref(Progress p) {
        CampaignSummary s = p.summary();
        return new CampaignRef(s.campaignId(), s.title(), s.status(), s.startDate(), s.endDate(), s.pacing());
    }

    /** Completion of the sessions target first (districts without one after, by sessions); ties by district. */
    private static List<RankRow> ranking(List<DistrictRow> rows) {
        List<DistrictRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.<DistrictRow, Boolean>comparing(r -> r.metrics().sessions().percent() == null)
                .thenComparing(r -> r.metrics().sessions().percent() == null ? 0.0
                        : -r.metrics().sessions().percent())
                .thenComparing(r -> -r.totals().sessions())
                .thenComparing(DistrictRow::district));
        List<RankRow> out = new ArrayList<>();
        for (DistrictRow r : sorted) {
            Metric m = r.metrics().sessions();
            out.add(new RankRow(out.size() + 1, r.district(), r.totals().sessions(),
                    m.target() == null ? null : m.target().longValue(), m.percent(), m.expectedPercent(),
                    m.pacing()));
        }
        return out;
    }

    /** Every day of the period with the campaigns' figures summed; the running totals start before the period. */
    private static List<DailyRow> daily(List<Progress> campaigns, LocalDate from, LocalDate to) {
        TreeMap<String, Totals> days = new TreeMap<>();
        for (Progress p : campaigns) {
            for (DailyRow d : p.daily()) {
                days.merge(d.date(), d.totals(), Totals::plus);
            }
        }
        List<DailyRow> out = new ArrayList<>();
        Totals running = Totals.ZERO;
        for (var e : days.entrySet()) {
            running = running.plus(e.getValue());
            LocalDate day = LocalDate.parse(e.getKey());
            if ((from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to))) {
                out.add(new DailyRow(e.getKey(), e.getValue(), running));
            }
        }
        return out;
    }

    /** The figures of several campaigns together, each against the sum of the targets that were set. */
    private record Sum(long enrolled, long reporting, Totals totals, Metrics metrics, Pacing pacing) {
        static Sum of(List<Progress> campaigns) {
            long enrolled = 0;
            long reporting = 0;
            Totals totals = Totals.ZERO;
            for (Progress p : campaigns) {
                enrolled += p.summary().enrolledUnits();
                reporting += p.byDistrict().stream().mapToLong(Progress.DistrictRow::reportingUnits).sum();
                totals = totals.plus(p.summary().totals());
            }
            Metric sessions = metric(campaigns, Metrics::sessions, false);
            Metric participations = metric(campaigns, Metrics::participations, false);
            Metric hours = metric(campaigns, Metrics::serviceHours, true);
            Metric beneficiaries = metric(campaigns, Metrics::beneficiaries, false);
            Metric units = metric(campaigns, Metrics::enrolledUnits, false);
            Metrics metrics = new Metrics(sessions, participations, hours, beneficiaries, units);
            return new Sum(enrolled, reporting, totals, metrics, Pacing.overall(
                    List.of(sessions, participations, hours, beneficiaries, units).stream().map(Metric::pacing)
                            .toList()));
        }

        /**
         * A figure summed over the campaigns against the sum of their targets. What is expected by now is the sum
         * of each targeted campaign's elapsed share of its own target, kept as one exact fraction for the pacing.
         */
        private static Metric metric(List<Progress> campaigns, Function<Metrics, Metric> figure, boolean decimal) {
            BigDecimal total = BigDecimal.ZERO;
            BigDecimal target = null;
            BigDecimal numerator = BigDecimal.ZERO;
            BigDecimal denominator = BigDecimal.ONE;
            for (Progress p : campaigns) {
                Metric m = figure.apply(p.summary().metrics());
                total = total.add(BigDecimal.valueOf(m.total().doubleValue()));
                if (m.target() == null) {
                    continue;
                }
                BigDecimal t = BigDecimal.valueOf(m.target().doubleValue());
                BigDecimal days = BigDecimal.valueOf(p.summary().daysTotal());
                // a/b + t·e/d = (a·d + t·e·b) / (b·d)
                numerator = numerator.multiply(days)
                        .add(t.multiply(BigDecimal.valueOf(p.summary().daysElapsed())).multiply(denominator));
                denominator = denominator.multiply(days);
                target = target == null ? t : target.add(t);
            }
            Number sum = decimal ? (Number) total.doubleValue() : (Number) total.longValue();
            if (target == null) {
                return new Metric(sum, null, null, 0.0, null);
            }
            Number targetValue = decimal ? (Number) target.doubleValue() : (Number) target.longValue();
            double expectedPercent = target.signum() == 0 ? 0.0
                    : ProgressView.percent(numerator.divide(denominator, MathContext.DECIMAL64).doubleValue(),
                    target.doubleValue());
            return new Metric(sum, targetValue, target.signum() == 0 ? null
                    : ProgressView.percent(total.doubleValue(), target.doubleValue()), expectedPercent,
                    Pacing.against(total, target, numerator, denominator));
        }
    }
}
