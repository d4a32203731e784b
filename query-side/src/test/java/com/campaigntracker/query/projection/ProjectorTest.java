package com.campaigntracker.query.projection;

import com.campaigntracker.query.campaigns.CampaignChanges;
import com.campaigntracker.query.campaigns.CampaignProjection;
import com.campaigntracker.query.campaigns.CampaignUnit;
import com.campaigntracker.query.ledger.LedgerViews.ActivityChange;
import com.campaigntracker.query.campaigns.CampaignDocument;
import com.campaigntracker.query.campaigns.CampaignMeta;
import com.campaigntracker.query.campaigns.CampaignState;
import com.campaigntracker.query.campaigns.Progress;
import com.campaigntracker.query.campaigns.ProgressView;
import com.campaigntracker.query.ledger.LedgerProjection;
import com.campaigntracker.query.units.UnitDocument;
import com.campaigntracker.query.units.UnitProjection;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityCorrected;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRecorded;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRetracted;
import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignLaunched;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitEnrolled;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitWithdrawn;
import com.campaigntracker.shared.campaign.Targets;
import com.campaigntracker.shared.unit.UnitEvents.UnitRegistered;
import com.campaigntracker.shared.unit.UnitType;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The projection logic without Spring or Axon: idempotency, determinism, roll-up, as-of. */
class ProjectorTest {
    private MemoryDocStore store;
    private Projector projector;
    private final Map<String, Long> seqs = new java.util.HashMap<>();

    @BeforeEach
    void setUp() {
        store = new MemoryDocStore();
        projector = projectorOn(store);
    }

    private static Projector projectorOn(DocStore store) {
        return new Projector(store, List.of(new UnitProjection(), new CampaignProjection(), new LedgerProjection()));
    }

    private ProjectionEvent ev(String stream, Object payload, String day, int hour) {
        long seq = seqs.merge(stream, 1L, Long::sum) - 1;
        Instant ts = LocalDateTime.parse(day + "T00:00").plusHours(hour).atZone(Docs.ZONE).toInstant();
        return new ProjectionEvent(payload, stream, seq, ts, "u", "coordinator", stream + "#" + seq);
    }

    private List<ProjectionEvent> scenario() {
        List<ProjectionEvent> e = new ArrayList<>();
        e.add(ev("ctr", new UnitRegistered("ctr", "中心", UnitType.PRACTICE_CENTER, "海淀区", null), "2025-06-01", 9));
        e.add(ev("ins", new UnitRegistered("ins", "所", UnitType.PRACTICE_INSTITUTE, "海淀区", "ctr"), "2025-06-01", 9));
        e.add(ev("st1", new UnitRegistered("st1", "站一", UnitType.PRACTICE_STATION, "海淀区", "ins"), "2025-06-01", 9));
        e.add(ev("st2", new UnitRegistered("st2", "站二", UnitType.PRACTICE_STATION, "海淀区", "ins"), "2025-06-01", 9));
        e.add(ev("c", new CampaignLaunched("c", "百日行动", "志愿服务", "说明", "海淀区",
                EnumSet.of(UnitType.PRACTICE_STATION), LocalDate.parse("2025-07-01"), LocalDate.parse("2025-07-31"),
                new Targets(100L, null, null, null, 3)), "2025-06-30", 9));
        e.add(ev("c", new UnitEnrolled("c", "st1"), "2025-07-01", 9));
        e.add(ev("c", new UnitEnrolled("c", "st2"), "2025-07-01", 10));
        e.add(ev("c", new UnitEnrolled("c", "ins"), "2025-07-01", 11));
        e.add(ev("c~a1", new ActivityRecorded("c", "a1", "st1", LocalDate.parse("2025-07-05"), "t", "宣讲", "s",
                new Figures(10, 40, 8.5, 300), null), "2025-07-05", 18));
        e.add(ev("c~a2", new ActivityRecorded("c", "a2", "st2", LocalDate.parse("2025-07-06"), "t", "宣讲", "s",
                new Figures(5, 10, 2, 30), null), "2025-07-06", 18));
        e.add(ev("c~a3", new ActivityRecorded("c", "a3", "ins", LocalDate.parse("2025-07-06"), "t", "清洁", "s",
                new Figures(1, 2, 0.5, 3), null), "2025-07-06", 19));
        // corrected on 07-10: fewer sessions and moved to 07-04
        e.add(ev("c~a1", new ActivityCorrected("c", "a1", "st1", LocalDate.parse("2025-07-04"), "t", "宣讲", "s",
                new Figures(4, 40, 8.5, 300), null, new Figures(10, 40, 8.5, 300), LocalDate.parse("2025-07-05"),
                "更正"), "2025-07-10", 9));
        e.add(ev("c~a2", new ActivityRetracted("c", "a2", "st2", LocalDate.parse("2025-07-06"),
                new Figures(5, 10, 2, 30), "重复"), "2025-07-11", 9));
        e.add(ev("c", new UnitWithdrawn("c", "st2"), "2025-07-12", 9));
        return e;
    }

    @Test
    void appliesFiguresCorrectionsAndRetractions() {
        projector.apply(scenario());
        CampaignDocument campaign = store.get(CampaignProjection.CAMPAIGNS, "c");
        assertThat(campaign.totals().sessions()).isEqualTo(5); // 4 + 1
        assertThat(campaign.totals().serviceHours()).isEqualTo(9.0);
        assertThat(campaign.totals().activities()).isEqualTo(2);
        assertThat(campaign.enrolledUnits()).isEqualTo(2);
        CampaignUnit st1 = store.get(CampaignProjection.UNITS, "c|st1");
        assertThat(st1.totals().sessions()).isEqualTo(4);
        assertThat(st1.dates()).containsExactly(Map.entry("2025-07-04", 1L));
        assertThat(store.get(CampaignProjection.SERIES, "c").days().keySet())
                .containsExactly("2025-07-04", "2025-07-06");
        assertThat(store.get(LedgerProjection.ACTIVITIES, "c|a1").history()).extracting(ActivityChange::type)
                .containsExactly("RECORDED", "CORRECTED");
        assertThat(store.get(LedgerProjection.HISTORY, "c|head").count()).isEqualTo(10);
        assertThat(store.get(UnitProjection.UNITS, "ins").childIds()).containsExactly("st1", "st2");
    }

    @Test
    void applyingTheSameEventsAgainChangesNothing() {
        List<ProjectionEvent> events = scenario();
        projector.apply(events);
        Map<String, String> once = store.dump();
        projector.apply(events);
        for (ProjectionEvent e : events) {
            projector.apply(List.of(e)); // redelivered one by one, too
        }
        assertThat(store.dump()).isEqualTo(once);
    }

    @Test
    void batchBoundariesDoNotChangeASingleByte() {
        List<ProjectionEvent> events = scenario();
        projector.apply(events);
        Map<String, String> oneBatch = store.dump();

        MemoryDocStore other = new MemoryDocStore();
        Projector p2 = projectorOn(other);
        oneByOne(p2, events);
        assertThat(other.dump()).isEqualTo(oneBatch);
        assertThat(store.bulkWrites).isLessThan(other.bulkWrites); // one bulk write per collection per batch
    }

    @Test
    void twoReplicasTakingTurnsOnACampaignNeverWorkFromStaleDocuments() {
        List<ProjectionEvent> events = scenario();
        projector.apply(events);
        Map<String, String> oneWriter = store.dump();

        MemoryDocStore shared = new MemoryDocStore();
        Projector a = projectorOn(shared);
        Projector b = projectorOn(shared);
        // the segment moves back and forth: each replica keeps its own documents between its batches
        for (int i = 0; i < events.size(); i++) {
            (i % 3 == 2 ? b : a).apply(List.of(events.get(i)));
        }
        assertThat(shared.dump()).isEqualTo(oneWriter);
    }

    @Test
    void aBatchCutShortBetweenItsWritesCountsOnceWhenAppliedAgain() {
        List<ProjectionEvent> events = scenario();
        projector.apply(events);
        Map<String, String> expected = store.dump();

        for (Table<?> failing : List.of(CampaignProjection.CAMPAIGNS, CampaignProjection.UNITS, LedgerProjection.PAGES,
                LedgerProjection.ACTIVITIES, Projector.STREAMS, UnitProjection.UNITS, Projector.JOURNAL)) {
            MemoryDocStore crashed = new MemoryDocStore();
            Projector p = projectorOn(crashed);
            p.apply(events.subList(0, 2));
            crashed.failNextWrite(failing.name());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.apply(events.subList(2, 12)))
                    .as("a write of %s fails", failing.name()).isInstanceOf(IllegalStateException.class);
            // another replica (or the restarted one) takes the same events again, in other batches
            Projector next = projectorOn(crashed);
            next.apply(events.subList(2, 7));
            next.apply(events.subList(7, events.size()));
            assertThat(crashed.dump()).as("after a failed write of %s", failing.name()).isEqualTo(expected);
        }
    }

    @Test
    void aReplayHoldingItsDocumentsWritesEachOncePerWindowAndEqualsTheIncrementalBuild() {
        List<ProjectionEvent> events = scenario();
        oneByOne(projector, events);
        Map<String, String> incremental = store.dump();

        MemoryDocStore held = new MemoryDocStore();
        Projector whole = projectorOn(held);
        whole.hold(1_000);
        whole.reset(); // as the rebuild does: from now on nothing is stored that the replay did not write
        oneByOne(whole, events);
        assertThat(held.dump()).as("nothing written while the window is open").isEmpty();
        assertThat(held.lookups).as("nothing written, so nothing looked up").isZero();
        whole.release();
        assertThat(held.dump()).isEqualTo(incremental);
        assertThat(held.bulkWrites).as("one bulk write per collection").isEqualTo(incremental.size());

        MemoryDocStore windows = new MemoryDocStore();
        Projector small = projectorOn(windows);
        small.hold(6);
        small.reset();
        oneByOne(small, events);
        small.release();
        assertThat(windows.dump()).isEqualTo(incremental);
        assertThat(windows.lookups).as("only documents written by an earlier window").isPositive()
                .isLessThan(store.lookups);
        assertThat(windows.bulkWrites).isGreaterThan(incremental.size()).isLessThan(store.bulkWrites);

        // released: the next batch is written at once
        ProjectionEvent late = ev("c~a7", new ActivityRecorded("c", "a7", "st1", LocalDate.parse("2025-07-20"), "t",
                "宣讲", "s", new Figures(2, 2, 2, 2), null), "2025-07-20", 9);
        small.apply(List.of(late));
        assertThat(windows.get(LedgerProjection.ACTIVITIES, "c|a7")).isNotNull();
    }

    @Test
    void aFullWindowWritesWhatIsNoLongerInUseAndKeepsWhatTheLatestBatchesChange() {
        List<ProjectionEvent> events = new ArrayList<>(scenario());
        events.add(ev("k", new CampaignLaunched("k", "另一个", "志愿服务", "d", "海淀区",
                EnumSet.of(UnitType.PRACTICE_STATION), LocalDate.parse("2025-07-01"), LocalDate.parse("2025-07-31"),
                null), "2025-07-13", 9));
        events.add(ev("k", new UnitEnrolled("k", "st1"), "2025-07-13", 10));
        for (int i = 0; i < 20; i++) {
            events.add(ev("k~b" + i, new ActivityRecorded("k", "b" + i, "st1", LocalDate.parse("2025-07-14"), "t",
                    "宣讲", "s", new Figures(1, 1, 1, 1), null), "2025-07-14", 9));
        }
        oneByOne(projector, events);
        Map<String, String> incremental = store.dump();

        MemoryDocStore held = new MemoryDocStore();
        Projector p = projectorOn(held);
        p.hold(40);
        oneByOne(p, events);
        assertThat(held.get(CampaignProjection.CAMPAIGNS, "c")).as("unused by the latest batches: written").isNotNull();
        CampaignDocument k = held.get(CampaignProjection.CAMPAIGNS, "k");
        assertThat(k == null ? 0 : k.totals().activities()).as("changed by every batch: held, not written since")
                .isLessThan(10);
        p.release();
        assertThat(held.dump()).isEqualTo(incremental);
    }

    @Test
    void aHeldWindowWhoseWriteFailsIsWrittenAgainWithoutCountingTwice() {
        List<ProjectionEvent> events = scenario();
        projector.apply(events);
        Map<String, String> expected = store.dump();

        for (Table<?> failing : List.of(CampaignProjection.CAMPAIGNS, LedgerProjection.ACTIVITIES, Projector.STREAMS)) {
            MemoryDocStore crashed = new MemoryDocStore();
            Projector p = projectorOn(crashed);
            p.hold(4);
            crashed.failNextWrite(failing.name());
            int failures = 0;
            for (ProjectionEvent e : events) {
                try {
                    p.apply(List.of(e));
                } catch (IllegalStateException writeFailed) {
                    failures++;
                    p.apply(List.of(e)); // the processor retries the batch
                }
            }
            p.release();
            assertThat(failures).as("a window write of %s failed", failing.name()).isEqualTo(1);
            assertThat(crashed.dump()).as("after a failed write of %s", failing.name()).isEqualTo(expected);
        }
    }

    @Test
    void dateCountsAreKeptInDateOrderWhateverTheRecordingOrder() {
        List<ProjectionEvent> events = scenario();
        projector.apply(events.subList(0, 9)); // a1 on st1, recorded for 07-05
        projector.apply(List.of(ev("c~a9", new ActivityRecorded("c", "a9", "st1", LocalDate.parse("2025-07-02"), "t",
                "宣讲", "s", new Figures(1, 1, 1, 1), null), "2025-07-07", 9)));

        assertThat((Document) store.get(CampaignProjection.UNITS.name(), "c|st1").get("dates")) // as stored
                .containsExactly(Map.entry("2025-07-02", 1L), Map.entry("2025-07-05", 1L));
    }

    @Test
    void asOfFoldHonoursACorrectionOnlyFromTheDayItWasMade() {
        projector.apply(scenario());
        CampaignMeta meta = store.get(CampaignProjection.CAMPAIGNS, "c").meta();
        CampaignState on0709 = CampaignState.fold(meta, changesUpTo("2025-07-09"), null);
        assertThat(on0709.totals().sessions).isEqualTo(16); // 10 + 5 + 1, correction not yet made
        assertThat(on0709.unit("st1").lastActivityDate("2025-07-09")).isEqualTo("2025-07-05");
        assertThat(on0709.enrolledCount()).isEqualTo(3);
        CampaignState on0710 = CampaignState.fold(meta, changesUpTo("2025-07-10"), null);
        assertThat(on0710.totals().sessions).isEqualTo(10);
        assertThat(on0710.unit("st1").lastActivityDate("2025-07-10")).isEqualTo("2025-07-04");
        CampaignState on0712 = CampaignState.fold(meta, changesUpTo("2025-07-12"), null);
        assertThat(on0712.totals().sessions).isEqualTo(5);
        assertThat(on0712.enrolledCount()).isEqualTo(2);
        assertThat(on0712.days.keySet()).containsExactly("2025-07-04", "2025-07-06");

        // folding everything equals the current documents
        CampaignState current = CampaignState.current(meta,
                store.find(CampaignProjection.UNITS, List.of("c|st1", "c|st2", "c|ins")).values(),
                store.get(CampaignProjection.SERIES, "c"));
        Progress a = ProgressView.progress("c", on0712, units(), LocalDate.parse("2025-07-12"), false, 7, 50);
        Progress b = ProgressView.progress("c", current, units(), LocalDate.parse("2025-07-12"), false, 7, 50);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void institutesRollUpTheirStations() {
        projector.apply(scenario());
        CampaignMeta meta = store.get(CampaignProjection.CAMPAIGNS, "c").meta();
        CampaignState s = CampaignState.fold(meta, changesUpTo("2025-07-09"), null);
        Progress view = ProgressView.progress("c", s, units(), LocalDate.parse("2025-07-09"), true, 7, 50);
        assertThat(view.hierarchy()).hasSize(1);
        Progress.HierarchyNode center = view.hierarchy().get(0);
        assertThat(center.unitId()).isEqualTo("ctr");
        assertThat(center.total().sessions()).isEqualTo(16L);
        Progress.HierarchyNode ins = center.children().get(0);
        assertThat(ins.own().sessions()).isEqualTo(1L);
        assertThat(ins.total().sessions()).isEqualTo(16L);
        assertThat(ins.children()).hasSize(2);
        assertThat(view.asOf()).isEqualTo("2025-07-09");
    }

    @Test
    void aDistrictScopedViewKeepsEveryDistrictsAggregatesButNamesOnlyItsOwnUnits() {
        projector.apply(scenario());
        CampaignMeta meta = store.get(CampaignProjection.CAMPAIGNS, "c").meta();
        CampaignState s = CampaignState.fold(meta, changesUpTo("2025-07-09"), null);
        Map<String, UnitDocument> units = units();
        UnitDocument st2 = units.get("st2");
        units.put("st2", new UnitDocument("st2", st2.name(), st2.type(), "朝阳区", st2.parentId(), st2.childIds(),
                st2.active(), null, st2.registeredAt()));
        LocalDate day = LocalDate.parse("2025-07-09");
        Progress all = ProgressView.progress("c", s, units, day, null, day, 1, 50,
                com.campaigntracker.query.web.ReadScope.UnitScope.ALL);
        Progress haidian = ProgressView.progress("c", s, units, day, null, day, 1, 50,
                new com.campaigntracker.query.web.ReadScope.UnitScope("海淀区"));

        assertThat(haidian.byDistrict()).isEqualTo(all.byDistrict()).extracting(Progress.DistrictRow::district)
                .containsExactly("朝阳区", "海淀区");
        assertThat(haidian.summary()).isEqualTo(all.summary());
        assertThat(haidian.daily()).isEqualTo(all.daily());
        assertThat(all.leaderboard()).extracting(r -> r.unit().unitId()).contains("st2");
        assertThat(all.silentUnits()).extracting(u -> u.unit().unitId()).contains("st2");
        assertThat(haidian.leaderboard()).extracting(r -> r.unit().unitId()).containsExactly("st1", "ins");
        assertThat(haidian.leaderboard()).extracting(Progress.LeaderboardRow::rank).containsExactly(1, 2);
        assertThat(haidian.silentUnits()).extracting(u -> u.unit().unitId()).doesNotContain("st2");
        assertThat(haidian.toString()).doesNotContain("st2", "站二");
        // the 朝阳 station's figures leave the roll-up with it
        assertThat(all.hierarchy().get(0).total().sessions()).isEqualTo(16L);
        assertThat(haidian.hierarchy().get(0).total().sessions()).isEqualTo(11L);
    }

    @Test
    void unitAndCampaignLifecycleEvents() {
        List<ProjectionEvent> e = new ArrayList<>(scenario());
        e.add(ev("st1", new com.campaigntracker.shared.unit.UnitEvents.UnitRenamed("st1", "站一", "石油大院站"),
                "2025-07-13", 9));
        e.add(ev("st2", new com.campaigntracker.shared.unit.UnitEvents.UnitDeactivated("st2", "撤并"),
                "2025-07-13", 9));
        e.add(ev("c", new com.campaigntracker.shared.campaign.CampaignEvents.CampaignRevised("c", "新标题", null,
                new Targets(200L, null, 10.0, null, null)), "2025-07-14", 9));
        e.add(ev("c", new com.campaigntracker.shared.campaign.CampaignEvents.CampaignExtended("c",
                LocalDate.parse("2025-07-31"), LocalDate.parse("2025-08-31")), "2025-07-15", 9));
        e.add(ev("c", new com.campaigntracker.shared.campaign.CampaignEvents.CampaignClosed("c"), "2025-08-31", 9));
        e.add(ev("k", new CampaignLaunched("k", "另一个", "t", "d", null, null, LocalDate.parse("2025-07-01"),
                LocalDate.parse("2025-07-02"), null), "2025-06-30", 9));
        e.add(ev("k", new com.campaigntracker.shared.campaign.CampaignEvents.CampaignCancelled("k", "天气"),
                "2025-07-01", 9));
        projector.apply(e);

        UnitDocument st1 = store.get(UnitProjection.UNITS, "st1");
        assertThat(st1.name()).isEqualTo("石油大院站");
        assertThat(st1.active()).isTrue();
        UnitDocument st2 = store.get(UnitProjection.UNITS, "st2");
        assertThat(st2.active()).isFalse();
        assertThat(st2.deactivationReason()).isEqualTo("撤并");
        assertThat(st2.parentId()).isEqualTo("ins");

        CampaignDocument c = store.get(CampaignProjection.CAMPAIGNS, "c");
        assertThat(c.title()).isEqualTo("新标题");
        assertThat(c.description()).isEqualTo("说明"); // null in a revision keeps the old value
        assertThat(c.targets().sessions()).isEqualTo(200L);
        assertThat(c.targets().enrolledUnits()).isNull();
        assertThat(c.endDate()).isEqualTo("2025-08-31");
        assertThat(c.status()).isEqualTo("CLOSED");
        assertThat(c.lastChangeDay()).isEqualTo("2025-08-31");
        // the description as of each day travels with the change documents
        CampaignChanges on0714 = store.get(CampaignProjection.CHANGES, "c|2025-07-14");
        assertThat(on0714.campaign().endDate()).isEqualTo("2025-07-31");
        assertThat(on0714.campaign().title()).isEqualTo("新标题");
        CampaignDocument k = store.get(CampaignProjection.CAMPAIGNS, "k");
        assertThat(k.status()).isEqualTo("CANCELLED");
        assertThat(k.cancelReason()).isEqualTo("天气");
        assertThat(store.get(LedgerProjection.HISTORY, "c|head").count()).isEqualTo(13);
        assertThat(store.get(LedgerProjection.HISTORY, "c|head").entries().get(12).type())
                .isEqualTo("CampaignClosed");
    }

    /** Each event as a batch of its own. */
    private static void oneByOne(Projector projector, List<ProjectionEvent> events) {
        events.forEach(e -> projector.apply(List.of(e)));
    }

    private List<CampaignChanges> changesUpTo(String day) {
        List<CampaignChanges> out = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2025-06-30"); !d.isAfter(LocalDate.parse(day)); d = d.plusDays(1)) {
            CampaignChanges ch = store.get(CampaignProjection.CHANGES, "c|" + d);
            if (ch != null) {
                out.add(ch);
            }
        }
        return out;
    }

    private Map<String, UnitDocument> units() {
        Map<String, UnitDocument> units = new java.util.HashMap<>();
        units.putAll(store.find(UnitProjection.UNITS, List.of("ctr", "ins", "st1", "st2")));
        return units;
    }
}
