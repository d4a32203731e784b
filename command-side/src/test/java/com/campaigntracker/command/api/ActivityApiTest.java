package com.campaigntracker.command.api;

import com.campaigntracker.shared.activity.ActivityEvents.ActivityCorrected;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRecorded;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRetracted;
import com.campaigntracker.shared.activity.ActivityKey;
import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignClosed;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityApiTest extends ApiTestSupport {
    static final LocalDate START = TODAY.minusDays(30);
    static final LocalDate END = TODAY.plusDays(60);
    static final LocalDate DAY = TODAY.minusDays(3);

    String campaignId;
    String unitId;
    String activities;

    @BeforeEach
    void campaignWithAnEnrolledUnit() {
        unitId = registerUnit(id("team"), "志愿服务队", "密云区", null);
        campaignId = launchCampaign(id("c"), "密云区", START, END);
        enroll(campaignId, unitId);
        activities = "/api/campaigns/" + campaignId + "/activities";
    }

    @Test
    void recordingAnswers201AndTheExactRetry200WithoutANewEvent() {
        Answer recorded = assertAccepted(post(activities, activity("a1", unitId, DAY, 173)), 201);
        assertThat(recorded.body().path("activityId").asText()).isEqualTo("a1");
        assertThat(recorded.body().path("campaignId").asText()).isEqualTo(campaignId);
        assertThat(recorded.location()).isEqualTo(activities + "/a1");
        long before = eventCount();
        Answer retried = assertAccepted(post(activities, activity("a1", unitId, DAY, 173)), 200);
        assertThat(retried.body().path("activityId").asText()).isEqualTo("a1");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(payloads(ActivityKey.of(campaignId, "a1"))).containsExactly(new ActivityRecorded(campaignId,
                "a1", unitId, DAY, "消杀任务", "疫情防控", "密云区各社区", new Figures(173, 460, 460.5, 85300), "出队"));
    }

    @Test
    void anActivityWithoutItsClientIdIsRefusedBecauseItsRetryCouldNotBeRecognised() {
        long before = eventCount();
        Answer refused = post(activities, """
                {"unitId": "%s", "date": "%s", "title": "文明劝导", "sessions": 1, "participations": 12,
                 "serviceHours": 24, "beneficiaries": 300}""".formatted(unitId, TODAY));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.detail()).contains("活动记录编号");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void correctingAndRetractingAnswer200() {
        assertAccepted(post(activities, activity("a2", unitId, DAY, 10)), 201);
        Answer corrected = assertAccepted(put(activities + "/a2", """
                {"activityId": "a2", "unitId": "%s", "date": "%s", "title": "消杀任务", "category": "疫情防控",
                 "site": "密云区各社区", "sessions": 12, "participations": 460, "serviceHours": 460.5,
                 "beneficiaries": 85300, "notes": "出队", "reason": "场次填错"}""".formatted(unitId, DAY)), 200);
        assertThat(corrected.body().path("activityId").asText()).isEqualTo("a2");
        assertAccepted(delete(activities + "/a2?reason=%E9%87%8D%E5%A4%8D%E5%A1%AB%E6%8A%A5"), 200);

        Figures before = new Figures(10, 460, 460.5, 85300);
        Figures after = new Figures(12, 460, 460.5, 85300);
        assertThat(payloads(ActivityKey.of(campaignId, "a2"))).containsExactly(
                new ActivityRecorded(campaignId, "a2", unitId, DAY, "消杀任务", "疫情防控", "密云区各社区", before, "出队"),
                new ActivityCorrected(campaignId, "a2", unitId, DAY, "消杀任务", "疫情防控", "密云区各社区", after, "出队",
                        before, DAY, "场次填错"),
                new ActivityRetracted(campaignId, "a2", unitId, DAY, after, "重复填报"));

        assertRejected(409, "activity-retracted", "DELETE", activities + "/a2?reason=again", null);
        assertRejected(409, "activity-retracted", "PUT", activities + "/a2", correction(DAY, 13, "r"));
    }

    static String correction(LocalDate date, int sessions, String reason) {
        return """
                {"date": "%s", "title": "消杀任务", "sessions": %d, "participations": 1, "serviceHours": 1.5,
                 "beneficiaries": 1, "reason": "%s"}""".formatted(date, sessions, reason);
    }

    @Test
    void reusingAnActivityIdWithOtherContentIs409() {
        assertAccepted(post(activities, activity("a3", unitId, DAY, 5)), 201);
        Answer conflict = assertRejected(409, "activity-id-conflict", "POST", activities,
                activity("a3", unitId, DAY, 6));
        assertThat(conflict.body().path("activityId").asText()).isEqualTo("a3");
        assertThat(conflict.body().path("field").asText()).isEqualTo("activityId");
    }

    @Test
    void malformedFiguresAre400() {
        String body = activity("a4", unitId, DAY, 1);
        assertRejected(400, "invalid-request", "POST", activities, body.replace("\"sessions\": 1", "\"sessions\": 1.5"));
        assertRejected(400, "invalid-request", "POST", activities, body.replace("\"sessions\": 1", "\"sessions\": \"1\""));
        assertRejected(400, "invalid-request", "POST", activities,
                body.replace("\"serviceHours\": 460.5", "\"serviceHours\": NaN"));
        assertRejected(400, "invalid-field", "POST", activities,
                body.replace("\"serviceHours\": 460.5", "\"serviceHours\": 0.3"));
        Answer nan = send("POST", activities, body.replace("\"serviceHours\": 460.5", "\"serviceHours\": \"NaN\""));
        assertProblem(nan, 400, nan.type().endsWith("invalid-field") ? "invalid-field" : "invalid-request");
        assertRejected(400, "invalid-request", "POST", activities,
                body.replace("\"beneficiaries\": 85300", "\"beneficiaries\": 99999999999999"));
        Answer negative = assertRejected(400, "invalid-field", "POST", activities,
                body.replace("\"participations\": 460", "\"participations\": -1"));
        assertThat(negative.detail()).isEqualTo("志愿者人次必须在 0 到 100000 之间(收到: -1)");
        assertRejected(400, "invalid-field", "POST", activities, body.replace("\"sessions\": 1", "\"sessions\": 0"));
        Answer missing = assertRejected(400, "invalid-field", "POST", activities,
                body.replace("\"sessions\": 1,", ""));
        assertThat(missing.detail()).isEqualTo("场次不能为空");
        assertRejected(400, "invalid-request", "POST", activities, body.replace("{", "{\"extra\": 1, "));
        assertRejected(400, "invalid-request", "POST", activities,
                body.replace("\"title\": \"消杀任务\"", "\"title\": \"a\", \"title\": \"b\""));
        assertRejected(400, "invalid-request", "POST", activities, body.replace("\"date\": \"" + DAY + "\"",
                "\"date\": \"" + DAY.toString().replace('-', '/') + "\""));
        assertRejected(400, "invalid-field", "POST", activities,
                body.replace("\"title\": \"消杀任务\"", "\"title\": \"" + "题".repeat(201) + "\""));
        assertRejected(400, "invalid-field", "POST", activities, body.replace("\"a4\"", "\"../x\""));
        assertRejected(400, "invalid-request", "POST", activities, body + "{}");
    }

    @Test
    void unsupportedMediaTypeIs415ProblemJson() {
        long before = eventCount();
        Answer answer = send("POST", activities, activity("a5", unitId, DAY, 1), "text/plain");
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void datesOutsideThePeriodOrInTheFutureAre422() {
        Answer outside = assertRejected(422, "date-outside-period", "POST", activities,
                activity("a6", unitId, START.minusDays(1), 1));
        assertThat(outside.body().path("startDate").asText()).isEqualTo(START.toString());
        assertRejected(422, "date-in-future", "POST", activities, activity("a6", unitId, TODAY.plusDays(1), 1));
        assertAccepted(post(activities, activity("a6", unitId, DAY, 1)), 201);
        assertRejected(422, "date-outside-period", "PUT", activities + "/a6", correction(END.plusDays(1), 1, "r"));
    }

    @Test
    void onlyEnrolledActiveUnitsRecord() {
        String stranger = registerUnit(id("stranger"), "志愿服务队", "密云区", null);
        assertRejected(422, "unit-not-enrolled", "POST", activities, activity("a7", stranger, DAY, 1));
        assertRejected(404, "unit-not-found", "POST", activities, activity("a7", id("ghost"), DAY, 1));
        assertAccepted(post("/api/units/" + unitId + "/deactivate", "{}"), 200);
        assertRejected(422, "unit-inactive", "POST", activities, activity("a7", unitId, DAY, 1));
    }

    @Test
    void aCorrectionCannotChangeTheUnit() {
        assertAccepted(post(activities, activity("a8", unitId, DAY, 1)), 201);
        assertRejected(422, "activity-unit-mismatch", "PUT", activities + "/a8", """
                {"unitId": "someone-else", "date": "%s", "title": "t", "sessions": 2, "participations": 1,
                 "serviceHours": 1, "beneficiaries": 1, "reason": "r"}""".formatted(DAY));
        assertRejected(400, "invalid-field", "PUT", activities + "/a8", """
                {"activityId": "other", "date": "%s", "title": "t", "sessions": 2, "participations": 1,
                 "serviceHours": 1, "beneficiaries": 1, "reason": "r"}""".formatted(DAY));
        assertRejected(400, "invalid-field", "PUT", activities + "/a8", correction(DAY, 2, ""));
    }

    @Test
    void unknownActivitiesAndCampaignsAre404() {
        assertRejected(404, "activity-not-found", "PUT", activities + "/nope", correction(DAY, 1, "r"));
        assertRejected(404, "activity-not-found", "DELETE", activities + "/nope?reason=r", null);
        assertRejected(404, "campaign-not-found", "POST", "/api/campaigns/" + id("ghost") + "/activities",
                activity("a9", unitId, DAY, 1));
    }

    @Test
    void retractingRequiresAReason() {
        assertAccepted(post(activities, activity("a10", unitId, DAY, 1)), 201);
        Answer missing = assertRejected(400, "invalid-field", "DELETE", activities + "/a10", null);
        assertThat(missing.detail()).isEqualTo("原因不能为空");
        assertRejected(400, "invalid-field", "DELETE", activities + "/a10?reason=", null);
    }

    @Test
    void nothingIsAcceptedAfterTheCampaignIsClosed() {
        assertAccepted(post(activities, activity("a11", unitId, DAY, 1)), 201);
        assertAccepted(post("/api/campaigns/" + campaignId + "/close", null), 200);
        Answer closed = assertRejected(409, "campaign-closed", "POST", activities, activity("a12", unitId, DAY, 1));
        assertThat(closed.detail()).contains("已结束");
        assertRejected(409, "campaign-closed", "PUT", activities + "/a11", correction(DAY, 2, "r"));
        assertRejected(409, "campaign-closed", "DELETE", activities + "/a11?reason=r", null);
        assertAccepted(post(activities, activity("a11", unitId, DAY, 1)), 200);
    }

    /**
     * Eight units record at once while a coordinator closes the campaign: every 201 is one event, and no
     * activity event lies after the close event.
     */
    @Test
    void unitsRecordInParallelAndNothingLandsAfterTheClose() throws Exception {
        List<String> units = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String unit = registerUnit(id("u" + i), "志愿服务队", "密云区", null);
            enroll(campaignId, unit);
            units.add(unit);
        }
        ExecutorService pool = Executors.newFixedThreadPool(9);
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        CountDownLatch started = new CountDownLatch(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String unit : units) {
                futures.add(pool.submit(() -> {
                    started.countDown();
                    for (int n = 0; n < 15; n++) {
                        String activityId = unit + "-" + n;
                        Answer answer = post(activities, activity(activityId, unit, DAY, 1 + n));
                        if (answer.status() == 201) {
                            accepted.add(activityId);
                        } else {
                            assertProblem(answer, 409, "campaign-closed");
                        }
                    }
                }));
            }
            futures.add(pool.submit(() -> {
                started.await();
                assertAccepted(post("/api/campaigns/" + campaignId + "/close", null), 200);
                return null;
            }));
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<TrackedEventMessage<?>> all;
        try (Stream<? extends TrackedEventMessage<?>> events = storageEngine.readEvents(null, false)) {
            all = events.collect(Collectors.toList());
        }
        Instant closedAt = all.stream().filter(e -> e.getPayload() instanceof CampaignClosed c
                && c.campaignId().equals(campaignId)).map(EventMessage::getTimestamp).findFirst().orElseThrow();
        List<ActivityRecorded> recorded = all.stream()
                .filter(e -> e.getPayload() instanceof ActivityRecorded r && r.campaignId().equals(campaignId))
                .peek(e -> assertThat(e.getTimestamp()).isBefore(closedAt))
                .map(e -> (ActivityRecorded) e.getPayload()).toList();
        assertThat(recorded).extracting(ActivityRecorded::activityId).containsExactlyInAnyOrderElementsOf(accepted);
    }
}
