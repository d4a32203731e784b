package com.campaigntracker.query.briefing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Figures written the way the 简报 write them ("600多场次", "3万余人次", "1.14万人", "85300多人", "460.5小时").
 * Every rule rounds <em>down</em>, so "多/余" (more than) is always true and a figure is never overstated; a
 * figure that loses nothing in rounding gets no "多/余". The exact figure stays in the section's figures, the
 * appendix and the UI's hover text.
 * <table>
 *   <caption>Styles</caption>
 *   <tr><th>style</th><th>below 100</th><th>100 – 9,999</th><th>10,000 and above</th></tr>
 *   <tr><td>{@link Style#ROUGH}</td><td>exact</td><td>whole hundreds + connector: 6xx → 600多</td>
 *       <td>whole 万 + 余: 3x,xxx → 3万余; from 100万 two significant figures of 万: 2,2xx,xxx → 220万余</td></tr>
 *   <tr><td>{@link Style#HUNDREDS}</td><td>exact</td><td>whole hundreds + connector</td>
 *       <td>whole hundreds + connector: 85,3xx → 85300多</td></tr>
 *   <tr><td>{@link Style#WAN_2DP}</td><td>exact</td><td>exact</td>
 *       <td>万 with two decimals, trailing zeros dropped, no connector: 11,4xx → 1.14万, 30,000 → 3万</td></tr>
 * </table>
 * The connector after a plain number is the metric's ("多" for 场次/人次, "余" for 条/支, as in the seeds); after
 * 万 it is always "余". Hours ({@link #hours}) keep one decimal (truncated) below 1,000 and are {@code ROUGH}
 * from 1,000 on ("460.5小时", "2600多小时").
 */
public final class ChineseNumbers {
    public static final String MORE = "多";
    public static final String ABOVE = "余";

    public enum Style { ROUGH, HUNDREDS, WAN_2DP }

    private static final long WAN = 10_000;

    private ChineseNumbers() {
    }

    public static String phrase(long n, Style style, String connector) {
        if (n < 0) {
            throw new IllegalArgumentException("negative figure " + n);
        }
        if (n < 100) {
            return Long.toString(n);
        }
        return switch (style) {
            case HUNDREDS -> hundreds(n, connector);
            case ROUGH -> n < WAN ? hundreds(n, connector) : wan(n);
            case WAN_2DP -> n < WAN ? Long.toString(n) : wan2dp(n);
        };
    }

    /** Service hours: one decimal below 1,000 (truncated, ".0" dropped), {@link Style#ROUGH} from 1,000. */
    public static String hours(double hours, String connector) {
        BigDecimal h = BigDecimal.valueOf(hours).setScale(1, RoundingMode.DOWN);
        if (h.compareTo(BigDecimal.valueOf(1000)) < 0) {
            return h.stripTrailingZeros().toPlainString();
        }
        long whole = h.setScale(0, RoundingMode.DOWN).longValueExact();
        String text = phrase(whole, Style.ROUGH, connector);
        // a fraction lost below whole hundreds is already covered by 多; an exact hundred with a fraction is not
        boolean fractionLost = h.compareTo(BigDecimal.valueOf(whole)) != 0;
        return fractionLost && !text.endsWith(connector) && !text.endsWith(ABOVE) ? text + connector : text;
    }

    private static String hundreds(long n, String connector) {
        long floor = n / 100 * 100;
        return floor + (floor == n ? "" : connector);
    }

    private static String wan(long n) {
        long w = n / WAN;
        if (w >= 100) {
            long step = 1;
            for (long x = w; x >= 100; x /= 10) {
                step *= 10;
            }
            w = w / step * step;
        }
        return w + "万" + (w * WAN == n ? "" : ABOVE);
    }

    private static String wan2dp(long n) {
        return BigDecimal.valueOf(n).divide(BigDecimal.valueOf(WAN), 2, RoundingMode.DOWN)
                .stripTrailingZeros().toPlainString() + "万";
    }
}
