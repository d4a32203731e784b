package com.campaigntracker.query.campaigns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * 进度判断. Expected progress is the elapsed share of the period (a day counts as elapsed at its end, so the view
 * of day d — live on d or as of d — counts d). A metric is DONE when its target is met, ON_TRACK at ≥ 0.95 ×
 * expected, LAGGING at ≥ 0.75 ×, AT_RISK below. Compared in exact decimal arithmetic, so the thresholds are exact.
 */
public enum Pacing {
    AT_RISK, LAGGING, ON_TRACK, DONE;

    public static long totalDays(LocalDate start, LocalDate end) {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    public static long elapsedDays(LocalDate start, LocalDate end, LocalDate today) {
        if (today.isBefore(start)) {
            return 0;
        }
        if (today.isAfter(end)) {
            return totalDays(start, end);
        }
        return ChronoUnit.DAYS.between(start, today) + 1;
    }

    /** Null when there is no target. */
    public static Pacing of(double total, Number target, long elapsed, long totalDays) {
        if (target == null) {
            return null;
        }
        BigDecimal t = BigDecimal.valueOf(target.doubleValue());
        return against(BigDecimal.valueOf(total), t, t.multiply(BigDecimal.valueOf(elapsed)),
                BigDecimal.valueOf(totalDays));
    }

    /**
     * {@code total} against {@code target} when {@code expectedNumerator / expectedDenominator} of it is expected by
     * now (for one campaign: target × elapsed / total days; for a theme, the sum of its campaigns' expected shares).
     * The fraction stays unreduced so the thresholds are compared exactly.
     */
    public static Pacing against(BigDecimal total, BigDecimal target, BigDecimal expectedNumerator,
                                 BigDecimal expectedDenominator) {
        if (total.compareTo(target) >= 0) {
            return DONE;
        }
        // total >= k * expected  <=>  total * denominator * 100 >= k100 * numerator
        BigDecimal left = total.multiply(expectedDenominator).multiply(BigDecimal.valueOf(100));
        if (left.compareTo(expectedNumerator.multiply(BigDecimal.valueOf(95))) >= 0) {
            return ON_TRACK;
        }
        if (left.compareTo(expectedNumerator.multiply(BigDecimal.valueOf(75))) >= 0) {
            return LAGGING;
        }
        return AT_RISK;
    }

    /** DONE when every targeted metric is done, else the worst of the others; null without any target. */
    public static Pacing overall(Iterable<Pacing> perMetric) {
        Pacing worst = null;
        boolean any = false;
        for (Pacing p : perMetric) {
            if (p == null) {
                continue;
            }
            any = true;
            if (p != DONE && (worst == null || p.ordinal() < worst.ordinal())) {
                worst = p;
            }
        }
        return !any ? null : worst == null ? DONE : worst;
    }
}
