package com.campaigntracker.query.service;

import com.campaigntracker.query.projection.Docs;
import com.campaigntracker.query.projection.MemoryDocStore;
import com.campaigntracker.query.projection.ProjectionEvent;
import com.campaigntracker.query.projection.Projector;
import com.campaigntracker.query.service.ServiceOrderDocument.TimelineStep;
import com.campaigntracker.security.ServiceOrderProperties;
import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.service.CompletionReport;
import com.campaigntracker.shared.service.OrderState;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderAccepted;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderApproved;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderCancelled;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderCompleted;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderDeclined;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderDispatched;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderPlaced;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderRated;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderRejected;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectPublished;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectRevised;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectWithdrawn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The 服务菜单 and order documents from their events, without Spring or Axon: steps, timeline, idempotency. */
class ServiceProjectionTest {
    private MemoryDocStore store;
    private Projector projector;
    private final Map<String, Long> seqs = new HashMap<>();

    @BeforeEach
    void setUp() {
        store = new MemoryDocStore();
        projector = new Projector(store, List.of(new ServiceProjection()));
    }

    private ProjectionEvent ev(String stream, Object payload, String day, int hour, String user, String unit) {
        long seq = seqs.merge(stream, 1L, Long::sum) - 1;
        Instant ts = LocalDateTime.parse(day + "T00:00").plusHours(hour).atZone(Docs.ZONE).toInstant();
        return new ProjectionEvent(payload, stream, seq, ts, user, unit == null ? "COORDINATOR" : "UNIT",
                stream + "#" + seq, unit);
    }

    private static ServiceOrderPlaced placed(String id, String project, String category) {
        return new ServiceOrderPlaced(id, project, project == null ? null : "科技助老", category, "st1", "海淀区",
                List.of("ins", "ctr"), project == null ? null : "team", "camp", LocalDate.parse("2025-07-10"), null,
                "石油大院", 30, "王老师 13800000000", "带老人学用智能手机");
    }

    private List<ProjectionEvent> wholeLoop() {
        List<ProjectionEvent> e = new ArrayList<>();
        e.add(ev("p1", new ServiceProjectPublished("p1", "科技助老", "助老助残", "智能手机教学", "team", "海淀区",
                List.of("海淀区", "西城区"), 4, "camp"), "2025-07-01", 9, "team-account", "team"));
        e.add(ev("o1", placed("o1", "p1", "助老助残"), "2025-07-02", 9, "st1-account", "st1"));
        e.add(ev("o1", new ServiceOrderApproved("o1"), "2025-07-02", 15, "ins-account", "ins"));
        e.add(ev("o1", new ServiceOrderDispatched("o1", "team2", "海淀区"), "2025-07-03", 9, "ins-account", "ins"));
        e.add(ev("o1", new ServiceOrderDeclined("o1", "team2", "人手不足"), "2025-07-03", 12, "t2", "team2"));
        e.add(ev("o1", new ServiceOrderDispatched("o1", "team", "海淀区"), "2025-07-04", 9, "ins-account", "ins"));
        e.add(ev("o1", new ServiceOrderAccepted("o1", "team"), "2025-07-04", 10, "team-account", "team"));
        e.add(ev("o1", new ServiceOrderCompleted("o1", "team", "st1", "助老助残", "camp",
                new CompletionReport(LocalDate.parse("2025-07-10"), new Figures(2, 8, 6.5, 30), "教会 30 位老人")),
                "2025-07-10", 18, "team-account", "team"));
        e.add(ev("o1", new ServiceOrderRated("o1", "team", "助老助残", 5, "很耐心"), "2025-07-11", 9, "st1-account",
                "st1"));
        return e;
    }

    @Test
    void anOrderKeepsEveryStepWhoAndWhenAndItsTimeline() {
        projector.apply(wholeLoop());
        ServiceOrderDocument o = store.get(ServiceProjection.ORDERS, "o1");
        assertThat(o.state()).isEqualTo("RATED");
        assertThat(o.projectTitle()).isEqualTo("科技助老");
        assertThat(o.wantedTo()).isEqualTo("2025-07-10"); // a single day
        assertThat(o.providerUnitId()).isEqualTo("team");
        assertThat(o.providerUnitIds()).containsExactly("team2", "team");
        assertThat(o.declineReasons()).containsExactly("人手不足");
        assertThat(o.placed().user()).isEqualTo("st1-account");
        assertThat(o.placed().unitId()).isEqualTo("st1");
        assertThat(o.reviewed().unitId()).isEqualTo("ins");
        assertThat(o.firstDispatched().at()).isEqualTo(at("2025-07-03", 9));
        assertThat(o.dispatched().at()).isEqualTo(at("2025-07-04", 9));
        assertThat(o.awaitingDispatchSince()).isEqualTo(at("2025-07-03", 12)); // the decline put it back
        assertThat(o.completion().serviceHours()).isEqualTo(6.5);
        assertThat(o.completion().summary()).isEqualTo("教会 30 位老人");
        assertThat(o.rating().score()).isEqualTo(5);
        assertThat(o.timeline()).extracting(TimelineStep::step).containsExactly("PLACED", "APPROVED", "DISPATCHED",
                "DECLINED", "DISPATCHED", "ACCEPTED", "COMPLETED", "RATED");
        assertThat(o.timeline().get(3).reason()).isEqualTo("人手不足");
        assertThat(o.timeline().get(3).providerUnitId()).isEqualTo("team2");
        assertThat(o.timeline().get(7).score()).isEqualTo(5);
        ServiceProjectDocument p = store.get(ServiceProjection.PROJECTS, "p1");
        assertThat(p.districts()).containsExactly("海淀区", "西城区");
        assertThat(p.publishedBy()).isEqualTo("team-account");
    }

    @Test
    void theSameEventsAgainInAnyBatchesGiveTheSameDocuments() {
        List<ProjectionEvent> events = wholeLoop();
        projector.apply(events);
        Map<String, String> once = store.dump();
        projector.apply(events);
        events.forEach(e -> projector.apply(List.of(e)));
        assertThat(store.dump()).isEqualTo(once);

        MemoryDocStore oneByOne = new MemoryDocStore();
        Projector other = new Projector(oneByOne, List.of(new ServiceProjection()));
        events.forEach(e -> other.apply(List.of(e)));
        assertThat(oneByOne.dump()).isEqualTo(once);
    }

    @Test
    void revisionsWithdrawalsRejectionsAndCancellations() {
        List<ProjectionEvent> e = new ArrayList<>();
        e.add(ev("p2", new ServiceProjectPublished("p2", "一米阳光", "助老助残", "八送六代", "team", "门头沟区",
                List.of("门头沟区"), null, null), "2025-07-01", 9, "c", null));
        e.add(ev("p2", new ServiceProjectRevised("p2", "一米阳光 八送六代", "助老助残", "送餐送药", "team",
                "门头沟区", List.of("门头沟区", "房山区"), 10, null), "2025-07-02", 9, "c", null));
        e.add(ev("p2", new ServiceProjectWithdrawn("p2", "项目结束"), "2025-07-03", 9, "c", null));
        e.add(ev("o2", placed("o2", null, "法律"), "2025-07-02", 9, "st1-account", "st1"));
        e.add(ev("o2", new ServiceOrderRejected("o2", "不属于服务范围"), "2025-07-02", 10, "ins-account", "ins"));
        e.add(ev("o3", placed("o3", null, "科普"), "2025-07-02", 9, "st1-account", "st1"));
        e.add(ev("o3", new ServiceOrderCancelled("o3", OrderState.PLACED, "活动取消"), "2025-07-02", 11,
                "st1-account", "st1"));
        projector.apply(e);
        ServiceProjectDocument p = store.get(ServiceProjection.PROJECTS, "p2");
        assertThat(p.title()).isEqualTo("一米阳光 八送六代");
        assertThat(p.districts()).containsExactly("门头沟区", "房山区");
        assertThat(p.weeklyCapacity()).isEqualTo(10);
        assertThat(p.isWithdrawn()).isTrue();
        assertThat(p.withdrawalReason()).isEqualTo("项目结束");
        assertThat(p.revisedAt()).isEqualTo(at("2025-07-02", 9));
        assertThat(p.publishedAt()).isEqualTo(at("2025-07-01", 9));
        ServiceOrderDocument rejected = store.get(ServiceProjection.ORDERS, "o2");
        assertThat(rejected.state()).isEqualTo("REJECTED");
        assertThat(rejected.free()).isTrue();
        assertThat(rejected.rejectionReason()).isEqualTo("不属于服务范围");
        assertThat(rejected.reviewed().user()).isEqualTo("ins-account");
        ServiceOrderDocument cancelled = store.get(ServiceProjection.ORDERS, "o3");
        assertThat(cancelled.state()).isEqualTo("CANCELLED");
        assertThat(cancelled.cancelled().unitId()).isEqualTo("st1");
        assertThat(cancelled.timeline()).extracting(TimelineStep::reason).containsExactly(null, "活动取消");
    }

    @Test
    void deadlinesFollowTheStepTheOrderWaitsFor() {
        List<ProjectionEvent> loop = wholeLoop();
        var d = new ServiceOrderProperties().deadlines("海淀区");
        projector.apply(loop.subList(0, 2));
        assertDue("REVIEW", at("2025-07-03", 9), d); // 24 h after placing
        projector.apply(loop.subList(2, 3));
        assertDue("DISPATCH", at("2025-07-03", 15), d);
        projector.apply(loop.subList(3, 4));
        assertDue("ACCEPT", at("2025-07-05", 9), d); // 48 h after dispatch
        projector.apply(loop.subList(4, 5));
        assertDue("DISPATCH", at("2025-07-04", 12), d); // declined: due for dispatch again
        projector.apply(loop.subList(5, 7));
        assertDue("COMPLETE", at("2025-07-11", 0), d); // by the end of the wanted day
        projector.apply(loop.subList(7, 8));
        assertThat(OrderDeadline.of(store.get(ServiceProjection.ORDERS, "o1"), d)).isNull();
    }

    private void assertDue(String step, String at, ServiceOrderProperties.Deadlines d) {
        OrderDeadline due = OrderDeadline.of(store.get(ServiceProjection.ORDERS, "o1"), d);
        assertThat(due.step()).isEqualTo(step);
        assertThat(due.dueAt()).isEqualTo(Instant.parse(at));
        assertThat(due.passed(Instant.parse(at))).isFalse();
        assertThat(due.passed(Instant.parse(at).plusSeconds(1))).isTrue();
    }

    private static String at(String day, int hour) {
        return LocalDateTime.parse(day + "T00:00").plusHours(hour).atZone(Docs.ZONE).toInstant().toString();
    }
}
