package com.campaigntracker.query.campaigns;

import com.campaigntracker.query.projection.BatchContext;
import com.campaigntracker.query.projection.Docs;
import com.campaigntracker.query.projection.Figures5;
import com.campaigntracker.query.projection.ProjectionEvent;
import com.campaigntracker.query.projection.ProjectionSlice;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityCorrected;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityEvent;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRecorded;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRetracted;
import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignCancelled;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignClosed;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignEvent;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignExtended;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignLaunched;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignRevised;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitEnrolled;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitWithdrawn;
import com.campaigntracker.shared.campaign.CampaignStatus;
import com.campaigntracker.shared.campaign.Targets;
import com.campaigntracker.shared.unit.UnitType;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The progress read model of campaigns, all documents keyed by composed strings:
 * <ul>
 *   <li>{@value #CAMPAIGNS} by campaign: the campaign's description, status, targets, enrolled count, totals</li>
 *   <li>{@value #ROSTERS} by campaign: sorted ids of every unit that enrolled or reported (bounded by the units)</li>
 *   <li>{@value #UNITS} by {@code campaign|unit}: enrolment, totals and activity count per activity date</li>
 *   <li>{@value #SERIES} by campaign: totals per activity date (bounded by the period)</li>
 *   <li>{@value #CHANGES} by {@code campaign|changeDay}: what changed on that day (Asia/Shanghai day of the
 *   event's timestamp): deltas per unit and per activity date, and the campaign's description as of that day.
 *   Folding these up to a day gives the as-of view; a correction made on 07-10 sits in the 07-10 document.</li>
 * </ul>
 * All campaign and activity events of one campaign are in one sequence (see the sequencing policy), so these
 * documents have a single writer and are rewritten whole, with sorted arrays: deterministic to the byte.
 */
public class CampaignProjection implements ProjectionSlice {
    public static final String CAMPAIGNS = "rm_campaigns";
    public static final String ROSTERS = "rm_campaign_rosters";
    public static final String UNITS = "rm_campaign_units";
    public static final String SERIES = "rm_campaign_series";
    public static final String CHANGES = "rm_campaign_changes";

    @Override
    public void prefetch(ProjectionEvent e, BatchContext ctx) {
        String c;
        String unit = null;
        if (e.payload() instanceof CampaignEvent ce) {
            c = ce.campaignId();
            if (ce instanceof UnitEnrolled u) {
                unit = u.unitId();
            } else if (ce instanceof UnitWithdrawn u) {
                unit = u.unitId();
            }
        } else if (e.payload() instanceof ActivityEvent ae) {
            c = ae.campaignId();
            unit = ae.unitId();
            ctx.want(SERIES, c);
        } else {
            return;
        }
        ctx.want(CAMPAIGNS, c);
        ctx.want(ROSTERS, c);
        ctx.want(CHANGES, Docs.key(c, e.changeDay().toString()));
        if (unit != null) {
            ctx.want(UNITS, Docs.key(c, unit));
        }
    }

    @Override
    public void apply(ProjectionEvent e, BatchContext ctx) {
        if (e.payload() instanceof CampaignEvent ce) {
            applyCampaign(ce, e, ctx);
            ctx.touchCampaign(ce.campaignId());
        } else if (e.payload() instanceof ActivityEvent ae) {
            applyActivity(ae, e, ctx);
            ctx.touchCampaign(ae.campaignId());
        }
    }

    private void applyCampaign(CampaignEvent ce, ProjectionEvent e, BatchContext ctx) {
        String c = ce.campaignId();
        Document campaign = campaign(ctx, c);
        if (ce instanceof CampaignLaunched l) {
            campaign.put("title", l.title());
            campaign.put("theme", l.theme());
            campaign.put("description", l.description());
            campaign.put("district", l.district());
            List<String> types = new ArrayList<>();
            if (l.eligibleUnitTypes() != null) {
                l.eligibleUnitTypes().stream().map(UnitType::label).sorted().forEach(types::add);
            }
            campaign.put("eligibleUnitTypes", types);
            campaign.put("startDate", str(l.startDate()));
            campaign.put("endDate", str(l.endDate()));
            campaign.put("targets", targets(l.targets()));
            campaign.put("status", CampaignStatus.ACTIVE.name());
            campaign.put("launchedAt", e.timestamp().toString());
            campaign.put("launchDay", e.changeDay().toString());
        } else if (ce instanceof CampaignRevised r) {
            if (r.title() != null) {
                campaign.put("title", r.title());
            }
            if (r.description() != null) {
                campaign.put("description", r.description());
            }
            if (r.targets() != null) {
                campaign.put("targets", targets(r.targets()));
            }
        } else if (ce instanceof CampaignExtended x) {
            campaign.put("endDate", str(x.endDate()));
        } else if (ce instanceof CampaignClosed) {
            campaign.put("status", CampaignStatus.CLOSED.name());
        } else if (ce instanceof CampaignCancelled x) {
            campaign.put("status", CampaignStatus.CANCELLED.name());
            campaign.put("cancelReason", x.reason());
        } else if (ce instanceof UnitEnrolled u) {
            enrol(ctx, campaign, u.unitId(), true, e);
        } else if (ce instanceof UnitWithdrawn u) {
            enrol(ctx, campaign, u.unitId(), false, e);
        }
        campaign.put("updatedAt", e.timestamp().toString());
        lastChangeDay(campaign, e);
        ctx.changed(CAMPAIGNS, campaign);
        Document change = change(ctx, c, e);
        change.put("campaign", meta(campaign));
        ctx.changed(CHANGES, change);
    }

    private void enrol(BatchContext ctx, Document campaign, String unitId, boolean enrolled, ProjectionEvent e) {
        String c = campaign.getString("campaignId");
        Document cu = campaignUnit(ctx, c, unitId);
        if (cu.getBoolean("enrolled", false) == enrolled) {
            return;
        }
        cu.put("enrolled", enrolled);
        cu.put(enrolled ? "enrolledAt" : "withdrawnAt", e.timestamp().toString());
        ctx.changed(UNITS, cu);
        campaign.put("enrolledUnits", Docs.l(campaign, "enrolledUnits") + (enrolled ? 1 : -1));
        roster(ctx, c, unitId);
        Document change = change(ctx, c, e);
        Document cuChange = changeUnit(change, unitId);
        cuChange.put("enrolled", Docs.l(cuChange, "enrolled") + (enrolled ? 1 : -1));
        ctx.changed(CHANGES, change);
    }

    private void applyActivity(ActivityEvent ae, ProjectionEvent e, BatchContext ctx) {
        if (ae instanceof ActivityRecorded r) {
            delta(ctx, ae, r.date(), r.figures(), +1, e);
        } else if (ae instanceof ActivityCorrected x) {
            delta(ctx, ae, x.previousDate(), x.previousFigures(), -1, e);
            delta(ctx, ae, x.date(), x.figures(), +1, e);
        } else if (ae instanceof ActivityRetracted x) {
            delta(ctx, ae, x.date(), x.figures(), -1, e);
        }
    }

    /** Adds sign × figures (and sign × one activity) on {@code date} for the activity's unit everywhere. */
    private void delta(BatchContext ctx, ActivityEvent ae, LocalDate date, Figures f, int sign, ProjectionEvent e) {
        String c = ae.campaignId();
        String d = date.toString();
        Document campaign = campaign(ctx, c);
        Figures5.add((Document) campaign.get("totals"), f, sign);
        campaign.put("updatedAt", e.timestamp().toString());
        lastChangeDay(campaign, e);
        ctx.changed(CAMPAIGNS, campaign);

        roster(ctx, c, ae.unitId());

        Document cu = campaignUnit(ctx, c, ae.unitId());
        Figures5.add((Document) cu.get("totals"), f, sign);
        countDate(cu, d, sign);
        ctx.changed(UNITS, cu);

        Document series = ctx.getOrCreate(SERIES, c, () -> new Document("campaignId", c)
                .append("days", new ArrayList<Document>()));
        addDay(Docs.list(series, "days"), d, f, sign);
        ctx.changed(SERIES, series);

        Document change = change(ctx, c, e);
        Document cuChange = changeUnit(change, ae.unitId());
        Figures5.add(cuChange, f, sign);
        countDate(cuChange, d, sign);
        addDay(Docs.list(change, "days"), d, f, sign);
        ctx.changed(CHANGES, change);
    }

    /** The latest change day seen (events of different streams need not arrive in timestamp order). */
    private static void lastChangeDay(Document campaign, ProjectionEvent e) {
        String day = e.changeDay().toString();
        String current = campaign.getString("lastChangeDay");
        if (current == null || current.compareTo(day) < 0) {
            campaign.put("lastChangeDay", day);
        }
    }

    private static void countDate(Document owner, String d, int sign) {
        Docs.countByDate(owner, d, sign);
    }

    private static void addDay(List<Document> days, String d, Figures f, int sign) {
        Document day = Docs.upsertSorted(days, "date", d, () -> Figures5.zero(new Document("date", d)));
        Figures5.add(day, f, sign);
        if (Figures5.isZero(day)) {
            days.remove(day);
        }
    }

    private static Document campaign(BatchContext ctx, String c) {
        return ctx.getOrCreate(CAMPAIGNS, c, () -> new Document("campaignId", c)
                .append("title", null).append("theme", null).append("description", null)
                .append("district", null).append("eligibleUnitTypes", new ArrayList<String>())
                .append("startDate", null).append("endDate", null).append("targets", targets(null))
                .append("status", null).append("cancelReason", null)
                .append("launchedAt", null).append("launchDay", null)
                .append("enrolledUnits", 0L)
                .append("totals", Figures5.zero(new Document()))
                .append("updatedAt", null).append("lastChangeDay", null));
    }

    private static void roster(BatchContext ctx, String c, String unitId) {
        Document roster = ctx.getOrCreate(ROSTERS, c, () -> new Document("campaignId", c)
                .append("unitIds", new ArrayList<String>()));
        if (Docs.addSorted(Docs.strings(roster, "unitIds"), unitId)) {
            ctx.changed(ROSTERS, roster);
        }
    }

    private static Document campaignUnit(BatchContext ctx, String c, String unitId) {
        return ctx.getOrCreate(UNITS, Docs.key(c, unitId), () -> new Document("campaignId", c)
                .append("unitId", unitId).append("enrolled", false).append("enrolledAt", null)
                .append("totals", Figures5.zero(new Document()))
                .append("dates", new Document()));
    }

    private static Document change(BatchContext ctx, String c, ProjectionEvent e) {
        String day = e.changeDay().toString();
        return ctx.getOrCreate(CHANGES, Docs.key(c, day), () -> new Document("campaignId", c)
                .append("day", day).append("campaign", null)
                .append("units", new ArrayList<Document>())
                .append("days", new ArrayList<Document>()));
    }

    private static Document changeUnit(Document change, String unitId) {
        return Docs.upsertSorted(Docs.list(change, "units"), "unitId", unitId,
                () -> Figures5.zero(new Document("unitId", unitId).append("enrolled", 0L))
                        .append("dates", new Document()));
    }

    /** The campaign's description as it stands after an event: what an as-of view shows for that day. */
    public static Document meta(Document campaign) {
        Document m = new Document();
        for (String f : List.of("title", "theme", "description", "district", "eligibleUnitTypes", "startDate",
                "endDate", "targets", "status", "cancelReason", "launchDay")) {
            m.put(f, campaign.get(f));
        }
        return m;
    }

    static Document targets(Targets t) {
        return new Document("sessions", t == null ? null : t.sessions())
                .append("participations", t == null ? null : t.participations())
                .append("serviceHours", t == null ? null : t.serviceHours())
                .append("beneficiaries", t == null ? null : t.beneficiaries())
                .append("enrolledUnits", t == null || t.enrolledUnits() == null ? null
                        : t.enrolledUnits().longValue());
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    @Override
    public List<String> collections() {
        return List.of(CAMPAIGNS, ROSTERS, UNITS, SERIES, CHANGES);
    }

    @Override
    public void createIndexes(MongoDatabase db) {
        db.getCollection(CAMPAIGNS).createIndex(Indexes.ascending("status", "district", "theme"));
        db.getCollection(UNITS).createIndex(Indexes.ascending("unitId", "campaignId"));
        db.getCollection(CHANGES).createIndex(Indexes.ascending("campaignId", "day"));
    }
}
