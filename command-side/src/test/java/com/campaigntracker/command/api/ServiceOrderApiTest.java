package com.campaigntracker.command.api;

import com.campaigntracker.command.service.CompletionActivities;
import com.campaigntracker.eventstore.TrackerEventStorageEngine;
import com.campaigntracker.shared.AuditMetadata;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRecorded;
import com.campaigntracker.shared.activity.ActivityKey;
import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.service.CompletionReport;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderAccepted;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderApproved;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderCompleted;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderDispatched;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderPlaced;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderRated;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectPublished;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service-order endpoints through real HTTP, by the accounts of a 实践站 ({@code svc-zhan}), the 实践所 above it
 * ({@code svc-suo}) and a volunteer team ({@code svc-team}); the completion → campaign activity link counted once.
 */
class ServiceOrderApiTest extends ApiTestSupport {
    private static final String CENTER = SVC_SUO + "-c";
    private static final String OTHER_ZHAN = SVC_ZHAN + "-2";
    private static final String CAMPAIGN = SVC_TEAM + "-xlf";
    private static final String PROJECT = SVC_TEAM + "-zhulao";
    private static final AtomicBoolean NETWORK = new AtomicBoolean();
    private static final String ZHAN = basic("svc-zhan");
    private static final String SUO = basic("svc-suo");
    private static final String TEAM = basic("svc-team");
    private static final String LEADER = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("hd-leader:leader-pw".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    TrackerEventStorageEngine engine;

    /** 海淀: centre → 所 → two stations; a team under the centre, enrolled in 学雷锋志愿服务月; its project on the menu. */
    @BeforeEach
    void network() {
        if (!NETWORK.compareAndSet(false, true)) {
            return;
        }
        registerUnit(CENTER, "实践中心", "海淀区", null);
        registerUnit(SVC_SUO, "实践所", "海淀区", CENTER);
        registerUnit(SVC_ZHAN, "实践站", "海淀区", SVC_SUO);
        registerUnit(OTHER_ZHAN, "实践站", "海淀区", SVC_SUO);
        registerUnit(SVC_TEAM, "志愿服务队", "海淀区", CENTER);
        launchCampaign(CAMPAIGN, "海淀区", TODAY.minusDays(30), TODAY.plusDays(30));
        enroll(CAMPAIGN, SVC_TEAM);
        assertAccepted(as(TEAM, "POST", "/api/service-projects", project(PROJECT, "助老助残", CAMPAIGN)), 201);
    }

    private Answer as(String who, String method, String path, String body) {
        return sendAs(who, method, path, body, "application/json");
    }

    private static String project(String projectId, String category, String campaignId) {
        return """
                {"projectId": "%s", "title": "“夕阳再晨”科技助老", "category": "%s",
                 "description": "教老年人使用智能手机", "providerUnitId": "%s", "districts": ["海淀区"],
                 "weeklyCapacity": 5, "campaignId": %s}""".formatted(projectId, category, SVC_TEAM,
                campaignId == null ? "null" : "\"" + campaignId + "\"");
    }

    private static String order(String orderId, String projectId) {
        return """
                {"orderId": "%s", "projectId": "%s", "requestingUnitId": "%s", "wantedFrom": "%s",
                 "place": "社区活动室", "peopleToServe": 40, "contact": "王老师 13800000000", "notes": "学微信视频"}
                """.formatted(orderId, projectId, SVC_ZHAN, TODAY);
    }

    private static String report(int sessions) {
        return """
                {"date": "%s", "sessions": %d, "participations": 12, "serviceHours": 24.5, "beneficiaries": 40,
                 "summary": "两场培训"}""".formatted(TODAY, sessions);
    }

    /** An order of the station, taken through the given steps by the accounts whose step it is. */
    private String orderThrough(String... steps) {
        String orderId = id("o");
        assertAccepted(as(ZHAN, "POST", "/api/service-orders", order(orderId, PROJECT)), 201);
        for (String step : steps) {
            String who = switch (step) {
                case "approve", "reject", "dispatch" -> SUO;
                case "rate", "cancel" -> ZHAN;
                default -> TEAM;
            };
            String body = switch (step) {
                case "complete" -> report(2);
                case "rate" -> "{\"score\": 5}";
                case "cancel", "decline", "reject" -> "{\"reason\": \"改期\"}";
                default -> null;
            };
            assertAccepted(as(who, "POST", "/api/service-orders/" + orderId + "/" + step, body), 200);
        }
        // the activity a completion records lands asynchronously: settled before a test counts events
        awaitCompletionsHandled();
        return orderId;
    }

    private String orders(String orderId, String step) {
        return "/api/service-orders/" + orderId + "/" + step;
    }

    @Test
    void theWholeLoopByThreeAccountsIsRecordedStepByStepWithWhoDidIt() {
        String orderId = id("loop");
        Answer placed = assertAccepted(as(ZHAN, "POST", "/api/service-orders", order(orderId, PROJECT)), 201);
        assertThat(placed.location()).isEqualTo("/api/service-orders/" + orderId);
        assertThat(placed.body().path("orderId").asText()).isEqualTo(orderId);
        assertThat(placed.body().path("position").asLong()).isPositive();
        assertAccepted(as(ZHAN, "POST", "/api/service-orders", order(orderId, PROJECT)), 200);
        assertAccepted(as(SUO, "POST", orders(orderId, "approve"), null), 200);
        assertAccepted(as(SUO, "POST", orders(orderId, "dispatch"), null), 200);
        assertAccepted(as(TEAM, "POST", orders(orderId, "accept"), null), 200);
        assertAccepted(as(TEAM, "POST", orders(orderId, "complete"), report(2)), 200);
        awaitCompletionsHandled();
        assertAccepted(as(ZHAN, "POST", orders(orderId, "rate"), "{\"score\": 5, \"comment\": \"很满意\"}"), 200);

        CompletionReport report = new CompletionReport(TODAY, new Figures(2, 12, 24.5, 40), "两场培训");
        assertThat(payloads(orderId)).containsExactly(
                new ServiceOrderPlaced(orderId, PROJECT, "“夕阳再晨”科技助老", "助老助残", SVC_ZHAN, "海淀区",
                        List.of(SVC_SUO, CENTER), SVC_TEAM, CAMPAIGN, TODAY, TODAY, "社区活动室", 40,
                        "王老师 13800000000", "学微信视频"),
                new ServiceOrderApproved(orderId),
                new ServiceOrderDispatched(orderId, SVC_TEAM, "海淀区"),
                new ServiceOrderAccepted(orderId, SVC_TEAM),
                new ServiceOrderCompleted(orderId, SVC_TEAM, SVC_ZHAN, "助老助残", CAMPAIGN, report),
                new ServiceOrderRated(orderId, SVC_TEAM, "助老助残", 5, "很满意"));
        assertThat(stream(orderId)).extracting(e -> e.getMetaData().get(AuditMetadata.USER))
                .containsExactly("svc-zhan", "svc-suo", "svc-suo", "svc-team", "svc-team", "svc-zhan");
        assertThat(stream(orderId).get(1).getMetaData()).containsEntry(AuditMetadata.ROLE, "UNIT")
                .containsEntry(AuditMetadata.ACTING_UNIT, SVC_SUO);
    }

    @Test
    void aCompletionCountsInTheCampaignOnceEvenWhenRetriedAndReplayed() {
        String orderId = orderThrough("approve", "dispatch", "accept", "complete");
        String activity = ActivityKey.of(CAMPAIGN, orderId);
        await().atMost(Duration.ofSeconds(30)).until(() -> !stream(activity).isEmpty());
        assertThat(payloads(activity)).containsExactly(new ActivityRecorded(CAMPAIGN, orderId, SVC_TEAM, TODAY,
                "“夕阳再晨”科技助老", "助老助残", "社区活动室", new Figures(2, 12, 24.5, 40), "两场培训"));
        assertThat(stream(activity).get(0).getMetaData()).containsEntry(AuditMetadata.USER, "svc-team");

        long before = eventCount();
        assertAccepted(as(TEAM, "POST", orders(orderId, "complete"), report(2)), 200);
        assertThat(eventCount()).as("a retried completion appends nothing").isEqualTo(before);

        StreamingEventProcessor processor = processing.eventProcessor(CompletionActivities.GROUP,
                StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitCompletionsHandled();
        assertThat(eventCount()).as("a replay of the completions appends nothing").isEqualTo(before);
        assertThat(stream(activity)).hasSize(1);
    }

    @Test
    void aCompletionOfAnOrderWithoutAnEnrolledProviderOrCampaignIsNoActivity() {
        String unlinked = SVC_TEAM + "-free-" + id("p");
        assertAccepted(as(TEAM, "POST", "/api/service-projects", project(unlinked, "科普", null)), 201);
        String orderId = id("o");
        assertAccepted(as(ZHAN, "POST", "/api/service-orders", order(orderId, unlinked)), 201);
        for (String step : List.of("approve", "dispatch", "accept")) {
            assertAccepted(send("POST", orders(orderId, step), null), 200);
        }
        assertAccepted(send("POST", orders(orderId, "complete"), report(1)), 200);

        String other = id("closed");
        launchCampaign(other, "海淀区", TODAY.minusDays(30), TODAY.plusDays(30));
        String linked = SVC_TEAM + "-notenrolled-" + id("p");
        assertAccepted(as(TEAM, "POST", "/api/service-projects", project(linked, "科普", other)), 201);
        String notEnrolled = id("o");
        assertAccepted(as(ZHAN, "POST", "/api/service-orders", order(notEnrolled, linked)), 201);
        for (String step : List.of("approve", "dispatch", "accept")) {
            assertAccepted(send("POST", orders(notEnrolled, step), null), 200);
        }
        assertAccepted(send("POST", orders(notEnrolled, "complete"), report(1)), 200);

        awaitCompletionsHandled();
        assertThat(stream(ActivityKey.of(other, notEnrolled))).isEmpty();
    }

    private void awaitCompletionsHandled() {
        long head = engine.headPosition();
        StreamingEventProcessor processor = processing.eventProcessor(CompletionActivities.GROUP,
                StreamingEventProcessor.class).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream().allMatch(s -> !s.isErrorState()
                && s.getCurrentPosition().orElse(-1) >= head));
    }

    // ---- 服务菜单

    @Test
    void publishingRevisingAndWithdrawingAProject() {
        String p = SVC_TEAM + "-" + id("p");
        Answer published = assertAccepted(as(TEAM, "POST", "/api/service-projects", project(p, "助老助残", null)), 201);
        assertThat(published.location()).isEqualTo("/api/service-projects/" + p);
        assertThat(published.body().path("projectId").asText()).isEqualTo(p);
        assertAccepted(as(TEAM, "POST", "/api/service-projects", project(p, "助老助残", null)), 200);
        assertAccepted(as(TEAM, "POST", "/api/service-projects/" + p + "/revise", project(p, "科普", null)), 200);
        assertAccepted(as(TEAM, "POST", "/api/service-projects/" + p + "/withdraw", "{\"reason\": \"队员毕业\"}"), 200);
        assertAccepted(as(TEAM, "POST", "/api/service-projects/" + p + "/withdraw", null), 200);
        assertThat(stream(p)).hasSize(3);
        assertThat(payloads(p).get(0)).isEqualTo(new ServiceProjectPublished(p, "“夕阳再晨”科技助老", "助老助残",
                "教老年人使用智能手机", SVC_TEAM, "海淀区", List.of("海淀区"), 5, null));

        assertRejectedAs(TEAM, 409, "service-project-withdrawn", "POST", "/api/service-projects/" + p + "/revise",
                project(p, "助老助残", null));
        assertRejectedAs(ZHAN, 409, "service-project-withdrawn", "POST", "/api/service-orders", order(id("o"), p));
    }

    @Test
    void refusedProjects() {
        String p = SVC_TEAM + "-" + id("bad");
        assertRejectedAs(TEAM, 422, "unknown-service-category", "POST", "/api/service-projects",
                project(p, "美容美发", null));
        Answer district = assertRejectedAs(TEAM, 400, "invalid-field", "POST", "/api/service-projects",
                project(p, "科普", null).replace("[\"海淀区\"]", "[\"海淀\"]"));
        assertThat(district.body().path("field").asText()).isEqualTo("districts");
        assertRejectedAs(TEAM, 400, "invalid-field", "POST", "/api/service-projects",
                project(p, "科普", null).replace("[\"海淀区\"]", "[]"));
        assertRejectedAs(TEAM, 400, "invalid-field", "POST", "/api/service-projects",
                project(p, "科普", null).replace("\"“夕阳再晨”科技助老\"", "\" \""));
        assertRejected(404, "unit-not-found", "POST", "/api/service-projects",
                project(p, "科普", null).replace("\"providerUnitId\": \"" + SVC_TEAM, "\"providerUnitId\": \"nobody"));
        assertRejected(422, "unit-cannot-provide", "POST", "/api/service-projects",
                project(p, "科普", null).replace("\"providerUnitId\": \"" + SVC_TEAM,
                        "\"providerUnitId\": \"" + SVC_ZHAN));
        assertRejected(404, "campaign-not-found", "POST", "/api/service-projects", project(p, "科普", "no-campaign"));
        assertRejectedAs(ZHAN, 403, "not-your-unit", "POST", "/api/service-projects", project(p, "科普", null));
        assertRejectedAs(LEADER, 403, "forbidden", "POST", "/api/service-projects", project(p, "科普", null));
        assertRejected(400, "invalid-request", "POST", "/api/service-projects",
                project(p, "科普", null).replace("{", "{\"colour\": \"red\", "));
        assertRejectedAs(TEAM, 409, "service-project-id-conflict", "POST", "/api/service-projects",
                project(PROJECT, "科普", CAMPAIGN));
        assertRejected(409, "service-project-id-conflict", "POST", "/api/service-projects",
                project(SVC_ZHAN, "科普", null));
        assertRejected(404, "service-project-not-found", "POST", "/api/service-projects/nothing/revise",
                project("nothing", "科普", null));
        assertRejected(404, "service-project-not-found", "POST", "/api/service-projects/nothing/withdraw", null);
        assertRejected(400, "invalid-field", "POST", "/api/service-projects/" + PROJECT + "/revise",
                project("other-id", "科普", null));
    }

    // ---- 点单

    @Test
    void refusedOrders() {
        String free = """
                {"orderId": "%s", "requestingUnitId": "%s", "wantedFrom": "%s", "wantedTo": "%s", "place": "广场"}
                """;
        Answer noCategory = assertRejectedAs(ZHAN, 400, "invalid-field", "POST", "/api/service-orders",
                free.formatted(id("o"), SVC_ZHAN, TODAY, TODAY));
        assertThat(noCategory.body().path("field").asText()).isEqualTo("category");
        assertRejectedAs(ZHAN, 400, "invalid-field", "POST", "/api/service-orders",
                free.formatted(id("o"), SVC_ZHAN, TODAY, TODAY.minusDays(1)).replace("{", "{\"category\": \"法律\", "));
        assertRejectedAs(ZHAN, 422, "unknown-service-category", "POST", "/api/service-orders",
                free.formatted(id("o"), SVC_ZHAN, TODAY, TODAY).replace("{", "{\"category\": \"美容\", "));
        assertRejectedAs(ZHAN, 404, "service-project-not-found", "POST", "/api/service-orders",
                order(id("o"), "no-project"));
        assertRejectedAs(ZHAN, 403, "not-your-unit", "POST", "/api/service-orders",
                order(id("o"), PROJECT).replace(SVC_ZHAN, OTHER_ZHAN));
        assertRejected(422, "unit-cannot-order", "POST", "/api/service-orders",
                order(id("o"), PROJECT).replace(SVC_ZHAN, SVC_TEAM));
        assertRejected(422, "service-category-mismatch", "POST", "/api/service-orders",
                order(id("o"), PROJECT).replace("{", "{\"category\": \"法律\", "));
        String placed = orderThrough();
        assertRejectedAs(ZHAN, 409, "service-order-id-conflict", "POST", "/api/service-orders",
                order(placed, PROJECT).replace("社区活动室", "广场"));
        assertRejectedAs(ZHAN, 409, "service-order-id-conflict", "POST", "/api/service-orders",
                order(SVC_TEAM, PROJECT));
        assertRejectedAs(LEADER, 403, "forbidden", "POST", "/api/service-orders", order(id("o"), PROJECT));
    }

    @Test
    void aFreeRequestIsDispatchedToANamedUnit() {
        String orderId = id("free");
        assertAccepted(as(ZHAN, "POST", "/api/service-orders", """
                {"orderId": "%s", "category": "法律", "requestingUnitId": "%s", "wantedFrom": "%s",
                 "place": "社区服务站"}""".formatted(orderId, SVC_ZHAN, TODAY)), 201);
        assertAccepted(as(SUO, "POST", orders(orderId, "approve"), null), 200);
        assertRejectedAs(SUO, 400, "invalid-field", "POST", orders(orderId, "dispatch"), null);
        assertRejectedAs(SUO, 422, "unit-cannot-provide", "POST", orders(orderId, "dispatch"),
                "{\"providerUnitId\": \"" + OTHER_ZHAN + "\"}");
        assertAccepted(as(SUO, "POST", orders(orderId, "dispatch"), "{\"providerUnitId\": \"" + SVC_TEAM + "\"}"),
                200);
        assertThat(payloads(orderId).get(2)).isEqualTo(new ServiceOrderDispatched(orderId, SVC_TEAM, "海淀区"));
    }

    // ---- 审单, 派单

    @Test
    void refusedReviewsAndDispatches() {
        String placed = orderThrough();
        assertRejectedAs(ZHAN, 403, "not-the-reviewer", "POST", orders(placed, "approve"), null);
        assertRejectedAs(TEAM, 403, "not-the-reviewer", "POST", orders(placed, "reject"), "{\"reason\": \"不行\"}");
        assertRejectedAs(SUO, 400, "invalid-field", "POST", orders(placed, "reject"), "{}");
        assertRejectedAs(SUO, 409, "order-not-awaiting-dispatch", "POST", orders(placed, "dispatch"), null);
        assertRejected(404, "service-order-not-found", "POST", orders("no-order", "approve"), null);
        assertRejected(404, "service-order-not-found", "POST", orders(SVC_ZHAN, "approve"), null);
        assertRejected(400, "invalid-field", "POST", orders("bad id", "approve").replace(" ", "%20"), null);

        String approved = orderThrough("approve");
        assertAccepted(as(SUO, "POST", orders(approved, "approve"), null), 200);
        assertRejectedAs(SUO, 409, "order-not-awaiting-review", "POST", orders(approved, "reject"),
                "{\"reason\": \"改主意\"}");

        String rejected = orderThrough("reject");
        assertRejectedAs(SUO, 409, "order-rejected", "POST", orders(rejected, "approve"), null);
        assertRejectedAs(ZHAN, 409, "order-rejected", "POST", orders(rejected, "cancel"), "{\"reason\": \"x\"}");
    }

    // ---- 接单, 退单, 结项

    @Test
    void declineSendsTheOrderBackForAnotherDispatch() {
        String orderId = orderThrough("approve", "dispatch", "decline");
        assertAccepted(as(TEAM, "POST", orders(orderId, "decline"), "{\"reason\": \"改期\"}"), 200);
        assertRejectedAs(TEAM, 409, "order-not-dispatched", "POST", orders(orderId, "accept"), null);
        assertAccepted(as(SUO, "POST", orders(orderId, "dispatch"), null), 200);
        assertAccepted(as(TEAM, "POST", orders(orderId, "accept"), null), 200);
        assertThat(stream(orderId)).hasSize(6);
    }

    @Test
    void refusedProviderSteps() {
        String dispatched = orderThrough("approve", "dispatch");
        assertRejectedAs(ZHAN, 403, "not-the-provider", "POST", orders(dispatched, "accept"), null);
        assertRejectedAs(SUO, 403, "not-the-provider", "POST", orders(dispatched, "decline"),
                "{\"reason\": \"不想去\"}");
        assertRejectedAs(TEAM, 400, "invalid-field", "POST", orders(dispatched, "decline"), "{\"reason\": \"\"}");
        assertRejectedAs(TEAM, 409, "order-not-accepted", "POST", orders(dispatched, "complete"), report(1));

        String approved = orderThrough("approve");
        assertRejectedAs(TEAM, 409, "order-not-dispatched", "POST", orders(approved, "accept"), null);

        String accepted = orderThrough("approve", "dispatch", "accept");
        assertRejectedAs(TEAM, 409, "order-not-dispatched", "POST", orders(accepted, "decline"),
                "{\"reason\": \"不想去\"}");
        Answer future = assertRejectedAs(TEAM, 422, "date-in-future", "POST", orders(accepted, "complete"),
                report(1).replace(TODAY.toString(), TODAY.plusDays(1).toString()));
        assertThat(future.body().path("field").asText()).isEqualTo("date");
        Answer missing = assertRejectedAs(TEAM, 400, "invalid-field", "POST", orders(accepted, "complete"),
                report(1).replace("\"sessions\": 1, ", ""));
        assertThat(missing.detail()).isEqualTo("场次不能为空");
        Answer zero = assertRejectedAs(TEAM, 400, "invalid-field", "POST", orders(accepted, "complete"), report(0));
        assertThat(zero.body().path("field").asText()).isEqualTo("sessions");
        assertRejectedAs(ZHAN, 403, "not-the-provider", "POST", orders(accepted, "complete"), report(1));

        String completed = orderThrough("approve", "dispatch", "accept", "complete");
        assertAccepted(as(TEAM, "POST", orders(completed, "complete"), report(2)), 200);
        awaitCompletionsHandled();
        assertRejectedAs(TEAM, 409, "order-already-completed", "POST", orders(completed, "complete"), report(3));
    }

    // ---- 评单, 取消

    @Test
    void refusedRatings() {
        String accepted = orderThrough("approve", "dispatch", "accept");
        assertRejectedAs(ZHAN, 409, "order-not-completed", "POST", orders(accepted, "rate"), "{\"score\": 5}");

        String completed = orderThrough("approve", "dispatch", "accept", "complete");
        Answer zero = assertRejectedAs(ZHAN, 400, "invalid-field", "POST", orders(completed, "rate"),
                "{\"score\": 0}");
        assertThat(zero.detail()).startsWith("评分必须在 1 到 5 之间");
        assertRejectedAs(ZHAN, 400, "invalid-field", "POST", orders(completed, "rate"), "{\"comment\": \"好\"}");
        assertRejectedAs(ZHAN, 422, "rating-needs-comment", "POST", orders(completed, "rate"), "{\"score\": 2}");
        assertRejectedAs(TEAM, 403, "not-the-requester", "POST", orders(completed, "rate"), "{\"score\": 5}");
        assertAccepted(as(ZHAN, "POST", orders(completed, "rate"), "{\"score\": 2, \"comment\": \"迟到\"}"), 200);
        assertAccepted(as(ZHAN, "POST", orders(completed, "rate"), "{\"score\": 2, \"comment\": \"迟到\"}"), 200);
        assertRejectedAs(ZHAN, 409, "order-already-rated", "POST", orders(completed, "rate"), "{\"score\": 4}");
    }

    @Test
    void theStationCancelsOnlyBeforeAcceptance() {
        String dispatched = orderThrough("approve", "dispatch");
        assertRejectedAs(TEAM, 403, "not-the-requester", "POST", orders(dispatched, "cancel"),
                "{\"reason\": \"不要了\"}");
        assertRejectedAs(ZHAN, 400, "invalid-field", "POST", orders(dispatched, "cancel"), "{}");
        assertAccepted(as(ZHAN, "POST", orders(dispatched, "cancel"), "{\"reason\": \"活动改期\"}"), 200);
        assertAccepted(as(ZHAN, "POST", orders(dispatched, "cancel"), "{\"reason\": \"活动改期\"}"), 200);
        assertRejectedAs(TEAM, 409, "order-cancelled", "POST", orders(dispatched, "accept"), null);
        assertRejectedAs(SUO, 409, "order-cancelled", "POST", orders(dispatched, "dispatch"), null);

        String accepted = orderThrough("approve", "dispatch", "accept");
        assertRejectedAs(ZHAN, 409, "order-not-cancellable", "POST", orders(accepted, "cancel"),
                "{\"reason\": \"不要了\"}");
        assertRejectedAs(LEADER, 403, "forbidden", "POST", orders(accepted, "cancel"), "{\"reason\": \"不要了\"}");
    }
}
