package com.campaigntracker.query.campaigns;

import com.campaigntracker.query.projection.Batch;
import com.campaigntracker.query.projection.Docs;
import com.campaigntracker.query.projection.Projection;
import com.campaigntracker.query.projection.ProjectionEvent;
import com.campaigntracker.query.projection.Table;
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
import com.campaigntracker.shared.unit.UnitType;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;

import java.time.LocalDate;
import java.util.List;

/**
 * The progress read model of campaigns: {@link CampaignDocument}, {@link CampaignRoster}, {@link CampaignUnit},
 * {@link CampaignSeries} and {@link CampaignChanges}. All campaign and activity events of one campaign are in one
 * sequence (see the sequencing policy), so these documents have a single writer and are rewritten whole, with sorted
 * maps and lists: deterministic to the byte.
 */
public class CampaignProjection extends Projection {
    public static final Table<CampaignDocument> CAMPAIGNS = Table.of(CampaignDocument.COLLECTION,
            CampaignDocument.class);
    public static final Table<CampaignRoster> ROSTERS = Table.of("rm_campaign_rosters", CampaignRoster.class);
    public static final Table<CampaignUnit> UNITS = Table.of("rm_campaign_units", CampaignUnit.class);
    public static final Table<CampaignSeries> SERIES = Table.of("rm_campaign_series", CampaignSeries.class);
    public static final Table<CampaignChanges> CHANGES = Table.of("rm_campaign_changes", CampaignChanges.class);

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
        onCampaign(UnitEnrolled.class, (u, e, batch, c) -> enrol(batch, c, u.unitId(), true, e));
        onCampaign(UnitWithdrawn.class, (u, e, batch, c) -> enrol(batch, c, u.unitId(), false, e));
        onActivity(ActivityRecorded.class, (r, e, batch) -> {
            require(r.date() != null, "date");
            checkFigures(r.figures());
        }, (r, e, batch) -> delta(batch, r, r.date(), r.figures(), +1, e));
        onActivity(ActivityCorrected.class, (x, e, batch) -> {
            require(x.date() != null && x.previousDate() != null, "date/previousDate");
            checkFigures(x.figures());
            checkFigures(x.previousFigures());
        }, (x, e, batch) -> {
            delta(batch, x, x.previousDate(), x.previousFigures(), -1, e);
            delta(batch, x, x.date(), x.figures(), +1, e);
        });
        onActivity(ActivityRetracted.class, (x, e, batch) -> {
            require(x.date() != null, "date");
            checkFigures(x.figures());
        }, (x, e, batch) -> delta(batch, x, x.date(), x.figures(), -1, e));
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
        on(type, (c, e, batch) -> {
            require(c.campaignId() != null, "campaignId");
            if (c instanceof CampaignLaunched l) {
                require(l.startDate() != null && l.endDate() != null && !l.endDate().isBefore(l.startDate()),
                        "startDate/endDate");
            }
            needs(batch, e, c.campaignId(), c instanceof UnitEnrolled u ? u.unitId()
                    : c instanceof UnitWithdrawn w ? w.unitId() : null);
        }, (c, e, batch) -> {
            CampaignDocument campaign = change.apply(c, e, batch, campaign(batch, c.campaignId())).touched(e);
            batch.put(CAMPAIGNS, campaign);
            batch.put(CHANGES, change(batch, c.campaignId(), e).with(campaign.meta()));
        });
    }

    private <E extends ActivityEvent> void onActivity(Class<E> type, Step<E> check, Step<E> apply) {
        on(type, (a, e, batch) -> {
            require(a.campaignId() != null && a.activityId() != null && a.unitId() != null,
                    "campaignId/activityId/unitId");
            check.run(a, e, batch);
            needs(batch, e, a.campaignId(), a.unitId());
            batch.want(SERIES, a.campaignId());
        }, apply);
    }

    private static void checkFigures(Figures f) {
        require(f != null, "figures");
        require(f.sessions() >= 0 && f.participations() >= 0 && f.serviceHours() >= 0 && f.beneficiaries() >= 0
                && !Double.isNaN(f.serviceHours()) && !Double.isInfinite(f.serviceHours()), "figures");
    }

    private static void needs(Batch batch, ProjectionEvent e, String c, String unit) {
        batch.want(CAMPAIGNS, c);
        batch.want(ROSTERS, c);
        batch.want(CHANGES, Docs.key(c, e.changeDay().toString()));
        if (unit != null) {
            batch.want(UNITS, Docs.key(c, unit));
        }
    }

    private static CampaignDocument enrol(Batch batch, CampaignDocument campaign, String unitId, boolean enrolled,
                                          ProjectionEvent e) {
        String c = campaign.campaignId();
        CampaignUnit cu = campaignUnit(batch, c, unitId);
        if (cu.enrolled() == enrolled) {
            return campaign;
        }
        batch.put(UNITS, cu.enrolled(enrolled, e.timestamp().toString()));
        roster(batch, c, unitId);
        CampaignChanges change = change(batch, c, e);
        change.enrolled(unitId, enrolled ? 1 : -1);
        batch.put(CHANGES, change);
        return campaign.enrolled(enrolled ? 1 : -1);
    }

    /** Adds sign × figures (and sign × one activity) on {@code date} for the activity's unit everywhere. */
    private static void delta(Batch batch, ActivityEvent ae, LocalDate date, Figures f, int sign, ProjectionEvent e) {
        String c = ae.campaignId();
        String d = date.toString();
        batch.put(CAMPAIGNS, campaign(batch, c).plus(f, sign).touched(e));
        roster(batch, c, ae.unitId());
        batch.put(UNITS, campaignUnit(batch, c, ae.unitId()).plus(f, d, sign));
        CampaignSeries series = batch.get(SERIES, c, () -> new CampaignSeries(c, null));
        CampaignSeries.add(series.days(), d, f, sign);
        batch.put(SERIES, series);
        CampaignChanges change = change(batch, c, e);
        change.add(ae.unitId(), d, f, sign);
        batch.put(CHANGES, change);
    }

    private static CampaignDocument campaign(Batch batch, String c) {
        return batch.get(CAMPAIGNS, c, () -> CampaignDocument.empty(c));
    }

    private static void roster(Batch batch, String c, String unitId) {
        CampaignRoster roster = batch.get(ROSTERS, c, () -> new CampaignRoster(c, null));
        if (Docs.addSorted(roster.unitIds(), unitId)) {
            batch.put(ROSTERS, roster);
        }
    }

    private static CampaignUnit campaignUnit(Batch batch, String c, String unitId) {
        String id = Docs.key(c, unitId);
        return batch.get(UNITS, id, () -> CampaignUnit.none(id, c, unitId));
    }

    private static CampaignChanges change(Batch batch, String c, ProjectionEvent e) {
        String day = e.changeDay().toString();
        String id = Docs.key(c, day);
        return batch.get(CHANGES, id, () -> new CampaignChanges(id, c, day, null, null, null));
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    @Override
    public List<String> collections() {
        return List.of(CAMPAIGNS.name(), ROSTERS.name(), UNITS.name(), SERIES.name(), CHANGES.name());
    }

    @Override
    public void createIndexes(MongoDatabase db) {
        db.getCollection(CAMPAIGNS.name()).createIndex(Indexes.ascending(CampaignDocument.STATUS,
                CampaignDocument.DISTRICT, CampaignDocument.THEME));
        db.getCollection(UNITS.name()).createIndex(Indexes.ascending("unitId", "campaignId"));
        db.getCollection(CHANGES.name()).createIndex(Indexes.ascending("campaignId", "day"));
    }
}
