package com.campaigntracker.shared.validation;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The bounds of every field a command carries, in one place (the command-side README quotes them). Lengths count
 * Unicode code points (an emoji is one). An activity is one event of one unit on one day: a figure beyond these
 * bounds is a typing error, not a report.
 */
public final class Bounds {
    /** Client-supplied ids: letters, digits, {@code _} and {@code -}, 1 to 64 characters. */
    public static final String ID_PATTERN = "^[A-Za-z0-9_-]{1,64}$";
    public static final Pattern ID = Pattern.compile(ID_PATTERN);

    public static final int UNIT_NAME_MAX = 100;
    public static final int DISTRICT_MAX = 50;
    public static final int TITLE_MAX = 200;
    public static final int THEME_MAX = 200;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int SITE_MAX = 200;
    public static final int CATEGORY_MAX = 50;
    public static final int NOTES_MAX = 2000;
    public static final int REASON_MAX = 500;

    /** Dates outside this range are typing errors, not campaigns. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2099, 12, 31);

    /**
     * A campaign's period, start and end day included, spans at most this many years (launch and extension). Every
     * daily view of a campaign grows with its period; longer work is a series of campaigns.
     */
    public static final int CAMPAIGN_YEARS_MAX = 3;

    /** 场次 */
    public static final int SESSIONS_MIN = 1;
    public static final int SESSIONS_MAX = 1_000;
    /** 志愿者人次 */
    public static final int PARTICIPATIONS_MAX = 100_000;
    /** 服务时长, in steps of {@link #SERVICE_HOURS_STEP} */
    public static final int SERVICE_HOURS_MAX = 100_000;
    public static final double SERVICE_HOURS_STEP = 0.5;
    /** 受益人次 */
    public static final int BENEFICIARIES_MAX = 10_000_000;

    /** 服务项目: districts served, orders a week; 点单: people to serve, contact; 评单: score */
    public static final int SERVICE_DISTRICTS_MAX = 20;
    public static final int WEEKLY_CAPACITY_MAX = 1_000;
    public static final int PEOPLE_TO_SERVE_MAX = 1_000_000;
    public static final int CONTACT_MAX = 100;
    public static final int COMMENT_MAX = 500;
    public static final int SCORE_MIN = 1;
    public static final int SCORE_MAX = 5;

    /** Each campaign target (counts and hours) */
    public static final long TARGET_COUNT_MAX = 1_000_000_000L;
    /** The 报到单位数 target */
    public static final int TARGET_UNITS_MAX = 100_000;

    /** The rule of a missing field. */
    public static final String MISSING = "不能为空";

    private Bounds() {
    }
}
