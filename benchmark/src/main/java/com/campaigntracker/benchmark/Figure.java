package com.campaigntracker.benchmark;

import java.util.List;
import java.util.Locale;

/**
 * One benchmark figure: ours ÷ the raw driver's (or the later ÷ the earlier), both measured in the same run.
 *
 * @param name     short key (append, replay, flat-history, dashboard-p50, …)
 * @param ours     the product's measurement
 * @param baseline what it is compared with
 * @param unit     unit of both measurements
 * @param ratio    ours ÷ baseline
 * @param target   the target as text, e.g. "≥ 0.5"
 * @param met      whether the target is met
 * @param note     extra facts (peak heap, errors)
 */
public record Figure(String name, double ours, double baseline, String unit, double ratio, String target,
                     boolean met, String note) {

    static Figure higherIsBetter(String name, double ours, double baseline, String unit, double atLeast,
                                 String note) {
        double ratio = ours / baseline;
        return new Figure(name, ours, baseline, unit, ratio, "≥ " + atLeast, ratio >= atLeast, note);
    }

    static Figure lowerIsBetter(String name, double ours, double baseline, String unit, double atMost,
                                String note) {
        double ratio = ours / baseline;
        return new Figure(name, ours, baseline, unit, ratio, "≤ " + atMost, ratio <= atMost, note);
    }

    static Figure absolute(String name, double value, String unit, boolean met, String target, String note) {
        return new Figure(name, value, Double.NaN, unit, Double.NaN, target, met, note);
    }

    String json(int cores) {
        return String.format(Locale.ROOT,
                "{\"figure\":\"%s\",\"ours\":%s,\"baseline\":%s,\"unit\":\"%s\",\"ratio\":%s,"
                        + "\"target\":\"%s\",\"met\":%s,\"cores\":%d,\"note\":\"%s\"}",
                name, num(ours), num(baseline), unit, num(ratio), target, met, cores, note.replace("\"", "'"));
    }

    private static String num(double d) {
        return Double.isNaN(d) ? "null" : String.format(Locale.ROOT, "%.4f", d);
    }

    static String table(List<Figure> figures, int cores) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Benchmark on %d cores%n", cores));
        sb.append(String.format(Locale.ROOT, "| %-16s | %14s | %14s | %-10s | %8s | %-7s | %-4s | %s%n",
                "figure", "ours", "baseline", "unit", "ratio", "target", "met", "note"));
        sb.append("|------------------|----------------|----------------|------------|----------|---------|------|-----\n");
        for (Figure f : figures) {
            sb.append(String.format(Locale.ROOT, "| %-16s | %14.2f | %14s | %-10s | %8s | %-7s | %-4s | %s%n",
                    f.name, f.ours, Double.isNaN(f.baseline) ? "-" : String.format(Locale.ROOT, "%.2f", f.baseline),
                    f.unit, Double.isNaN(f.ratio) ? "-" : String.format(Locale.ROOT, "%.3f", f.ratio), f.target,
                    f.met ? "yes" : "NO", f.note));
        }
        return sb.toString();
    }
}
