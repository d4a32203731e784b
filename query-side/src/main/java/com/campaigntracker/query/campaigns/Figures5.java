package com.campaigntracker.query.campaigns;

import com.campaigntracker.query.projection.Docs;

import com.campaigntracker.shared.activity.Figures;
import org.bson.Document;

/**
 * The five additive counters every progress document carries: 场次, 人次, 服务时长, 受益人次 and the number of
 * (non-retracted) activities. Stored under fixed field names in a fixed order.
 */
public final class Figures5 {
    public static final String SESSIONS = "sessions";
    public static final String PARTICIPATIONS = "participations";
    public static final String SERVICE_HOURS = "serviceHours";
    public static final String BENEFICIARIES = "beneficiaries";
    public static final String ACTIVITIES = "activities";

    private Figures5() {
    }

    public static Document zero(Document into) {
        into.put(SESSIONS, 0L);
        into.put(PARTICIPATIONS, 0L);
        into.put(SERVICE_HOURS, 0.0);
        into.put(BENEFICIARIES, 0L);
        into.put(ACTIVITIES, 0L);
        return into;
    }

    /** Adds {@code sign} × figures and {@code sign} activities to the counters of {@code d}. */
    public static void add(Document d, Figures f, int sign) {
        d.put(SESSIONS, Docs.l(d, SESSIONS) + (long) sign * f.sessions());
        d.put(PARTICIPATIONS, Docs.l(d, PARTICIPATIONS) + (long) sign * f.participations());
        d.put(SERVICE_HOURS, Docs.dbl(d, SERVICE_HOURS) + sign * f.serviceHours());
        d.put(BENEFICIARIES, Docs.l(d, BENEFICIARIES) + (long) sign * f.beneficiaries());
        d.put(ACTIVITIES, Docs.l(d, ACTIVITIES) + sign);
    }

    public static boolean isZero(Document d) {
        return Docs.l(d, SESSIONS) == 0 && Docs.l(d, PARTICIPATIONS) == 0 && Docs.dbl(d, SERVICE_HOURS) == 0.0
                && Docs.l(d, BENEFICIARIES) == 0 && Docs.l(d, ACTIVITIES) == 0;
    }

    public static Document of(Figures f) {
        return new Document(SESSIONS, (long) f.sessions()).append(PARTICIPATIONS, (long) f.participations())
                .append(SERVICE_HOURS, f.serviceHours()).append(BENEFICIARIES, (long) f.beneficiaries());
    }
}
