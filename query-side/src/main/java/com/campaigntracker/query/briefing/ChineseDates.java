package com.campaigntracker.query.briefing;

import java.time.LocalDate;

/** Dates as the 简报 write them: "2020年8月13日", "截至2020年6月30日", "6月—9月". */
public final class ChineseDates {
    private static final String DASH = "—";

    private ChineseDates() {
    }

    public static String day(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    public static String asOf(LocalDate d) {
        return "截至" + day(d);
    }

    /**
     * A period by months: "6月" within one month, "6月—9月" within one year, "2020年12月—2021年1月" across years.
     * The year is left out within one year, as the seeds do, since the masthead date carries it.
     */
    public static String months(LocalDate from, LocalDate to) {
        if (from.getYear() != to.getYear()) {
            return from.getYear() + "年" + from.getMonthValue() + "月" + DASH + to.getYear() + "年"
                    + to.getMonthValue() + "月";
        }
        if (from.getMonthValue() == to.getMonthValue()) {
            return from.getMonthValue() + "月";
        }
        return from.getMonthValue() + "月" + DASH + to.getMonthValue() + "月";
    }
}
