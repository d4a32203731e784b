package com.campaigntracker.standalone;

import com.campaigntracker.eventstore.TrackerMongo;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRecorded;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Schema evolution: {@code evolution/events-release-0x.jsonl} holds event documents exactly as release 0.x stored
 * them ({@link ActivityRecorded} with payload revision null, two of them with the old field {@code place}). Loaded
 * into a fresh store, a projection rebuild gives the right figures and the ledger shows the place as {@code site};
 * the command side reads the same upcast form (an identical re-report is recognised as a repeat).
 */
@SpringBootTest(classes = TrackerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SchemaEvolutionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CAMPAIGN = "sy-crossing-2025";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("schema-evolution-").toString();
        registry.add("tracker.data-dir", () -> dir);
        for (String a : ProductProcess.accountArgs()) {
            String kv = a.substring(2);
            int eq = kv.indexOf('=');
            registry.add(kv.substring(0, eq), () -> kv.substring(eq + 1));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    TrackerMongo mongo;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void eventsInTheOldStoredFormAreUpcastForProjectionsAndAggregates() throws Exception {
        List<Document> fixture = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/evolution/events-release-0x.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    fixture.add(Document.parse(line));
                }
            }
        }
        List<Document> old = fixture.stream()
                .filter(d -> d.getString("payloadType").equals(ActivityRecorded.class.getName())).toList();
        assertThat(old).hasSize(3).allSatisfy(d -> assertThat(d.get("payloadRevision")).isNull());
        assertThat(old).filteredOn(d -> ((Document) d.get("payload")).containsKey("place")).hasSize(2);

        mongo.database().getCollection("events").insertMany(fixture);
        long head = fixture.stream().mapToLong(d -> ((Number) d.get("_id")).longValue()).max().orElseThrow();
        mongo.database().getCollection("counters").updateOne(new Document("_id", "events"),
                Updates.max("seq", head), new UpdateOptions().upsert(true));

        HttpResponse<String> rebuild = send("POST", "/api/admin/projections/rebuild", null, ProductProcess.ADMIN_BASIC);
        assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            HttpResponse<String> r = send("GET", "/api/campaigns/" + CAMPAIGN + "/progress?minPosition=" + head,
                    null, ProductProcess.ADMIN_BASIC);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            @SuppressWarnings("unchecked")
            Map<String, Object> totals = (Map<String, Object>) JSON.readValue(r.body(), Map.class).get("totals");
            assertThat(totals).containsEntry("sessions", 6).containsEntry("participations", 70)
                    .containsEntry("serviceHours", 158.5).containsEntry("beneficiaries", 4300)
                    .containsEntry("activities", 3);
        });

        HttpResponse<String> ledger = send("GET", "/api/campaigns/" + CAMPAIGN + "/activities?size=50", null,
                ProductProcess.ADMIN_BASIC);
        assertThat(ledger.statusCode()).as(ledger.body()).isEqualTo(200);
        assertThat(ledger.body()).contains("\"site\":\"府前街与新顺南大街路口\"", "\"site\":\"站前街路口\"",
                "\"site\":\"光明南大街与裕龙街路口\"").doesNotContain("\"place\"");

        // The aggregate is sourced through the same upcaster: re-reporting act-1 with its site is a repeat (200).
        Map<String, Object> again = new HashMap<>();
        again.put("activityId", "act-1");
        again.put("unitId", "sy-shengli");
        again.put("date", "2025-06-12");
        again.put("title", "路口文明引导");
        again.put("category", "文明交通");
        again.put("site", "府前街与新顺南大街路口");
        again.put("sessions", 2);
        again.put("participations", 24);
        again.put("serviceHours", 48.0);
        again.put("beneficiaries", 1200);
        again.put("notes", "早晚高峰");
        HttpResponse<String> repeat = send("POST", "/api/campaigns/" + CAMPAIGN + "/activities", again,
                ProductProcess.COORDINATOR_BASIC);
        assertThat(repeat.statusCode()).as(repeat.body()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path, Object body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", auth);
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
