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
import java.util.function.Consumer;

/** 活动台账 (the activities behind every figure) and 审计记录 (every event of a campaign, who and when). */
@RestController
@RequestMapping("/api/campaigns/{id}")
public class LedgerController {
    /** At most this many activities are examined for one filtered page; beyond, the answer says truncated. */
    static final int MAX_SCAN = 20_000;
    /** Date ranges up to this many days are served from the per-day lists. */
    static final int MAX_DAYS = 92;
    /**
     * The exports walk the ledger this many entries at a time (ten list pages, their documents in one query): a
     * 100,000-row export makes 200 round trips to the store instead of 2,000.
     */
    static final int EXPORT_WINDOW = 10 * LedgerProjection.PAGE;

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
        LedgerFilter f = LedgerFilter.of(unitId, from, to, category, includeRetracted);
        int p = Params.range("page", page, 0, 0, 1_000_000);
        int s = Params.range("size", size, 20, 1, 200);
        Visible visible = checked(id, f);
        String list = LedgerProjection.listKey(id, f.unitId());
        long count = count(list);
        // rows of units in other districts are left out: the campaign's list is walked like a filter
        boolean filtered = f.from() != null || f.to() != null || f.category() != null || !f.withRetracted()
                || (f.unitId() == null && !visible.scope.all());

        List<ActivityView> items = new ArrayList<>();
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
            return new ActivityPage(id, f.unitId(), p, s, count, end < count, false, items);
        }
        long skip = (long) p * s;
        long[] matched = {0};
        boolean[] hasMore = {false};
        boolean complete = walk(id, f, list, count, visible, MAX_SCAN, LedgerProjection.PAGE, d -> {
            matched[0]++;
            if (matched[0] > skip && items.size() < s) {
                items.add(item(d));
            } else if (items.size() >= s && matched[0] > skip + s) {
                hasMore[0] = true;
            }
        });
        return new ActivityPage(id, f.unitId(), p, s, complete ? matched[0] : null, hasMore[0], !complete, items);
    }

    /**
     * Every activity {@code f} and the reader's scope let through, in ledger order and without a page limit (the
     * exports). The campaign and the unit filter are checked now, before anything is written; the rows are read
     * a page at a time while they are consumed.
     */
    public Consumer<Consumer<ActivityView>> rows(String id, LedgerFilter f) {
        Params.id("id", id);
        Visible visible = checked(id, f);
        String list = LedgerProjection.listKey(id, f.unitId());
        return sink -> walk(id, f, list, count(list), visible, Long.MAX_VALUE, EXPORT_WINDOW,
                d -> sink.accept(item(d)));
    }

    /** The campaign exists and the reader may see the filter's unit; the reader's visible units. */
    private Visible checked(String id, LedgerFilter f) {
        campaigns.campaign(id);
        Visible visible = new Visible(units.readScope());
        if (f.unitId() != null) {
            visible.scope.require(f.unitId(), units.districtOf(f.unitId()));
        }
        return visible;
    }

    private long count(String list) {
        ActivityListPage head = store.get(LedgerProjection.PAGES, Docs.key(list, "head"));
        return head == null ? 0 : head.count();
    }

    /**
     * Walks the activities matching {@code f} that the reader sees, in key order, examining at most {@code maxScan};
     * false when cut short. Walks the smallest key-ordered list that covers the filter: the days' lists for a short
     * date range (unless the unit's own list is shorter), else the unit's or the campaign's list ({@code list},
     * {@code count} entries), {@code window} entries (a multiple of the list page) per read.
     */
    private boolean walk(String id, LedgerFilter f, String list, long count, Visible visible, long maxScan,
                         int window, Consumer<ActivityDocument> matched) {
        List<String> lists = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        if (f.from() != null && f.to() != null && ChronoUnit.DAYS.between(f.from(), f.to()) < MAX_DAYS) {
            List<String> heads = new ArrayList<>();
            for (LocalDate d = f.from(); !d.isAfter(f.to()); d = d.plusDays(1)) {
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
            if (f.unitId() != null && count < sum) {
                lists = new ArrayList<>(List.of(list));
                counts = new ArrayList<>(List.of(count));
            }
        } else {
            lists.add(list);
            counts.add(count);
        }
        long scanned = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int li = 0; li < lists.size(); li++) {
            long n = counts.get(li);
            for (long from = 0; from < n; from += window) {
                if (scanned >= maxScan) {
                    return false;
                }
                List<String> ids = ids(lists.get(li), from, Math.min(n, from + window));
                scanned += ids.size();
                Map<String, ActivityDocument> docs = activities(id, ids);
                visible.load(docs.values().stream().map(ActivityDocument::unitId).toList());
                for (String a : ids) {
                    ActivityDocument d = docs.get(Docs.key(id, a));
                    if (d != null && seen.add(a) && f.matches(d) && visible.unit(d.unitId())) {
                        matched.accept(d);
                    }
                }
            }
        }
        return true;
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

    /** The activities' documents by key, in one query (a walk reads at most one window of keys at a time). */
    private Map<String, ActivityDocument> activities(String campaignId, List<String> activityIds) {
        return store.find(LedgerProjection.ACTIVITIES, activityIds.stream().map(a -> Docs.key(campaignId, a)).toList(),
                Math.max(1, activityIds.size()));
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
                                       @RequestParam(required = false) String order,
                                       @io.swagger.v3.oas.annotations.Parameter(description =
                                               "游标:只要序号 n 小于它的事件(最新的在前);首页省略,下一页用上页的 nextBefore")
                                       @RequestParam(required = false) Long before,
                                       @io.swagger.v3.oas.annotations.Parameter(description = "只看这个单位的事件")
                                       @RequestParam(required = false) String unitId,
                                       @io.swagger.v3.oas.annotations.Parameter(description =
                                               "事件类型,逗号分隔,如 ActivityCorrected,ActivityRetracted")
                                       @RequestParam(required = false) String type,
                                       @io.swagger.v3.oas.annotations.Parameter(description = "操作人(账号名)")
                                       @RequestParam(required = false) String user,
                                       @io.swagger.v3.oas.annotations.Parameter(description = "记录日期起 YYYY-MM-DD")
                                       @RequestParam(required = false) String from,
                                       @io.swagger.v3.oas.annotations.Parameter(description = "记录日期止 YYYY-MM-DD")
                                       @RequestParam(required = false) String to) {
        Params.id("id", id);
        int p = Params.range("page", page, 0, 0, 1_000_000);
        int s = Params.range("size", size, 50, 1, 500);
        String o = Params.blankToNull(order);
        if (o != null && !o.equals("oldest") && !o.equals("newest")) {
            throw ApiException.badRequest("参数 order 无效: 须为 oldest 或 newest");
        }
        HistoryFilter filter = HistoryFilter.of(unitId, type, user, from, to);
        if (before != null && before < 1) {
            throw ApiException.badRequest("游标 before 须为正整数");
        }
        campaigns.campaign(id);
        Visible visible = new Visible(units.readScope());
        if (filter.unitId() != null) {
            visible.scope.require(filter.unitId(), units.districtOf(filter.unitId()));
        }
        HistoryPageDocument head = store.get(LedgerProjection.HISTORY, Docs.key(id, "head"));
        long count = head == null ? 0 : head.count();
        if (before != null || !filter.empty()) {
            return newestByCursor(id, head, count, before, s, filter, visible);
        }
        if ("newest".equals(o)) {
            return newestFirst(id, head, count, p, s, visible);
        }
        if (!visible.scope.all()) {
            return scopedHistory(id, head, count, p, s, visible);
        }
        long first = (long) p * s;
        long last = Math.min(count, first + s);
        List<HistoryItem> items = new ArrayList<>();
        for (Entry e : historyEntries(id, head, first, last)) {
            long n = e.n() - 1;
            if (n >= first && n < last) {
                items.add(historyItem(e));
            }
        }
        return new HistoryPage(id, count, p, s, last < count, items, null);
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
        HistoryWindow window = new HistoryWindow((long) p * s, s);
        long scanTo = Math.min(count, MAX_SCAN);
        walkHistory(id, head, scanTo, visible, window);
        return new HistoryPage(id, window.matched, p, s, window.hasMore || scanTo < count, window.items, null);
    }

    /**
     * Every history entry the reader sees, in order and without a page limit (the exports); the campaign is
     * checked now, the entries are read a page at a time while they are consumed.
     */
    public Consumer<Consumer<HistoryItem>> historyRows(String id) {
        Params.id("id", id);
        campaigns.campaign(id);
        Visible visible = new Visible(units.readScope());
        return sink -> {
            HistoryPageDocument head = store.get(LedgerProjection.HISTORY, Docs.key(id, "head"));
            walkHistory(id, head, head == null ? 0 : head.count(), visible, sink);
        };
    }

    /** The entries at positions [0, scanTo) that the reader sees, walked page by page. */
    private void walkHistory(String id, HistoryPageDocument head, long scanTo, Visible visible,
                             Consumer<HistoryItem> sink) {
        for (long start = 0; start < scanTo; start += LedgerProjection.PAGE) {
            long end = Math.min(scanTo, start + LedgerProjection.PAGE);
            visibleItems(historyEntries(id, head, start, end), start, end, visible, sink);
        }
    }

    /**
     * The history newest first: page 0 holds the latest entries. Walked page by page from the end; a scoped reader's
     * walk (entries of other districts' units left out) covers at most the latest {@link #MAX_SCAN} entries.
     */
    private HistoryPage newestFirst(String id, HistoryPageDocument head, long count, int p, int s, Visible visible) {
        HistoryWindow window = new HistoryWindow((long) p * s, s);
        long floor = visible.scope.all() ? Math.max(0, count - window.skip - s - 1) : Math.max(0, count - MAX_SCAN);
        long end = count;
        // a scoped reader's total counts every visible entry walked, so its walk does not stop at the page
        while (end > floor && !(window.hasMore && visible.scope.all())) {
            long start = Math.max(floor, (end - 1) / LedgerProjection.PAGE * LedgerProjection.PAGE);
            List<Entry> entries = new ArrayList<>(historyEntries(id, head, start, end));
            entries.sort(java.util.Comparator.comparingLong(Entry::n).reversed());
            visibleItems(entries, start, end, visible, window);
            end = start;
        }
        long total = visible.scope.all() ? count : window.matched;
        boolean more = window.hasMore || (!visible.scope.all() && floor > 0);
        // newest first, the next page may also be asked by cursor: below the last entry of this one
        Long next = more && !window.items.isEmpty() ? window.items.get(window.items.size() - 1).n() : null;
        return new HistoryPage(id, total, p, s, more, window.items, next);
    }

    /**
     * The filtered history newest first, from a cursor: the entries with {@code n < before} (all without it) that
     * match and that the reader sees, at most {@code size}. Reads the history pages backwards from the cursor, so a
     * page costs what it scans, never an offset over everything; one request scans at most {@link #MAX_SCAN}
     * entries and then answers what it found with {@code nextBefore} where it stopped. A date range stops the walk
     * at the first entry recorded before it. {@code total} is the campaign's whole history count.
     */
    private HistoryPage newestByCursor(String id, HistoryPageDocument head, long count, Long before, int size,
                                       HistoryFilter filter, Visible visible) {
        long end = before == null ? count : Math.min(count, before - 1);
        long floor = Math.max(0, end - MAX_SCAN);
        List<HistoryItem> items = new ArrayList<>();
        Long next = null;
        boolean done = false;
        while (end > floor && !done) {
            long start = Math.max(floor, (end - 1) / LedgerProjection.PAGE * LedgerProjection.PAGE);
            long stop = end;
            List<Entry> entries = new ArrayList<>(historyEntries(id, head, start, stop));
            entries.removeIf(e -> e.n() - 1 < start || e.n() - 1 >= stop);
            entries.sort(java.util.Comparator.comparingLong(Entry::n).reversed());
            visible.load(entries.stream().map(Entry::unitId).toList());
            for (Entry e : entries) {
                if (filter.before(e)) {
                    done = true;
                    break;
                }
                if (filter.matches(e) && (e.unitId() == null || visible.unit(e.unitId()))) {
                    if (items.size() == size) {
                        next = items.get(items.size() - 1).n();
                        done = true;
                        break;
                    }
                    items.add(historyItem(e));
                }
            }
            end = start;
        }
        if (!done && end > 0) {
            next = end + 1; // the scan limit: carry on below the last entry scanned
        }
        return new HistoryPage(id, count, 0, size, next != null, items, next);
    }

    /** The entries at positions [start, end) the reader sees, in the order given. */
    private static void visibleItems(List<Entry> entries, long start, long end, Visible visible,
                                     Consumer<HistoryItem> sink) {
        visible.load(entries.stream().map(Entry::unitId).toList());
        for (Entry e : entries) {
            long n = e.n() - 1;
            String u = e.unitId();
            if (n >= start && n < end && (u == null || visible.unit(u))) {
                sink.accept(historyItem(e));
            }
        }
    }

    /** One page of history items: the visible ones after {@code skip}, in the order they come. */
    private static final class HistoryWindow implements Consumer<HistoryItem> {
        final long skip;
        final int size;
        final List<HistoryItem> items = new ArrayList<>();
        long matched;
        boolean hasMore;

        HistoryWindow(long skip, int size) {
            this.skip = skip;
            this.size = size;
        }

        @Override
        public void accept(HistoryItem item) {
            matched++;
            if (matched > skip && items.size() < size) {
                items.add(item);
            } else if (matched > skip + size) {
                hasMore = true;
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
