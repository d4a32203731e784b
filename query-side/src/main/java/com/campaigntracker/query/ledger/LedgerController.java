package com.campaigntracker.query.ledger;

import com.campaigntracker.eventstore.TrackerMongo;
import com.campaigntracker.query.campaigns.CampaignRepository;
import com.campaigntracker.query.projection.Docs;
import com.campaigntracker.query.projection.MongoDocStore;
import com.campaigntracker.query.web.ApiException;
import com.campaigntracker.query.web.Params;
import com.campaigntracker.query.web.ReadScope;
import com.campaigntracker.query.units.UnitDocument;
import com.campaigntracker.query.units.UnitRepository;
import com.campaigntracker.query.ledger.LedgerViews.ActivityPage;
import com.campaigntracker.query.ledger.LedgerViews.ActivityView;
import com.campaigntracker.query.ledger.LedgerViews.HistoryItem;
import com.campaigntracker.query.ledger.LedgerViews.HistoryPage;
import com.campaigntracker.query.ledger.HistoryPageDocument.Entry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** 活动台账 (the activities behind every figure) and 审计记录 (every event of a campaign, who and when). */
@RestController
@RequestMapping("/api/campaigns/{id}")
public class LedgerController {
    /** At most this many activities are examined for one filtered page; beyond, the answer says truncated. */
    static final int MAX_SCAN = 20_000;
    /** Date ranges up to this many days are served from the per-day lists. */
    static final int MAX_DAYS = 92;

    private final MongoDocStore store;
    private final CampaignRepository campaigns;
    private final UnitRepository units;

    public LedgerController(TrackerMongo mongo, CampaignRepository campaigns, UnitRepository units) {
        this.store = new MongoDocStore(mongo.database());
        this.campaigns = campaigns;
        this.units = units;
    }

    @GetMapping("/activities")
    public ActivityPage activities(@PathVariable String id,
                                          @RequestParam(required = false) String unitId,
                                          @RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to,
                                          @RequestParam(required = false) String category,
                                          @RequestParam(required = false) Boolean includeRetracted,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        Params.id("id", id);
        String unit = Params.optionalId("unitId", unitId);
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw ApiException.badRequest("参数 to 早于 from");
        }
        String cat = Params.blankToNull(category);
        boolean withRetracted = includeRetracted == null || includeRetracted;
        int p = Params.range("page", page, 0, 0, 1_000_000);
        int s = Params.range("size", size, 20, 1, 200);
        campaigns.campaign(id);
        Visible visible = new Visible(units.readScope());
        if (unit != null) {
            visible.scope.require(unit, units.districtOf(unit));
        }

        String list = LedgerProjection.listKey(id, unit);
        ActivityListPage head = store.get(LedgerProjection.PAGES, Docs.key(list, "head"));
        long count = head == null ? 0 : head.count();
        // rows of units in other districts are left out: the campaign's list is walked like a filter
        boolean filtered = fromDate != null || toDate != null || cat != null || !withRetracted
                || (unit == null && !visible.scope.all());

        List<ActivityView> items = new ArrayList<>();
        Long total;
        boolean hasMore;
        boolean truncated = false;
        if (!filtered) {
            long offset = (long) p * s;
            long end = Math.min(count, offset + s);
            List<String> ids = ids(list, offset, end);
            Map<String, ActivityDocument> docs = activities(id, ids);
            for (String a : ids) {
                ActivityDocument d = docs.get(Docs.key(id, a));
                if (d != null) {
                    items.add(item(d));
                }
            }
            total = count;
            hasMore = end < count;
        } else {
            // walk the smallest key-ordered list that covers the filter: the days' lists for a short date range
            // (unless the unit's own list is shorter), else the unit's or the campaign's list
            List<String> lists = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            if (fromDate != null && toDate != null && ChronoUnit.DAYS.between(fromDate, toDate) < MAX_DAYS) {
                List<String> heads = new ArrayList<>();
                for (LocalDate d = fromDate; !d.isAfter(toDate); d = d.plusDays(1)) {
                    heads.add(Docs.key(LedgerProjection.dateListKey(id, d.toString()), "head"));
                }
                Map<String, ActivityListPage> found = store.find(LedgerProjection.PAGES, heads);
                long sum = 0;
                for (String h : heads) {
                    ActivityListPage hd = found.get(h);
                    if (hd != null) {
                        lists.add(h.substring(0, h.length() - "|head".length()));
                        counts.add(hd.count());
                        sum += hd.count();
                    }
                }
                if (unit != null && count < sum) {
                    lists = new ArrayList<>(List.of(list));
                    counts = new ArrayList<>(List.of(count));
                }
            } else {
                lists.add(list);
                counts.add(count);
            }
            long skip = (long) p * s;
            long matched = 0;
            long scanned = 0;
            hasMore = false;
            java.util.Set<String> seen = new java.util.HashSet<>();
            scan:
            for (int li = 0; li < lists.size(); li++) {
                long n = counts.get(li);
                for (long pageNo = 0; pageNo * LedgerProjection.PAGE < n; pageNo++) {
                    if (scanned >= MAX_SCAN) {
                        truncated = true;
                        break scan;
                    }
                    List<String> ids = ids(lists.get(li), pageNo * LedgerProjection.PAGE,
                            Math.min(n, (pageNo + 1) * LedgerProjection.PAGE));
                    scanned += ids.size();
                    Map<String, ActivityDocument> docs = activities(id, ids);
                    visible.load(docs.values().stream().map(ActivityDocument::unitId).toList());
                    for (String a : ids) {
                        ActivityDocument d = docs.get(Docs.key(id, a));
                        if (d == null || !seen.add(a) || !matches(d, unit, fromDate, toDate, cat, withRetracted)
                                || !visible.unit(d.unitId())) {
                            continue;
                        }
                        matched++;
                        if (matched > skip && items.size() < s) {
                            items.add(item(d));
                        } else if (items.size() >= s && matched > skip + s) {
                            hasMore = true;
                        }
                    }
                }
            }
            total = truncated ? null : matched;
        }
        return new ActivityPage(id, unit, p, s, total, hasMore, truncated, items);
    }

    private List<String> ids(String list, long from, long to) {
        String headId = Docs.key(list, "head");
        List<String> pageIds = new ArrayList<>();
        pageIds.add(headId);
        for (long n = from / LedgerProjection.PAGE; n * LedgerProjection.PAGE < to; n++) {
            pageIds.add(Docs.key(list, Long.toString(n)));
        }
        Map<String, ActivityListPage> pages = store.find(LedgerProjection.PAGES, pageIds);
        ActivityListPage head = pages.get(headId);
        long openBase = head == null ? 0 : head.count() - head.ids().size();
        List<String> out = new ArrayList<>();
        for (long n = from / LedgerProjection.PAGE; n * LedgerProjection.PAGE < to; n++) {
            long base = n * LedgerProjection.PAGE;
            List<String> ids;
            if (base >= openBase) {
                ids = head == null ? List.of() : head.ids();
            } else {
                ActivityListPage pg = pages.get(Docs.key(list, Long.toString(n)));
                ids = pg == null ? List.of() : pg.ids();
            }
            for (int i = 0; i < ids.size(); i++) {
                if (base + i >= from && base + i < to) {
                    out.add(ids.get(i));
                }
            }
        }
        return out;
    }

    private Map<String, ActivityDocument> activities(String campaignId, List<String> activityIds) {
        return store.find(LedgerProjection.ACTIVITIES, activityIds.stream().map(a -> Docs.key(campaignId, a)).toList());
    }

    private static boolean matches(ActivityDocument d, String unit, LocalDate from, LocalDate to, String category,
                                   boolean withRetracted) {
        if (unit != null && !unit.equals(d.unitId())) {
            return false;
        }
        LocalDate date = LocalDate.parse(d.date());
        if (from != null && date.isBefore(from)) {
            return false;
        }
        if (to != null && date.isAfter(to)) {
            return false;
        }
        if (category != null && !category.equals(d.category())) {
            return false;
        }
        return withRetracted || !d.isRetracted();
    }

    private static ActivityView item(ActivityDocument d) {
        return new ActivityView(d.activityId(), d.unitId(), d.date(), d.title(), d.category(), d.site(), d.notes(),
                d.figures(), d.isRetracted(), d.retractionReason(), d.recordedAt(), d.recordedBy(), d.updatedAt(),
                d.history().stream().filter(h -> "CORRECTED".equals(h.type())).count(), d.history());
    }

    @GetMapping("/history")
    public HistoryPage history(@PathVariable String id,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size,
                                       @io.swagger.v3.oas.annotations.Parameter(description =
                                               "oldest(默认):最早的在前;newest:最新的在前(第 0 页是最新的事件)")
                                       @RequestParam(required = false) String order) {
        Params.id("id", id);
        int p = Params.range("page", page, 0, 0, 1_000_000);
        int s = Params.range("size", size, 50, 1, 500);
        String o = Params.blankToNull(order);
        if (o != null && !o.equals("oldest") && !o.equals("newest")) {
            throw ApiException.badRequest("参数 order 无效: 须为 oldest 或 newest");
        }
        campaigns.campaign(id);
        Visible visible = new Visible(units.readScope());
        HistoryPageDocument head = store.get(LedgerProjection.HISTORY, Docs.key(id, "head"));
        long count = head == null ? 0 : head.count();
        if ("newest".equals(o)) {
            return newestFirst(id, head, count, p, s, visible);
        }
        if (!visible.scope.all()) {
            return scopedHistory(id, head, count, p, s, visible);
        }
        long from = (long) p * s;
        long to = Math.min(count, from + s);
        List<HistoryItem> items = new ArrayList<>();
        for (Entry e : historyEntries(id, head, from, to)) {
            long n = e.n() - 1;
            if (n >= from && n < to) {
                items.add(historyItem(e));
            }
        }
        return new HistoryPage(id, count, p, s, to < count, items);
    }

    /** The entries of the history pages covering positions [from, to), in order (may include a few outside). */
    private List<Entry> historyEntries(String id, HistoryPageDocument head, long from, long to) {
        List<String> pageIds = new ArrayList<>();
        for (long n = from / LedgerProjection.PAGE; n * LedgerProjection.PAGE < to; n++) {
            pageIds.add(Docs.key(id, Long.toString(n)));
        }
        Map<String, HistoryPageDocument> pages = store.find(LedgerProjection.HISTORY, pageIds);
        List<Entry> out = new ArrayList<>();
        for (String pid : pageIds) {
            HistoryPageDocument pg = pages.get(pid);
            if (pg != null) {
                out.addAll(pg.entries());
            }
        }
        if (head != null) {
            out.addAll(head.entries());
        }
        return out;
    }

    /**
     * The history as a reader scoped to a district sees it: entries about units of other districts are left out,
     * campaign-level entries (no unit) stay. Walked page by page from the start, at most {@link #MAX_SCAN}
     * entries; {@code total} counts the visible entries walked.
     */
    private HistoryPage scopedHistory(String id, HistoryPageDocument head, long count, int p, int s, Visible visible) {
        HistoryWindow window = new HistoryWindow((long) p * s, s, visible);
        long scanTo = Math.min(count, MAX_SCAN);
        for (long start = 0; start < scanTo; start += LedgerProjection.PAGE) {
            long end = Math.min(scanTo, start + LedgerProjection.PAGE);
            window.offer(historyEntries(id, head, start, end), start, end);
        }
        return new HistoryPage(id, window.matched, p, s, window.hasMore || scanTo < count, window.items);
    }

    /**
     * The history newest first: page 0 holds the latest entries. Walked page by page from the end; a scoped reader's
     * walk (entries of other districts' units left out) covers at most the latest {@link #MAX_SCAN} entries.
     */
    private HistoryPage newestFirst(String id, HistoryPageDocument head, long count, int p, int s, Visible visible) {
        HistoryWindow window = new HistoryWindow((long) p * s, s, visible);
        long floor = visible.scope.all() ? Math.max(0, count - window.skip - s - 1) : Math.max(0, count - MAX_SCAN);
        long end = count;
        // a scoped reader's total counts every visible entry walked, so its walk does not stop at the page
        while (end > floor && !(window.hasMore && visible.scope.all())) {
            long start = Math.max(floor, (end - 1) / LedgerProjection.PAGE * LedgerProjection.PAGE);
            List<Entry> entries = new ArrayList<>(historyEntries(id, head, start, end));
            entries.sort(java.util.Comparator.comparingLong(Entry::n).reversed());
            window.offer(entries, start, end);
            end = start;
        }
        long total = visible.scope.all() ? count : window.matched;
        return new HistoryPage(id, total, p, s, window.hasMore || (!visible.scope.all() && floor > 0), window.items);
    }

    /** One page of history items gathered from windows of entries: the visible ones after {@code skip}, in order. */
    private static final class HistoryWindow {
        final long skip;
        final int size;
        final Visible visible;
        final List<HistoryItem> items = new ArrayList<>();
        long matched;
        boolean hasMore;

        HistoryWindow(long skip, int size, Visible visible) {
            this.skip = skip;
            this.size = size;
            this.visible = visible;
        }

        /** Takes the entries at positions [start, end) the reader sees, in the order given. */
        void offer(List<Entry> entries, long start, long end) {
            visible.load(entries.stream().map(Entry::unitId).toList());
            for (Entry e : entries) {
                long n = e.n() - 1;
                String u = e.unitId();
                if (n < start || n >= end || (u != null && !visible.unit(u))) {
                    continue;
                }
                matched++;
                if (matched > skip && items.size() < size) {
                    items.add(historyItem(e));
                } else if (matched > skip + size) {
                    hasMore = true;
                }
            }
        }
    }

    /** Which units' rows the reader sees; unit districts are looked up once per request, a page at a time. */
    private final class Visible {
        final ReadScope.UnitScope scope;
        private final Map<String, String> districts = new java.util.HashMap<>();

        Visible(ReadScope.UnitScope scope) {
            this.scope = scope;
        }

        void load(List<String> unitIds) {
            if (scope.all()) {
                return;
            }
            List<String> missing = unitIds.stream().filter(u -> u != null && !districts.containsKey(u)).distinct()
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            Map<String, UnitDocument> found = units.find(missing);
            missing.forEach(u -> districts.put(u, found.get(u) == null ? null : found.get(u).district()));
        }

        boolean unit(String unitId) {
            return scope.all() || scope.sees(districts.get(unitId));
        }
    }

    private static HistoryItem historyItem(Entry e) {
        return new HistoryItem(e.n(), e.type(), e.at(), e.day(), e.user(), e.role(), e.streamId(), e.sequence(),
                e.eventId(), e.activityId(), e.unitId(), LedgerProjection.payload(e.type(), e.payload()));
    }
}
