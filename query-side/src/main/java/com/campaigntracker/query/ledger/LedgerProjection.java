package com.campaigntracker.query.ledger;

import com.campaigntracker.query.ledger.LedgerViews.ActivityChange;
import com.campaigntracker.query.ledger.LedgerViews.ActivityFigures;
import com.campaigntracker.query.projection.Batch;
import com.campaigntracker.query.projection.Docs;
import com.campaigntracker.query.projection.Projection;
import com.campaigntracker.query.projection.ProjectionEvent;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityCorrected;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityEvent;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRecorded;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRetracted;
import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The activity ledger and the campaign's audit trail.
 * <ul>
 *   <li>{@value #ACTIVITIES} by {@code campaign|activity}: current content and figures, retraction, and the
 *   activity's own history (recorded / corrected / retracted, who and when; bounded by its corrections)</li>
 *   <li>{@value #PAGES}: the order in which activities were recorded, in full pages of {@value #PAGE} ids keyed
 *   {@code campaign|*|n} for the campaign and {@code campaign|u:unit|n} per unit, and a {@code …|head} document
 *   holding the count and the open (last, partial) page; likewise {@code campaign|d:date} per activity date (an
 *   activity moved by a correction is listed under its new date as well). Paging the ledger is a handful of key
 *   lookups.</li>
 *   <li>{@value #HISTORY}: every event of the campaign and its activities in order, in full pages of
 *   {@value #PAGE} entries keyed {@code campaign|n}, and {@code campaign|head} with the count and open page.</li>
 * </ul>
 */
public class LedgerProjection extends Projection {
    public static final String ACTIVITIES = "rm_activities";
    public static final String PAGES = "rm_activity_pages";
    public static final String HISTORY = "rm_history_pages";
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
            change.apply(a, e, batch, batch.get(ACTIVITIES, Docs.key(a.campaignId(), a.activityId()),
                    ActivityDocument.class));
        });
    }

    /**
     * Appends to a list kept as full pages of {@value #PAGE} plus an open page inside the head document, so an
     * append only ever touches the head (loaded with the batch) and, every {@value #PAGE} appends, a new page.
     */
    private static void appendToList(Batch ctx, String list, String activityId) {
        Document head = ctx.getOrCreate(PAGES, Docs.key(list, "head"), () -> new Document("count", 0L)
                .append("open", new ArrayList<String>()));
        long n = Docs.l(head, "count");
        List<String> open = Docs.strings(head, "open");
        open.add(activityId);
        head.put("count", n + 1);
        if (open.size() == PAGE) {
            ctx.changed(PAGES, new Document("_id", Docs.key(list, Long.toString(n / PAGE)))
                    .append("ids", new ArrayList<>(open)));
            open.clear();
        }
        ctx.changed(PAGES, head);
    }

    private static void appendHistory(Batch ctx, String c, ProjectionEvent e) {
        Document head = ctx.getOrCreate(HISTORY, Docs.key(c, "head"), () -> new Document("count", 0L)
                .append("open", new ArrayList<Document>()));
        long n = Docs.l(head, "count");
        Object p = e.payload();
        Document entry = new Document("n", n + 1)
                .append("type", p.getClass().getSimpleName())
                .append("at", e.timestamp().toString())
                .append("day", e.changeDay().toString())
                .append("user", e.user())
                .append("role", e.role())
                .append("streamId", e.streamId())
                .append("sequence", e.sequence())
                .append("eventId", e.eventId())
                .append("activityId", p instanceof ActivityEvent ae ? ae.activityId() : null)
                .append("unitId", p instanceof ActivityEvent ae ? ae.unitId() : unitOf(p))
                .append("payload", new Document(JSON.convertValue(p, Map.class)));
        List<Document> open = Docs.list(head, "open");
        open.add(entry);
        head.put("count", n + 1);
        if (open.size() == PAGE) {
            ctx.changed(HISTORY, new Document("_id", Docs.key(c, Long.toString(n / PAGE)))
                    .append("entries", new ArrayList<>(open)));
            open.clear();
        }
        ctx.changed(HISTORY, head);
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
        return List.of(ACTIVITIES, PAGES, HISTORY);
    }

    @Override
    public void createIndexes(MongoDatabase db) {
        db.getCollection(ACTIVITIES).createIndex(Indexes.ascending("campaignId", "unitId", "date"));
        db.getCollection(ACTIVITIES).createIndex(Indexes.ascending("campaignId", "category", "date"));
    }
}
