package com.campaigntracker.query;

import com.campaigntracker.shared.activity.ActivityEvents.ActivityCorrected;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRecorded;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRetracted;
import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignLaunched;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitEnrolled;
import com.campaigntracker.shared.campaign.Targets;
import com.campaigntracker.shared.unit.UnitEvents.UnitRegistered;
import com.campaigntracker.shared.unit.UnitType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Terse event publishing for tests; remembers activities so corrections carry the figures they replace. */
public class Scenario {
    private final EventFeed feed;
    private final Map<String, ActivityRecorded> current = new ConcurrentHashMap<>();

    public Scenario(EventFeed feed) {
        this.feed = feed;
    }

    public Scenario unit(String id, String name, UnitType type, String district, String parent, Instant at) {
        feed.publish(new UnitRegistered(id, name, type, district, parent), at);
        return this;
    }

    public Scenario launch(String c, String title, String theme, String district, String start, String end,
                           Targets targets, Instant at) {
        feed.publish(new CampaignLaunched(c, title, theme, "说明", district, EnumSet.allOf(UnitType.class),
                LocalDate.parse(start), LocalDate.parse(end), targets), at);
        return this;
    }

    public Scenario enrol(String c, String unit, Instant at) {
        feed.publish(new UnitEnrolled(c, unit), at);
        return this;
    }

    public Scenario record(String c, String a, String unit, String date, String category, Figures f, Instant at) {
        ActivityRecorded r = new ActivityRecorded(c, a, unit, LocalDate.parse(date), "活动" + a, category,
                "社区广场", f, null);
        current.put(c + "/" + a, r);
        feed.publish(r, at, "unit-" + unit, "unit");
        return this;
    }

    public Scenario correct(String c, String a, String date, Figures f, Instant at) {
        ActivityRecorded prev = current.get(c + "/" + a);
        feed.publish(new ActivityCorrected(c, a, prev.unitId(), LocalDate.parse(date), prev.title(),
                prev.category(), prev.site(), f, null, prev.figures(), prev.date(), "数据更正"), at,
                "unit-" + prev.unitId(), "unit");
        current.put(c + "/" + a, new ActivityRecorded(c, a, prev.unitId(), LocalDate.parse(date), prev.title(),
                prev.category(), prev.site(), f, null));
        return this;
    }

    public Scenario retract(String c, String a, Instant at) {
        ActivityRecorded prev = current.remove(c + "/" + a);
        feed.publish(new ActivityRetracted(c, a, prev.unitId(), prev.date(), prev.figures(), "重复上报"), at,
                "unit-" + prev.unitId(), "unit");
        return this;
    }

    public static Figures f(int sessions, int participations, double hours, int beneficiaries) {
        return new Figures(sessions, participations, hours, beneficiaries);
    }
}
