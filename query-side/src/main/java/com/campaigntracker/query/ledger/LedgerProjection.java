package com.campaigntracker.query.ledger;

import com.campaigntracker.query.ledger.LedgerViews.ActivityChange;
import com.campaigntracker.query.ledger.LedgerViews.ActivityFigures;
import com.campaigntracker.query.projection.Batch;
import com.campaigntracker.query.projection.Docs;
import com.campaigntracker.query.projection.Projection;
import com.campaigntracker.query.projection.ProjectionEvent;
import com.campaigntracker.query.projection.Table;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityCorrected;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityEvent;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRecorded;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRetracted;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.util.List;
import java.util.Map;

/**
 * The activity ledger ({@link ActivityDocument}, and the lists of {@link ActivityListPage}: an activity moved by a
 * correction is listed under its new date as well) and the campaign's audit trail ({@link HistoryPageDocument}).
 * Paging the ledger is a handful of key lookups.
 */
public class LedgerProjection extends Projection {
    public static final Table<ActivityDocument> ACTIVITIES = Table.of("rm_activities", ActivityDocument.class);
    public static final Table<ActivityListPage> PAGES = Table.of("rm_activity_pages", ActivityListPage.class);
    public static final Table<HistoryPageDocument> HISTORY = Table.of("rm_history_pages",
            HistoryPageDocument.class);
    public static final int PAGE = 100;

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Map<String, Class<?>> EVENT_TYPES = new java.util.HashMap<>();

    static {
        for (Class<?> sealed : List.of(CampaignEvent.class, ActivityEvent.class)) {
            for (Class<?> type : sealed.getPermittedSubclasses()) {
                EVENT_TYPES.put(type.getSimpleName(), type);
            }
        }
    }

    /** A history entry's stored payload as the event it was (the document itself for a type no longer known). */
    static Object payload(String type, Document stored) {
        Class<?> eventType = EVENT_TYPES.get(type);
        return eventType == null || stored == null ? stored : JSON.convertValue(stored, eventType);
    }

    /** The list of activities recorded (or corrected) onto one activity date. */
    public static String dateListKey(String campaignId, String date) {
        return Docs.key(campaignId, "d:" + date);
    }

    public static String listKey(String campaignId, String unitId) {
        return unitId == null ? Docs.key(campaignId, "*") : Docs.key(campaignId, "u:" + unitId);
    }

    public LedgerProjection() {
        super(CampaignEvent.class, ActivityEvent.class);
        for (Class<?> type : CampaignEvent.class.getPermittedSubclasses()) {
            on(type.asSubclass(CampaignEvent.class), (c, e, batch) -> batch.want(HISTORY, Docs.key(c.campaignId(), "head")),
                    (c, e, batch) -> appendHistory(batch, c.campaignId(), e));
        }
        onActivity(ActivityRecorded.class, (r, c, batch) -> {
            batch.want(PAGES, Docs.key(listKey(c, null), "head"));
            batch.want(PAGES, Docs.key(listKey(c, r.unitId()), "head"));
            batch.want(PAGES, Docs.key(dateListKey(c, r.date().toString()), "head"));
        }, (r, e, batch, a) -> {
            String c = r.campaignId();
            ActivityFigures figures = ActivityFigures.of(r.figures());
            ActivityChange step = step("RECORDED", e, r.date().toString(), figures, null, null, null);
            batch.put(ACTIVITIES, new ActivityDocument(Docs.key(c, r.activityId()), c, r.activityId(), r.unitId(),
                    r.date().toString(), r.title(), r.category(), r.site(), r.notes(), figures, false, null,
                    e.timestamp().toString(), e.user(), e.timestamp().toString(),
                    a == null ? List.of(step) : a.with(step)));
            if (a == null) {
                appendToList(batch, listKey(c, null), r.activityId());
                appendToList(batch, listKey(c, r.unitId()), r.activityId());
                appendToList(batch, dateListKey(c, r.date().toString()), r.activityId());
            }
        });
        onActivity(ActivityCorrected.class, (x, c, batch) -> {
            if (x.date() != null) {
                batch.want(PAGES, Docs.key(dateListKey(c, x.date().toString()), "head"));
            }
        }, (x, e, batch, a) -> {
            if (a == null) {
                return;
            }
            if (!x.date().toString().equals(a.date())) {
                // moved to another day: listed there too (readers filter by the current date and skip repeats)
                appendToList(batch, dateListKey(x.campaignId(), x.date().toString()), x.activityId());
            }
            ActivityFigures figures = ActivityFigures.of(x.figures());
            batch.put(ACTIVITIES, a.corrected(x.date().toString(), x.title(), x.category(), x.site(), x.notes(),
                    figures, e, step("CORRECTED", e, x.date().toString(), figures,
                            x.previousDate() == null ? null : x.previousDate().toString(),
                            x.previousFigures() == null ? null : ActivityFigures.of(x.previousFigures()),
                            x.reason())));
        });
        onActivity(ActivityRetracted.class, (x, c, batch) -> { }, (x, e, batch, a) -> {
            if (a != null) {
                batch.put(ACTIVITIES, a.retracted(x.reason(), e, step("RETRACTED", e, x.date().toString(),
                        ActivityFigures.of(x.figures()), null, null, x.reason())));
            }
        });
    }

    private static ActivityChange step(String type, ProjectionEvent e, String date, ActivityFigures figures,
                                       String previousDate, ActivityFigures previousFigures, String reason) {
        return new ActivityChange(type, e.timestamp().toString(), e.user(), e.role(), e.sequence(), date, figures,
                previousDate, previousFigures, reason);
    }

    private interface ActivityNeeds<E> {
        void declare(E event, String campaignId, Batch batch);
    }

    /** A change of the activity's ledger document ({@code activity} null when it is not known yet). */
    private interface LedgerChange<E> {
        void apply(E event, ProjectionEvent e, Batch batch, ActivityDocument activity);
    }

    private <E extends ActivityEvent> void onActivity(Class<E> type, ActivityNeeds<E> needs, LedgerChange<E> change) {
        on(type, (a, e, batch) -> {
            batch.want(HISTORY, Docs.key(a.campaignId(), "head"));
            batch.want(ACTIVITIES, Docs.key(a.campaignId(), a.activityId()));
            needs.declare(a, a.campaignId(), batch);
        }, (a, e, batch) -> {
            appendHistory(batch, a.campaignId(), e);
            change.apply(a, e, batch, batch.get(ACTIVITIES, Docs.key(a.campaignId(), a.activityId())));
        });
    }

    /**
     * Appends to a list kept as full pages of {@value #PAGE} plus an open page inside the head document, so an
     * append only ever touches the head (loaded with the batch) and, every {@value #PAGE} appends, a new page.
     */
    private static void appendToList(Batch batch, String list, String activityId) {
        String headId = Docs.key(list, "head");
        ActivityListPage head = batch.get(PAGES, headId, () -> new ActivityListPage(headId, 0, null));
        head.ids().add(activityId);
        if (head.ids().size() == PAGE) {
            batch.put(PAGES, new ActivityListPage(Docs.key(list, Long.toString(head.count() / PAGE)),
                    head.count() + 1, head.ids()));
            head.ids().clear();
        }
        batch.put(PAGES, new ActivityListPage(headId, head.count() + 1, head.ids()));
    }

    /** Appends to the campaign's history, paged as {@link #appendToList}. */
    private static void appendHistory(Batch batch, String c, ProjectionEvent e) {
        String headId = Docs.key(c, "head");
        HistoryPageDocument head = batch.get(HISTORY, headId, () -> new HistoryPageDocument(headId, 0, null));
        Object p = e.payload();
        long n = head.count() + 1;
        head.entries().add(new HistoryPageDocument.Entry(n, p.getClass().getSimpleName(), e.timestamp().toString(),
                e.changeDay().toString(), e.user(), e.role(), e.streamId(), e.sequence(), e.eventId(),
                p instanceof ActivityEvent ae ? ae.activityId() : null,
                p instanceof ActivityEvent ae ? ae.unitId() : unitOf(p),
                new Document(JSON.convertValue(p, Map.class))));
        if (head.entries().size() == PAGE) {
            batch.put(HISTORY, new HistoryPageDocument(Docs.key(c, Long.toString(head.count() / PAGE)), n,
                    head.entries()));
            head.entries().clear();
        }
        batch.put(HISTORY, new HistoryPageDocument(headId, n, head.entries()));
    }

    private static String unitOf(Object p) {
        if (p instanceof com.campaigntracker.shared.campaign.CampaignEvents.UnitEnrolled u) {
            return u.unitId();
        }
        if (p instanceof com.campaigntracker.shared.campaign.CampaignEvents.UnitWithdrawn u) {
            return u.unitId();
        }
        return null;
    }

    @Override
    public List<String> collections() {
        return List.of(ACTIVITIES.name(), PAGES.name(), HISTORY.name());
    }

    @Override
    public void createIndexes(MongoDatabase db) {
        db.getCollection(ACTIVITIES.name()).createIndex(Indexes.ascending("campaignId", "unitId", "date"));
        db.getCollection(ACTIVITIES.name()).createIndex(Indexes.ascending("campaignId", "category", "date"));
    }
}
