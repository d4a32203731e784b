package com.campaigntracker.command.api;

import com.campaigntracker.commandapp.CommandSideApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Spring context (command side alone, embedded store in a fresh temporary directory) shared by every API
 * test class: they all extend this class and so share the context cache key.
 */
// Spring Boot tests export no metrics unless asked: the Prometheus endpoint is under test
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = CommandSideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTestSupport {
    static final Path DATA_DIR;
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    /** The unit of the UNIT account {@code import-unit} (registered by the tests that use it). */
    static final String IMPORT_UNIT = "import-suo-" + UUID.randomUUID().toString().substring(0, 8);
    /** The units of the UNIT accounts {@code svc-suo}, {@code svc-zhan}, {@code svc-team} (service orders). */
    static final String SVC_SUO = "svc-suo-" + UUID.randomUUID().toString().substring(0, 8);
    static final String SVC_ZHAN = "svc-zhan-" + UUID.randomUUID().toString().substring(0, 8);
    static final String SVC_TEAM = "svc-team-" + UUID.randomUUID().toString().substring(0, 8);

    static {
        try {
            DATA_DIR = Files.createTempDirectory("command-api-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", DATA_DIR::toString);
        registry.add("tracker.command.campaign-snapshot-threshold", () -> "5");
        registry.add("tracker.security.users[0].username", () -> "coordinator");
        registry.add("tracker.security.users[0].password", () -> "{noop}coord-pw");
        registry.add("tracker.security.users[0].roles", () -> "COORDINATOR");
        registry.add("tracker.security.users[1].username", () -> "monitor");
        registry.add("tracker.security.users[1].password", () -> "{noop}monitor-pw");
        registry.add("tracker.security.users[1].roles", () -> "MONITOR");
        registry.add("tracker.security.users[2].username", () -> "hd-leader");
        registry.add("tracker.security.users[2].password", () -> "{noop}leader-pw");
        registry.add("tracker.security.users[2].roles", () -> "LEADER");
        registry.add("tracker.security.users[2].district", () -> "海淀区");
        registry.add("tracker.security.users[3].username", () -> "import-unit");
        registry.add("tracker.security.users[3].password", () -> "{noop}unit-pw");
        registry.add("tracker.security.users[3].roles", () -> "UNIT");
        registry.add("tracker.security.users[3].unit", () -> IMPORT_UNIT);
        String[][] serviceAccounts = {{"svc-suo", SVC_SUO}, {"svc-zhan", SVC_ZHAN}, {"svc-team", SVC_TEAM}};
        for (int i = 0; i < serviceAccounts.length; i++) {
            String[] a = serviceAccounts[i];
            String prefix = "tracker.security.users[" + (4 + i) + "].";
            registry.add(prefix + "username", () -> a[0]);
            registry.add(prefix + "password", () -> "{noop}" + a[0] + "-pw");
            registry.add(prefix + "roles", () -> "UNIT");
            registry.add(prefix + "unit", () -> a[1]);
        }
        registry.add("tracker.briefing.offices[0].key", () -> "shoudu");
        registry.add("tracker.briefing.offices[0].total-issue-base", () -> "2149");
        registry.add("tracker.briefing.offices[1].key", () -> "haidian");
        registry.add("tracker.briefing.offices[1].district", () -> "海淀区");
    }

    protected static final ObjectMapper JSON = new ObjectMapper();
    static final String COORDINATOR = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("coordinator:coord-pw".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @LocalServerPort
    int port;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    EventStore eventStore;

    record Answer(int status, String contentType, String location, JsonNode body, String raw) {
        String type() {
            return body.path("type").asText();
        }

        String detail() {
            return body.path("detail").asText();
        }
    }

    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Answer post(String path, String body) {
        return send("POST", path, body);
    }

    Answer put(String path, String body) {
        return send("PUT", path, body);
    }

    Answer delete(String path) {
        return send("DELETE", path, null);
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer send(String method, String path, String body) {
        return send(method, path, body, "application/json");
    }

    Answer send(String method, String path, String body, String contentType) {
        return sendAs(COORDINATOR, method, path, body, contentType);
    }

    /** HTTP Basic of an account whose password is its name + {@code -pw}. */
    static String basic(String username) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((username + ":" + username + "-pw")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    Answer sendAs(String authorization, String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization);
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode json;
            try {
                json = raw == null || raw.isBlank() ? JSON.nullNode() : JSON.readTree(raw);
            } catch (IOException notJson) {
                json = JSON.nullNode();
            }
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), json, raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every event in the store, in the store's global order. */
    long eventCount() {
        try (Stream<? extends org.axonframework.eventhandling.TrackedEventMessage<?>> events =
                     storageEngine.readEvents(null, false)) {
            return events.count();
        }
    }

    List<DomainEventMessage<?>> stream(String streamId) {
        return eventStore.readEvents(streamId, 0).asStream().<DomainEventMessage<?>>map(e -> e).toList();
    }

    List<Object> payloads(String streamId) {
        return stream(streamId).stream().map(e -> (Object) e.getPayload()).toList();
    }

    static Answer assertAccepted(Answer answer, int status) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        return answer;
    }

    static Answer assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.type()).isEqualTo("https://campaign-tracker/problems/" + type);
        assertThat(answer.body().path("status").asInt()).isEqualTo(status);
        assertThat(answer.body().path("title").asText()).isNotBlank();
        assertThat(answer.detail()).as("a Chinese detail").containsPattern("\\p{IsHan}");
        assertThat(answer.raw()).doesNotContain("Exception").doesNotContain("\tat ");
        return answer;
    }

    /** Sends a request that must be refused with the given status and type, and must change nothing. */
    Answer assertRejected(int status, String type, String method, String path, String body) {
        return assertRejectedAs(COORDINATOR, status, type, method, path, body);
    }

    Answer assertRejectedAs(String authorization, int status, String type, String method, String path,
                            String body) {
        long before = eventCount();
        Answer answer = sendAs(authorization, method, path, body, "application/json");
        assertProblem(answer, status, type);
        assertThat(eventCount()).as("events after a refused command").isEqualTo(before);
        return answer;
    }

    // ---- small builders of valid requests

    String registerUnit(String unitId, String type, String district, String parentUnitId) {
        Answer answer = post("/api/units", """
                {"unitId": "%s", "name": "单位 %s", "type": "%s", "district": "%s", "parentUnitId": %s}
                """.formatted(unitId, unitId, type, district, parentUnitId == null ? "null" : "\"" + parentUnitId + "\""));
        assertAccepted(answer, 201);
        return unitId;
    }

    String launchCampaign(String campaignId, String district, LocalDate start, LocalDate end) {
        Answer answer = post("/api/campaigns", """
                {"id": "%s", "title": "文明路口引导行动", "theme": "百日大战", "description": "122 个主要路口",
                 "district": %s, "eligibleUnitTypes": ["实践所", "实践站", "志愿服务队"],
                 "startDate": "%s", "endDate": "%s",
                 "targets": {"sessions": 600, "participations": 30000, "serviceHours": 1000.5,
                             "beneficiaries": 80000, "enrolledUnits": 25}}
                """.formatted(campaignId, district == null ? "null" : "\"" + district + "\"", start, end));
        assertAccepted(answer, 201);
        return campaignId;
    }

    void enroll(String campaignId, String unitId) {
        assertAccepted(post("/api/campaigns/" + campaignId + "/enrollments", """
                {"unitId": "%s"}""".formatted(unitId)), 201);
    }

    static String activity(String activityId, String unitId, LocalDate date, int sessions) {
        return """
                {"activityId": "%s", "unitId": "%s", "date": "%s", "title": "消杀任务", "category": "疫情防控",
                 "site": "密云区各社区", "sessions": %d, "participations": 460, "serviceHours": 460.5,
                 "beneficiaries": 85300, "notes": "出队"}""".formatted(activityId, unitId, date, sessions);
    }
}
