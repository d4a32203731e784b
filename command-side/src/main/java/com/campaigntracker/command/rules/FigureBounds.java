package com.campaigntracker.command.rules;

import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.campaign.Targets;

/**
 * The sane bounds of every figure, in one place (the README quotes this class). An activity is one event of
 * one unit on one day: a figure beyond these bounds is a typing error, not a report.
 * <ul>
 *     <li>场次 sessions: 1 to 1,000</li>
 *     <li>志愿者人次 participations: 0 to 100,000</li>
 *     <li>服务时长 service hours: 0 to 100,000, in steps of 0.5</li>
 *     <li>受益人次 beneficiaries: 0 to 10,000,000</li>
 * </ul>
 * Campaign targets are optional; each given target is at least 0 and at most
 * {@value #TARGET_COUNT_MAX} (counts and hours) or {@value #TARGET_UNITS_MAX} (报到单位数).
 */
public final class FigureBounds {
    public static final int SESSIONS_MIN = 1;
    public static final int SESSIONS_MAX = 1_000;
    public static final int PARTICIPATIONS_MAX = 100_000;
    public static final double SERVICE_HOURS_MAX = 100_000;
    public static final double SERVICE_HOURS_STEP = 0.5;
    public static final int BENEFICIARIES_MAX = 10_000_000;

    public static final long TARGET_COUNT_MAX = 1_000_000_000L;
    public static final int TARGET_UNITS_MAX = 100_000;

    private FigureBounds() {
    }

    public static Figures check(Figures figures) {
        if (figures == null) {
            throw InvalidField.missing("figures");
        }
        between("sessions", figures.sessions(), SESSIONS_MIN, SESSIONS_MAX);
        between("participations", figures.participations(), 0, PARTICIPATIONS_MAX);
        between("beneficiaries", figures.beneficiaries(), 0, BENEFICIARIES_MAX);
        double hours = figures.serviceHours();
        if (!Double.isFinite(hours) || hours < 0 || hours > SERVICE_HOURS_MAX) {
            throw new InvalidField("serviceHours", hours, "必须在 0 到 100000 小时之间");
        }
        if (hours * 2 != Math.rint(hours * 2)) {
            throw new InvalidField("serviceHours", hours, "必须以 0.5 小时为单位");
        }
        return figures;
    }

    public static Targets check(Targets targets) {
        if (targets == null) {
            return Targets.none();
        }
        target("targets.sessions", targets.sessions());
        target("targets.participations", targets.participations());
        target("targets.beneficiaries", targets.beneficiaries());
        Double hours = targets.serviceHours();
        if (hours != null && (!Double.isFinite(hours) || hours < 0 || hours > TARGET_COUNT_MAX)) {
            throw new InvalidField("targets.serviceHours", hours, "必须在 0 到 " + TARGET_COUNT_MAX + " 之间");
        }
        Integer units = targets.enrolledUnits();
        if (units != null && (units < 0 || units > TARGET_UNITS_MAX)) {
            throw new InvalidField("targets.enrolledUnits", units, "必须在 0 到 " + TARGET_UNITS_MAX + " 之间");
        }
        return targets;
    }

    private static void between(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidField(field, value, "必须在 " + min + " 到 " + max + " 之间");
        }
    }

    private static void target(String field, Long value) {
        if (value != null) {
            between(field, value, 0, TARGET_COUNT_MAX);
        }
    }
}
