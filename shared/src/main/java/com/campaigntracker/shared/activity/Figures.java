package com.campaigntracker.shared.activity;

/**
 * What one activity achieved.
 *
 * @param sessions       场次, at least 1
 * @param participations 志愿者人次
 * @param serviceHours   服务时长 in hours, in steps of 0.5 (halves are exact in binary floating point, so
 *                       sums stay exact)
 * @param beneficiaries  受益人次
 */
public record Figures(int sessions, int participations, double serviceHours, int beneficiaries) {

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
