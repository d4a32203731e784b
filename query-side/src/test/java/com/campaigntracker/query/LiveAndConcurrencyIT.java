package com.campaigntracker.query;

import java.time.LocalDate;
import com.campaigntracker.shared.campaign.Targets;
import com.campaigntracker.shared.unit.UnitType;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static com.campaigntracker.query.EventFeed.at;
import static com.campaigntracker.query.Scenario.f;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LiveAndConcurrencyIT extends QueryIntegrationTest {

    @Test
    void progressStreamPushesEveryChange() throws Exception {
        Scenario s = new Scenario(feed);
        String c = uid("live");
        String u = uid("st");
        s.unit(u, "站", UnitType.PRACTICE_STATION, "石景山区", null, at("2025-06-01", 9))
                .launch(c, "t", "t", null, "2025-07-01", "2025-07-31", new Targets(10L, null, null, null, null),
                        at("2025-06-30", 9))
                .enrol(c, u, at("2025-07-01", 9));
        clock.set(LocalDate.parse("2025-07-10"));
        get("/api/campaigns/" + c + "/progress"); // caught up

        List<JsonNode> updates = new CopyOnWriteArrayList<>();
        HttpRequest request = request("/api/campaigns/" + c
                + "/progress/stream").header("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> response = http.sendAsync(request,
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> r = response.get();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = new Thread(() -> {
            try {
                r.body().forEach(line -> {
                    if (line.startsWith("data:")) {
                        try {
                            updates.add(JSON.readTree(line.substring(5)));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
            } catch (java.io.UncheckedIOException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> updates.size() >= 1);
        assertThat(updates.get(0).at("/metrics/sessions/total").asLong()).isZero();

        s.record(c, "l1", u, "2025-07-05", "宣讲", f(4, 1, 1, 1), at("2025-07-05", 9));
        await().atMost(Duration.ofSeconds(10)).until(() -> last(updates).at("/metrics/sessions/total").asLong() == 4);
        s.record(c, "l2", u, "2025-07-06", "宣讲", f(6, 1, 1, 1), at("2025-07-06", 9));
        await().atMost(Duration.ofSeconds(10)).until(() -> last(updates).at("/metrics/sessions/total").asLong() == 10);

        assertThat(updates.size()).isGreaterThanOrEqualTo(3);
        assertThat(last(updates).get("pacing").asText()).isEqualTo("DONE");
        assertThat(last(updates).get("campaignId").asText()).isEqualTo(c);
        assertThat(last(updates).get("rebuilding").asBoolean()).isFalse();
        r.body().close();
    }

    @org.springframework.beans.factory.annotation.Autowired
    com.campaigntracker.eventstore.TrackerMongo mongo;

    /**
     * Another query replica projects a campaign whose segment it owns: this JVM's batches never see the change,
     * only the shared read model does. The stream must push it anyway (poll of the campaign document).
     */
    @Test
    void progressStreamPushesChangesProjectedByAnotherReplica() throws Exception {
        Scenario s = new Scenario(feed);
        String c = uid("live-x");
        s.launch(c, "原标题", "t", null, "2025-07-01", "2025-07-31", null, at("2025-06-30", 9));
        clock.set(LocalDate.parse("2025-07-10"));
        get("/api/campaigns/" + c + "/progress"); // caught up

        List<JsonNode> updates = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> r = http.send(request("/api/campaigns/" + c + "/progress/stream")
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try {
                r.body().forEach(line -> {
                    if (line.startsWith("data:")) {
                        try {
                            updates.add(JSON.readTree(line.substring(5)));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
            } catch (java.io.UncheckedIOException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> updates.size() >= 1);
        assertThat(last(updates).get("title").asText()).isEqualTo("原标题");

        // what another replica's projection batch does: rewrite the campaign document in the shared store
        mongo.database().getCollection(com.campaigntracker.query.campaigns.CampaignProjection.CAMPAIGNS.name())
                .updateOne(new org.bson.Document("_id", c),
                        new org.bson.Document("$set", new org.bson.Document("title", "其他实例投影的标题")));

        await().atMost(Duration.ofSeconds(10)).until(() -> "其他实例投影的标题".equals(last(updates).path("title").asText()));
        assertThat(last(updates).get("campaignId").asText()).isEqualTo(c);
        // put the document back as the events made it (the rebuild test compares the whole read model)
        mongo.database().getCollection(com.campaigntracker.query.campaigns.CampaignProjection.CAMPAIGNS.name())
                .updateOne(new org.bson.Document("_id", c),
                        new org.bson.Document("$set", new org.bson.Document("title", "原标题")));
        await().atMost(Duration.ofSeconds(10)).until(() -> "原标题".equals(last(updates).path("title").asText()));
        r.body().close();
    }

    @Test
    void eventsAppendedConcurrentlyAreAllProjectedExactlyOnce() throws Exception {
        Scenario s = new Scenario(feed);
        String c = uid("conc");
        String c2 = uid("conc");
        List<String> units = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String u = uid("st");
            units.add(u);
            s.unit(u, "站" + i, UnitType.PRACTICE_STATION, "房山区", null, at("2025-06-01", 9));
        }
        s.launch(c, "t", "t", null, "2025-07-01", "2025-07-31", null, at("2025-06-30", 9))
                .launch(c2, "t", "t", null, "2025-07-01", "2025-07-31", null, at("2025-06-30", 9));
        int threads = 6;
        int perThread = 60;
        for (String u : units) {
            s.enrol(c, u, at("2025-07-01", 9)); // one campaign stream: appended in order, as its aggregate would
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                String u = units.get(thread);
                for (int i = 0; i < perThread; i++) {
                    String campaign = i % 3 == 0 ? c2 : c;
                    s.record(campaign, "t" + thread + "-" + i, u, "2025-07-02", "宣讲", f(1, 2, 0.5, 3),
                            at("2025-07-02", 9));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();

        JsonNode p = get("/api/campaigns/" + c + "/progress").body();
        JsonNode p2 = get("/api/campaigns/" + c2 + "/progress").body();
        long inC = threads * (perThread - perThread / 3);
        long inC2 = threads * (perThread / 3);
        assertThat(p.at("/totals/activities").asLong()).isEqualTo(inC);
        assertThat(p.at("/metrics/sessions/total").asLong()).isEqualTo(inC);
        assertThat(p.at("/metrics/serviceHours/total").asDouble()).isEqualTo(inC * 0.5);
        assertThat(p.at("/metrics/enrolledUnits/total").asLong()).isEqualTo(threads);
        assertThat(p2.at("/totals/activities").asLong()).isEqualTo(inC2);
        // every event once in the audit trail: launch + 6 enrolments + the activities
        assertThat(get("/api/campaigns/" + c + "/history?size=1").body().get("total").asLong())
                .isEqualTo(1 + threads + inC);
        assertThat(get("/api/campaigns/" + c + "/activities?size=1").body().get("total").asLong()).isEqualTo(inC);
        for (String u : units) {
            assertThat(ProgressQueriesIT.node(p.get("leaderboard"), u).get("sessions").asLong())
                    .isEqualTo(perThread - perThread / 3);
        }
    }

    static JsonNode last(List<JsonNode> updates) {
        return updates.isEmpty() ? JSON.createObjectNode() : updates.get(updates.size() - 1);
    }
}
