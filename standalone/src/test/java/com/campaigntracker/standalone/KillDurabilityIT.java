package com.campaigntracker.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 2xx means the event is on disk: kill -9 the product while clients are recording activities, restart it on
 * the same data directory, and every acknowledged activity is there exactly once — also after the clients
 * retry everything they sent. A rebuild cut short by kill -9 is started again at the next start, and no read
 * serves its half-built view in the meantime.
 */
class KillDurabilityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String CAMPAIGN = "kill-campaign";
    private static final int CLIENTS = 4;
    private static final int ACKS_BEFORE_KILL = 400;
    private static final java.util.regex.Pattern ACTIVITY_ID =
            java.util.regex.Pattern.compile("\"activityId\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void everyAcknowledgedActivitySurvivesKillMinusNineAndRetriesNeverDuplicate() throws Exception {
        Path dataDir = ProductProcess.tempDataDir();
        int httpPort = ProductProcess.freePort();
        int mongoPort = ProductProcess.freePort();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> attempted = ConcurrentHashMap.newKeySet();
        try (ProductProcess product = ProductProcess.start(dataDir, httpPort, mongoPort, ProductProcess.accountArgs())) {
            String base = product.baseUrl();
            expect2xx(post(base + "/api/units", Map.of("unitId", "kill-center", "name", "海淀区新时代文明实践中心",
                    "type", "实践中心", "district", "海淀区")));
            expect2xx(post(base + "/api/units", Map.of("unitId", "kill-suo", "name", "学院路街道新时代文明实践所",
                    "type", "实践所", "district", "海淀区", "parentUnitId", "kill-center")));
            Map<String, Object> campaign = new HashMap<>();
            campaign.put("id", CAMPAIGN);
            campaign.put("title", "爱国卫生月");
            campaign.put("theme", "爱国卫生");
            campaign.put("description", "清洁家园");
            campaign.put("district", "海淀区");
            campaign.put("eligibleUnitTypes", List.of("实践所"));
            campaign.put("startDate", today.minusDays(10).toString());
            campaign.put("endDate", today.plusDays(30).toString());
            campaign.put("targets", Map.of("sessions", 1000));
            expect2xx(post(base + "/api/campaigns", campaign));
            expect2xx(post(base + "/api/campaigns/" + CAMPAIGN + "/enrollments", Map.of("unitId", "kill-suo")));

            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch enoughAcks = new CountDownLatch(ACKS_BEFORE_KILL);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Thread thread = new Thread(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String id = String.format("kill-c%d-%06d", client, i);
                        attempted.add(id);
                        try {
                            HttpResponse<String> r = post(base + "/api/campaigns/" + CAMPAIGN + "/activities",
                                    activity(id, today));
                            if (r.statusCode() / 100 == 2) {
                                acknowledged.add(id);
                                enoughAcks.countDown();
                            }
                        } catch (Exception connectionLost) {
                            return;
                        }
                    }
                });
                thread.start();
                clients.add(thread);
            }
            enoughAcks.await();
            product.kill();
            stop.set(true);
            for (Thread t : clients) {
                t.join();
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        Map<?, ?> live;
        long head;
        long expectedSessions = attempted.size();
        long expectedParticipations = 12L * attempted.size();
        try (ProductProcess restarted = ProductProcess.start(dataDir, httpPort, mongoPort, ProductProcess.accountArgs());
             MongoClient mongo = MongoClients.create(restarted.mongoUri())) {
            Map<String, Integer> recorded = recordedActivityCounts(mongo);
            for (String id : acknowledged) {
                assertThat(recorded.getOrDefault(id, 0)).as("acknowledged activity %s after kill -9", id).isEqualTo(1);
            }

            // Clients retry everything they sent, acknowledged or not: no duplicate may appear.
            for (String id : attempted) {
                expect2xx(post(restarted.baseUrl() + "/api/campaigns/" + CAMPAIGN + "/activities", activity(id, today)));
            }
            Map<String, Integer> afterRetry = recordedActivityCounts(mongo);
            for (String id : attempted) {
                assertThat(afterRetry.get(id)).as("activity %s after retry", id).isEqualTo(1);
            }
            assertThat(afterRetry.keySet()).containsExactlyInAnyOrderElementsOf(attempted);
            System.out.printf("KillDurabilityIT: attempted %d, acknowledged before kill -9 %d, acknowledged found "
                            + "exactly once after restart %d, distinct activities after retries %d%n",
                    attempted.size(), acknowledged.size(),
                    acknowledged.stream().filter(id -> recorded.getOrDefault(id, 0) == 1).count(),
                    afterRetry.size());

            // Projections converge: the live read model, then a full rebuild, give the sums of all activities.
            head = headPosition(mongo);
            live = awaitTotals(restarted.baseUrl(), head, expectedSessions, expectedParticipations);
            System.out.printf("KillDurabilityIT: head %d, live read model totals %s%n", head, live);

            expect2xx(rebuild(restarted.baseUrl()));
            Map<?, ?> rebuilt = awaitTotals(restarted.baseUrl(), head, expectedSessions, expectedParticipations);
            System.out.printf("KillDurabilityIT: after full rebuild totals %s%n", rebuilt);
            assertThat(rebuilt).isEqualTo(live);

            restarted.kill();
        }

        // What a kill -9 in the middle of a rebuild leaves behind, made exactly (a real kill would land before,
        // in or after the replay depending on the machine's speed): the rebuild's marker and a read model the
        // replay has not finished (here the campaign's own document is not yet rebuilt).
        try (ProductProcess store = ProductProcess.startStore(dataDir, mongoPort);
             MongoClient mongo = MongoClients.create(store.mongoUri())) {
            var db = mongo.getDatabase("campaign_tracker");
            db.getCollection(com.campaigntracker.query.admin.ReadModelVersion.COLLECTION).insertOne(
                    new Document("_id", com.campaigntracker.query.admin.ProjectionMonitor.REBUILD_MARKER)
                            .append("head", head));
            assertThat(db.getCollection("rm_campaigns").deleteOne(new Document("_id", CAMPAIGN))
                    .getDeletedCount()).isEqualTo(1);
        }

        // The next start finds the rebuild unfinished and starts it again; meanwhile every read answers 503
        // (rebuilding) and never the half-built view as if it were complete.
        try (ProductProcess again = ProductProcess.start(dataDir, httpPort, mongoPort, ProductProcess.accountArgs())) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(again.baseUrl()
                                                + "/api/campaigns/" + CAMPAIGN + "/progress?minPosition=" + head))
                                        .timeout(Duration.ofSeconds(30))
                                        .header("Authorization", ProductProcess.ADMIN_BASIC).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 503) {
                            return false;
                        }
                        assertThat(r.statusCode()).as("progress answer %s", r.body()).isEqualTo(200);
                        assertThat(JSON.readValue(r.body(), Map.class).get("totals"))
                                .as("a view served while the interrupted rebuild runs again").isEqualTo(live);
                        return true;
                    });
            assertThat(java.nio.file.Files.readString(again.log)).contains("上次读模型重建未完成");
        }
    }

    private static HttpResponse<String> rebuild(String base) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/projections/rebuild"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", ProductProcess.ADMIN_BASIC)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until the progress screen, read at least at position {@code head}, shows the expected totals. */
    private static Map<?, ?> awaitTotals(String base, long head, long sessions, long participations) {
        java.util.concurrent.atomic.AtomicReference<Map<?, ?>> last = new java.util.concurrent.atomic.AtomicReference<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/campaigns/"
                                            + CAMPAIGN + "/progress?minPosition=" + head))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Authorization", ProductProcess.ADMIN_BASIC).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as("progress answer %s", r.body()).isEqualTo(200);
                    assertThat(r.headers().firstValue("X-Projection-Caught-Up")).contains("true");
                    Map<?, ?> totals = (Map<?, ?>) JSON.readValue(r.body(), Map.class).get("totals");
                    last.set(totals);
                    assertThat(((Number) totals.get("sessions")).longValue()).isEqualTo(sessions);
                    assertThat(((Number) totals.get("participations")).longValue()).isEqualTo(participations);
                });
        return last.get();
    }

    /** Global position of the last stored event. */
    private static long headPosition(MongoClient mongo) {
        Document last = mongo.getDatabase("campaign_tracker").getCollection("events").find()
                .sort(new Document("_id", -1)).limit(1).first();
        assertThat(last).isNotNull();
        return ((Number) last.get("_id")).longValue();
    }

    private static Map<String, Object> activity(String id, LocalDate date) {
        Map<String, Object> body = new HashMap<>();
        body.put("activityId", id);
        body.put("unitId", "kill-suo");
        body.put("date", date.toString());
        body.put("title", "社区环境清洁");
        body.put("category", "爱国卫生");
        body.put("site", "学院路街道");
        body.put("sessions", 1);
        body.put("participations", 12);
        body.put("serviceHours", 24.5);
        body.put("beneficiaries", 300);
        body.put("notes", "");
        return body;
    }

    /** Activity id → number of ActivityRecorded events for it, read straight from the event collection. */
    private static Map<String, Integer> recordedActivityCounts(MongoClient mongo) {
        Map<String, Integer> counts = new HashMap<>();
        for (Document doc : mongo.getDatabase("campaign_tracker").getCollection("events").find()) {
            String json = doc.toJson();
            if (!json.contains("ActivityRecorded")) {
                continue;
            }
            java.util.regex.Matcher m = ACTIVITY_ID.matcher(json);
            if (m.find()) {
                counts.merge(m.group(1), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static HttpResponse<String> post(String url, Object body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Authorization", ProductProcess.COORDINATOR_BASIC)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void expect2xx(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("answer %s", response.body()).isBetween(200, 299);
    }
}
