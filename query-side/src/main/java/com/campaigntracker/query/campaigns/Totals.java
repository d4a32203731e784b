package com.campaigntracker.query.campaigns;

import com.campaigntracker.shared.activity.Figures;

/**
 * The five additive figures of progress: 场次, 人次, 服务时长, 受益人次 and non-retracted activities. Stored in the
 * campaign documents and answered in the progress views under the same names.
 */
public record Totals(long sessions, long participations, double serviceHours, long beneficiaries, long activities) {
    public static final Totals ZERO = new Totals(0, 0, 0.0, 0, 0);

    /** Plus {@code sign} × the figures and {@code sign} activities. */
    public Totals plus(Figures f, int sign) {
        return new Totals(sessions + (long) sign * f.sessions(), participations + (long) sign * f.participations(),
                serviceHours + sign * f.serviceHours(), beneficiaries + (long) sign * f.beneficiaries(),
                activities + sign);
    }

    public Totals plus(Totals o) {
        return new Totals(sessions + o.sessions, participations + o.participations, serviceHours + o.serviceHours,
                beneficiaries + o.beneficiaries, activities + o.activities);
    }
}
