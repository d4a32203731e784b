package com.campaigntracker.standalone;

import com.campaigntracker.eventstore.TrackerEventStorageEngine;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityCorrected;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityEvent;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRecorded;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRetracted;
import com.campaigntracker.shared.campaign.CampaignEvents;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 16 clients record, correct and retract activities of one campaign over real HTTP while a coordinator closes it:
 * the read model's totals equal the sum over accepted commands, no activity event of the campaign lies after the
 * CampaignClosed event in the global order, and every accepted command's event is stored exactly once.
 */
@SpringBootTest(classes = TrackerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CloseRaceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String CAMPAIGN = "race";
    private static final int THREADS = 16;
    private static final int ACKS_BEFORE_CLOSE = 150;
    private static final int MAX_PER_THREAD = 200;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("close-race-").toString();
        registry.add("tracker.data-dir", () -> dir);
        String[] args = ProductProcess.accountArgs();
        for (String a : args) {
            String kv = a.substring(2);
            int eq = kv.indexOf('=');
            registry.add(kv.substring(0, eq), () -> kv.substring(eq + 1));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    TrackerEventStorageEngine engine;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What the accepted commands say about one activity (each activity is driven by one client only). */
    static final class Expected {
        int participations;
        boolean retracted;
        int corrections;
    }

    @Test
    void closingWhileSixteenClientsWriteLosesNothingAndAcceptsNothingAfterTheClose() throws Exception {
        expect2xx(send("POST", "/api/units", Map.of("unitId", "race-center", "name", "海淀区新时代文明实践中心",
                "type", "实践中心", "district", "海淀区")));
        expect2xx(send("POST", "/api/units", Map.of("unitId", "race-suo", "name", "学院路街道新时代文明实践所",
                "type", "实践所", "district", "海淀区", "parentUnitId", "race-center")));
        Map<String, Object> campaign = new HashMap<>();
        campaign.put("id", CAMPAIGN);
        campaign.put("title", "文明路口引导行动");
        campaign.put("theme", "文明交通");
        campaign.put("description", "百日大战");
        campaign.put("district", "海淀区");
        campaign.put("eligibleUnitTypes", List.of("实践所"));
        campaign.put("startDate", TODAY.minusDays(10).toString());
        campaign.put("endDate", TODAY.plusDays(30).toString());
        campaign.put("targets", Map.of("sessions", 1000));
        expect2xx(send("POST", "/api/campaigns", campaign));
        expect2xx(send("POST", "/api/campaigns/" + CAMPAIGN + "/enrollments", Map.of("unitId", "race-suo")));

        Map<String, Expected> expected = new ConcurrentHashMap<>();
        AtomicInteger refusedAfterClose = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch enoughAcks = new CountDownLatch(ACKS_BEFORE_CLOSE);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int client = t;
            threads.add(new Thread(() -> {
                try {
                    for (int i = 0; i < MAX_PER_THREAD; i++) {
                        String id = String.format("race-%02d-%03d", client, i);
                        int participations = 10 + (i % 7);
                        int status = send("POST", "/api/campaigns/" + CAMPAIGN + "/activities",
                                activity(id, participations, null)).statusCode();
                        if (!accepted(status, refusedAfterClose, accepted, enoughAcks)) {
                            return;
                        }
                        Expected e = new Expected();
                        e.participations = participations;
                        expected.put(id, e);
                        if (i % 3 == 1) {
                            int corrected = participations + 100;
                            status = send("PUT", "/api/campaigns/" + CAMPAIGN + "/activities/" + id,
                                    activity(id, corrected, "人次统计有误")).statusCode();
                            if (!accepted(status, refusedAfterClose, accepted, enoughAcks)) {
                                return;
                            }
                            e.participations = corrected;
                            e.corrections++;
                        } else if (i % 3 == 2) {
                            status = send("DELETE", "/api/campaigns/" + CAMPAIGN + "/activities/" + id
                                    + "?reason=" + URLEncoder.encode("重复填报", StandardCharsets.UTF_8), null)
                                    .statusCode();
                            if (!accepted(status, refusedAfterClose, accepted, enoughAcks)) {
                                return;
                            }
                            e.retracted = true;
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        threads.forEach(Thread::start);
        enoughAcks.await();
        HttpResponse<String> close = send("POST", "/api/campaigns/" + CAMPAIGN + "/close", Map.of());
        expect2xx(close);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failure.get()).isNull();

        // The event store, in global order.
        List<? extends TrackedEventMessage<?>> all = engine.readEvents(null, false).collect(Collectors.toList());
        long closedAt = -1;
        long head = -1;
        long lastActivityPosition = -1;
        Map<String, Integer> recorded = new HashMap<>();
        Map<String, Integer> corrected = new HashMap<>();
        Map<String, Integer> retracted = new HashMap<>();
        for (TrackedEventMessage<?> m : all) {
            long position = m.trackingToken().position().orElseThrow();
            head = Math.max(head, position);
            Object p = m.getPayload();
            if (p instanceof CampaignEvents.CampaignClosed c && c.campaignId().equals(CAMPAIGN)) {
                closedAt = position;
            } else if (p instanceof ActivityEvent a && a.campaignId().equals(CAMPAIGN)) {
                lastActivityPosition = Math.max(lastActivityPosition, position);
                Map<String, Integer> target = p instanceof ActivityRecorded ? recorded
                        : p instanceof ActivityCorrected ? corrected : retracted;
                target.merge(a.activityId(), 1, Integer::sum);
            }
        }
        assertThat(closedAt).as("CampaignClosed stored").isPositive();
        assertThat(lastActivityPosition).as("last activity event vs CampaignClosed").isLessThan(closedAt);
        assertThat(recorded.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<String, Expected> e : expected.entrySet()) {
            String id = e.getKey();
            assertThat(recorded.get(id)).as("ActivityRecorded of %s", id).isEqualTo(1);
            assertThat(corrected.getOrDefault(id, 0)).as("ActivityCorrected of %s", id)
                    .isEqualTo(e.getValue().corrections);
            assertThat(retracted.getOrDefault(id, 0)).as("ActivityRetracted of %s", id)
                    .isEqualTo(e.getValue().retracted ? 1 : 0);
        }

        long sessions = expected.values().stream().filter(e -> !e.retracted).count();
        long participations = expected.values().stream().filter(e -> !e.retracted)
                .mapToLong(e -> e.participations).sum();
        long position = head;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            HttpResponse<String> r = send("GET", "/api/campaigns/" + CAMPAIGN + "/progress?minPosition=" + position,
                    null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            Map<?, ?> body = JSON.readValue(r.body(), Map.class);
            Map<?, ?> totals = (Map<?, ?>) body.get("totals");
            assertThat(body.get("status")).isEqualTo("CLOSED");
            assertThat(((Number) totals.get("sessions")).longValue()).isEqualTo(sessions);
            assertThat(((Number) totals.get("participations")).longValue()).isEqualTo(participations);
        });
        System.out.printf("CloseRaceTest: %d clients, %d commands accepted (%d activities recorded, %d corrections, "
                        + "%d retractions), %d refused after the close; CampaignClosed at %d, last activity event at %d;"
                        + " read model sessions %d, participations %d%n",
                THREADS, accepted.get(), recorded.size(), corrected.values().stream().mapToInt(x -> x).sum(),
                retracted.size(), refusedAfterClose.get(), closedAt, lastActivityPosition, sessions,
                participations);
    }

    /** 2xx: accepted. 409 (closed): the client stops. Anything else fails the test. */
    private static boolean accepted(int status, AtomicInteger refused, AtomicInteger accepted, CountDownLatch acks) {
        if (status / 100 == 2) {
            accepted.incrementAndGet();
            acks.countDown();
            return true;
        }
        assertThat(status).as("refusal status").isEqualTo(409);
        refused.incrementAndGet();
        return false;
    }

    private static Map<String, Object> activity(String id, int participations, String reason) {
        Map<String, Object> body = new HashMap<>();
        if (reason == null) {
            body.put("activityId", id);
            body.put("unitId", "race-suo");
        } else {
            body.put("reason", reason);
        }
        body.put("date", TODAY.toString());
        body.put("title", "路口文明引导");
        body.put("category", "文明交通");
        body.put("site", "学院路与成府路路口");
        body.put("sessions", 1);
        body.put("participations", participations);
        body.put("serviceHours", 2.0);
        body.put("beneficiaries", 100);
        body.put("notes", "");
        return body;
    }

    /** One request as the coordinator (admin for reads); 503 (campaign busy, nothing changed) is retried. */
    private HttpResponse<String> send(String method, String path, Object body) throws Exception {
        while (true) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", method.equals("GET") ? ProductProcess.ADMIN_BASIC
                            : ProductProcess.COORDINATOR_BASIC);
            if (body != null) {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 503 || method.equals("GET")) {
                return r;
            }
        }
    }

    private static void expect2xx(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("answer %s", response.body()).isBetween(200, 299);
    }
}
