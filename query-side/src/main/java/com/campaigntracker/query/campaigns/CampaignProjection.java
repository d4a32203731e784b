package com.campaigntracker.query.campaigns;

import com.campaigntracker.query.projection.Batch;
import com.campaigntracker.query.projection.Docs;
import com.campaigntracker.query.projection.Projection;
import com.campaigntracker.query.projection.ProjectionEvent;
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
public class CampaignProjection extends Projection {
    public static final String CAMPAIGNS = CampaignDocument.COLLECTION;
    public static final String ROSTERS = "rm_campaign_rosters";
    public static final String UNITS = "rm_campaign_units";
    public static final String SERIES = "rm_campaign_series";
    public static final String CHANGES = "rm_campaign_changes";

    public CampaignProjection() {
        super(CampaignEvent.class, ActivityEvent.class);
        onCampaign(CampaignLaunched.class, (l, e, batch, c) -> c.with(new CampaignMeta(l.title(), l.theme(),
                l.description(), l.district(), l.eligibleUnitTypes() == null ? List.of()
                : l.eligibleUnitTypes().stream().map(UnitType::label).sorted().toList(), str(l.startDate()),
                str(l.endDate()), l.targets(), CampaignStatus.ACTIVE.name(), c.cancelReason(),
                e.changeDay().toString()), e.timestamp().toString()));
        onCampaign(CampaignRevised.class, (r, e, batch, c) -> c.with(new CampaignMeta(
                r.title() != null ? r.title() : c.title(), c.theme(),
                r.description() != null ? r.description() : c.description(), c.district(), c.eligibleUnitTypes(),
                c.startDate(), c.endDate(), r.targets() != null ? r.targets() : c.targets(), c.status(),
                c.cancelReason(), c.launchDay()), c.launchedAt()));
        onCampaign(CampaignExtended.class, (x, e, batch, c) -> c.with(new CampaignMeta(c.title(), c.theme(),
                c.description(), c.district(), c.eligibleUnitTypes(), c.startDate(), str(x.endDate()), c.targets(),
                c.status(), c.cancelReason(), c.launchDay()), c.launchedAt()));
        onCampaign(CampaignClosed.class, (x, e, batch, c) -> status(c, CampaignStatus.CLOSED, c.cancelReason()));
        onCampaign(CampaignCancelled.class, (x, e, batch, c) -> status(c, CampaignStatus.CANCELLED, x.reason()));
        on(UnitEnrolled.class, (u, e, batch) -> needs(batch, e, u.campaignId(), u.unitId()),
                (u, e, batch) -> applyCampaign(u, e, batch, (x, ev, b, c) -> enrol(b, c, u.unitId(), true, ev)));
        on(UnitWithdrawn.class, (u, e, batch) -> needs(batch, e, u.campaignId(), u.unitId()),
                (u, e, batch) -> applyCampaign(u, e, batch, (x, ev, b, c) -> enrol(b, c, u.unitId(), false, ev)));
        onActivity(ActivityRecorded.class, (r, e, batch) -> delta(batch, r, r.date(), r.figures(), +1, e));
        onActivity(ActivityCorrected.class, (x, e, batch) -> {
            delta(batch, x, x.previousDate(), x.previousFigures(), -1, e);
            delta(batch, x, x.date(), x.figures(), +1, e);
        });
        onActivity(ActivityRetracted.class, (x, e, batch) -> delta(batch, x, x.date(), x.figures(), -1, e));
    }

    /** A change of the campaign document itself; the day's change document records the result. */
    private interface CampaignChange<E> {
        CampaignDocument apply(E event, ProjectionEvent e, Batch batch, CampaignDocument campaign);
    }

    private static CampaignDocument status(CampaignDocument c, CampaignStatus status, String cancelReason) {
        return c.with(new CampaignMeta(c.title(), c.theme(), c.description(), c.district(), c.eligibleUnitTypes(),
                c.startDate(), c.endDate(), c.targets(), status.name(), cancelReason, c.launchDay()), c.launchedAt());
    }

    private <E extends CampaignEvent> void onCampaign(Class<E> type, CampaignChange<E> change) {
        on(type, (c, e, batch) -> needs(batch, e, c.campaignId(), null),
                (c, e, batch) -> applyCampaign(c, e, batch, change));
    }

    private <E extends ActivityEvent> void onActivity(Class<E> type, Step<E> apply) {
        on(type, (a, e, batch) -> {
            needs(batch, e, a.campaignId(), a.unitId());
            batch.want(SERIES, a.campaignId());
        }, (a, e, batch) -> {
            apply.run(a, e, batch);
            batch.touchCampaign(a.campaignId());
        });
    }

    private static void needs(Batch batch, ProjectionEvent e, String c, String unit) {
        batch.want(CAMPAIGNS, c);
        batch.want(ROSTERS, c);
        batch.want(CHANGES, Docs.key(c, e.changeDay().toString()));
        if (unit != null) {
            batch.want(UNITS, Docs.key(c, unit));
        }
    }

    private static <E extends CampaignEvent> void applyCampaign(E ce, ProjectionEvent e, Batch batch,
                                                                CampaignChange<E> apply) {
        String c = ce.campaignId();
        CampaignDocument campaign = apply.apply(ce, e, batch, campaign(batch, c)).touched(e);
        batch.put(CAMPAIGNS, campaign);
        Document change = change(batch, c, e);
        change.put("campaign", Docs.encode(campaign.meta()));
        batch.changed(CHANGES, change);
        batch.touchCampaign(c);
    }

    private static CampaignDocument enrol(Batch ctx, CampaignDocument campaign, String unitId, boolean enrolled,
                                          ProjectionEvent e) {
        String c = campaign.campaignId();
        Document cu = campaignUnit(ctx, c, unitId);
        if (cu.getBoolean("enrolled", false) == enrolled) {
            return campaign;
        }
        cu.put("enrolled", enrolled);
        cu.put(enrolled ? "enrolledAt" : "withdrawnAt", e.timestamp().toString());
        ctx.changed(UNITS, cu);
        roster(ctx, c, unitId);
        Document change = change(ctx, c, e);
        Document cuChange = changeUnit(change, unitId);
        cuChange.put("enrolled", Docs.l(cuChange, "enrolled") + (enrolled ? 1 : -1));
        ctx.changed(CHANGES, change);
        return campaign.enrolled(enrolled ? 1 : -1);
    }

    /** Adds sign × figures (and sign × one activity) on {@code date} for the activity's unit everywhere. */
    private static void delta(Batch ctx, ActivityEvent ae, LocalDate date, Figures f, int sign, ProjectionEvent e) {
        String c = ae.campaignId();
        String d = date.toString();
        ctx.put(CAMPAIGNS, campaign(ctx, c).plus(f, sign).touched(e));

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

    private static void countDate(Document owner, String d, int sign) {
        SortedDocs.countByDate(owner, d, sign);
    }

    private static void addDay(List<Document> days, String d, Figures f, int sign) {
        Document day = SortedDocs.upsertSorted(days, "date", d, () -> Figures5.zero(new Document("date", d)));
        Figures5.add(day, f, sign);
        if (Figures5.isZero(day)) {
            days.remove(day);
        }
    }

    private static CampaignDocument campaign(Batch ctx, String c) {
        CampaignDocument campaign = ctx.get(CAMPAIGNS, c, CampaignDocument.class);
        return campaign == null ? CampaignDocument.empty(c) : campaign;
    }

    private static void roster(Batch ctx, String c, String unitId) {
        Document roster = ctx.getOrCreate(ROSTERS, c, () -> new Document("campaignId", c)
                .append("unitIds", new ArrayList<String>()));
        if (Docs.addSorted(Docs.strings(roster, "unitIds"), unitId)) {
            ctx.changed(ROSTERS, roster);
        }
    }

    private static Document campaignUnit(Batch ctx, String c, String unitId) {
        return ctx.getOrCreate(UNITS, Docs.key(c, unitId), () -> new Document("campaignId", c)
                .append("unitId", unitId).append("enrolled", false).append("enrolledAt", null)
                .append("totals", Figures5.zero(new Document()))
                .append("dates", new Document()));
    }

    private static Document change(Batch ctx, String c, ProjectionEvent e) {
        String day = e.changeDay().toString();
        return ctx.getOrCreate(CHANGES, Docs.key(c, day), () -> new Document("campaignId", c)
                .append("day", day).append("campaign", null)
                .append("units", new ArrayList<Document>())
                .append("days", new ArrayList<Document>()));
    }

    private static Document changeUnit(Document change, String unitId) {
        return SortedDocs.upsertSorted(Docs.list(change, "units"), "unitId", unitId,
                () -> Figures5.zero(new Document("unitId", unitId).append("enrolled", 0L))
                        .append("dates", new Document()));
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
        db.getCollection(CAMPAIGNS).createIndex(Indexes.ascending(CampaignDocument.STATUS, CampaignDocument.DISTRICT,
                CampaignDocument.THEME));
        db.getCollection(UNITS).createIndex(Indexes.ascending("unitId", "campaignId"));
        db.getCollection(CHANGES).createIndex(Indexes.ascending("campaignId", "day"));
    }
}
