package com.campaigntracker.shared.activity;

import com.campaigntracker.shared.validation.Bounds;
import com.campaigntracker.shared.validation.Within;

/**
 * What one activity achieved; the bounds apply to what a command reports ({@link Bounds}).
 *
 * @param sessions       场次, at least 1
 * @param participations 志愿者人次
 * @param serviceHours   服务时长 in hours, in steps of 0.5 (halves are exact in binary floating point, so
 *                       sums stay exact)
 * @param beneficiaries  受益人次
 */
public record Figures(@Within(min = Bounds.SESSIONS_MIN, max = Bounds.SESSIONS_MAX) int sessions,
                      @Within(min = 0, max = Bounds.PARTICIPATIONS_MAX) int participations,
                      @Within(min = 0, max = Bounds.SERVICE_HOURS_MAX, unit = " 小时",
                              step = Bounds.SERVICE_HOURS_STEP) double serviceHours,
                      @Within(min = 0, max = Bounds.BENEFICIARIES_MAX) int beneficiaries) {

    public static final Figures ZERO = new Figures(0, 0, 0, 0);

    public Figures plus(Figures other) {
        return new Figures(sessions + other.sessions, participations + other.participations,
                serviceHours + other.serviceHours, beneficiaries + other.beneficiaries);
    }

    public Figures minus(Figures other) {
        return new Figures(sessions - other.sessions, participations - other.participations,
                serviceHours - other.serviceHours, beneficiaries - other.beneficiaries);
    }
}
