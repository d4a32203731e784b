package com.campaigntracker.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator meets first (README "Metrics"): {@code /actuator/prometheus} with Axon's and the product's series,
 * readable by ADMIN and MONITOR only, every series the Grafana dashboard queries; an unknown API path answers a
 * Chinese problem+json 404; {@code /favicon.ico} answers without signing in.
 */
// Spring Boot tests export no metrics unless asked: the Prometheus endpoint is under test
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = TrackerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tracker.metrics.lag-refresh=200ms")
class OperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MONITOR = ProductProcess.basic("monitor", "monitor-pw");
    private static final String LEADER = ProductProcess.basic("leader", "leader-pw");
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("operations-").toString();
        registry.add("tracker.data-dir", () -> dir);
        ProductProcess.registerAccounts(registry);
        registry.add("tracker.security.users[3].username", () -> "monitor");
        registry.add("tracker.security.users[3].password", () -> "{noop}monitor-pw");
        registry.add("tracker.security.users[3].roles", () -> "MONITOR");
    }

    @LocalServerPort
    int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void prometheusExposesTheNamedSeriesToAdminAndMonitorOnly() throws Exception {
        String unit = "ops-suo";
        assertThat(send("POST", "/api/units", ProductProcess.COORDINATOR_BASIC, """
                {"unitId": "ops-center", "name": "海淀区新时代文明实践中心", "type": "实践中心", "district": "海淀区"}""")
                .statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/units", ProductProcess.COORDINATOR_BASIC, """
                {"unitId": "%s", "name": "学院路街道实践所", "type": "实践所", "district": "海淀区",
                 "parentUnitId": "ops-center"}""".formatted(unit)).statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/campaigns", ProductProcess.COORDINATOR_BASIC, """
                {"campaignId": "ops-c", "title": "爱国卫生月", "startDate": "%s", "endDate": "%s"}"""
                .formatted(TODAY.minusDays(3), TODAY.plusDays(30))).statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/campaigns/ops-c/enrollments", ProductProcess.COORDINATOR_BASIC, """
                {"unitId": "%s"}""".formatted(unit)).statusCode()).isEqualTo(201);
        HttpResponse<String> refused = send("POST", "/api/campaigns", ProductProcess.COORDINATOR_BASIC, """
                {"campaignId": "ops-c", "title": "重复", "startDate": "%s", "endDate": "%s"}"""
                .formatted(TODAY, TODAY));
        assertThat(refused.statusCode()).isEqualTo(409);

        // Who may scrape: ADMIN and MONITOR; anyone else is refused with problem+json, and MONITOR reads nothing else.
        HttpResponse<String> anonymous = send("GET", "/actuator/prometheus", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        for (String other : new String[]{ProductProcess.COORDINATOR_BASIC, LEADER}) {
            HttpResponse<String> forbidden = send("GET", "/actuator/prometheus", other, null);
            assertThat(forbidden.statusCode()).isEqualTo(403);
            assertThat(forbidden.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
        }
        assertThat(send("GET", "/api/campaigns", MONITOR, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/units/" + unit, MONITOR, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/actuator/prometheus", ProductProcess.ADMIN_BASIC, null).statusCode()).isEqualTo(200);

        String[] series = {
                "tracker_events_appended_total 4.0",
                "tracker_eventstore_group_commit_size_appends_count",
                "tracker_eventstore_group_commit_wait_seconds_bucket",
                "tracker_projection_lag_events{processor=\"tracker-projections\",segment=\"0\"}",
                "tracker_projection_lag_seconds{processor=\"tracker-projections\",segment=\"0\"}",
                "tracker_projection_dead_letters{processor=\"tracker-projections\"} 0.0",
                "tracker_projection_rebuild_progress 1.0",
                "tracker_http_problems_total{status=\"409\",type=\"https://campaign-tracker/problems/campaign-already-exists\"} 1.0",
                "tracker_http_problems_total{status=\"401\",type=\"https://campaign-tracker/problems/unauthenticated\"}",
                "tracker_http_problems_total{status=\"403\",type=\"https://campaign-tracker/problems/forbidden\"}",
                "commandBus_successCounter_total{payloadType=\"LaunchCampaign\"} 1.0",
                "commandBus_successTimer_seconds_count{payloadType=\"EnrollUnit\"} 1",
                "eventProcessor_processedCounter_total{payloadType=\"UnitEnrolled\",processorName=\"tracker-projections\"} 1.0",
                "eventProcessor_latency{processorName=\"tracker-projections\"}"};
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> scrape = send("GET", "/actuator/prometheus", MONITOR, null);
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/plain"));
            assertThat(scrape.body()).contains(series);
            assertThat(scrape.body()).containsPattern(
                    "tracker_projection_lag_events\\{processor=\"tracker-projections\",segment=\"\\d\"} 0\\.0");
        });

        // Every series the Grafana dashboard (deploy/) queries is one this product exposes.
        String scrape = send("GET", "/actuator/prometheus", MONITOR, null).body();
        Set<String> exposed = new TreeSet<>();
        Matcher name = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(scrape);
        while (name.find()) {
            exposed.add(name.group(1));
        }
        JsonNode dashboard = JSON.readTree(Path.of("..", "deploy", "grafana", "dashboards", "campaign-tracker.json")
                .toFile());
        Set<String> queried = new TreeSet<>();
        Pattern metric = Pattern.compile("\\b((?:tracker|commandBus|eventProcessor)_[a-zA-Z0-9_]+)");
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = metric.matcher(target.path("expr").asText());
                while (m.find()) {
                    queried.add(m.group(1));
                }
            }
        }
        assertThat(queried).hasSizeGreaterThanOrEqualTo(8);
        assertThat(exposed).containsAll(queried);
    }

    @Test
    void unknownApiPathIsAChineseProblem404() throws Exception {
        for (String method : new String[]{"GET", "POST"}) {
            HttpResponse<String> r = send(method, "/api/no-such-thing", ProductProcess.ADMIN_BASIC,
                    method.equals("POST") ? "{}" : null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(r.body());
            assertThat(problem.path("type").asText()).isEqualTo("https://campaign-tracker/problems/unknown-path");
            assertThat(problem.path("detail").asText()).containsPattern("\\p{IsHan}").contains("/api/no-such-thing")
                    .doesNotContain("No static resource");
        }
    }

    @Test
    void faviconAnswersWithoutSigningIn() throws Exception {
        HttpResponse<byte[]> icon = http.send(HttpRequest.newBuilder(URI.create(base() + "/favicon.ico")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValue("image/x-icon");
        assertThat(icon.body()).startsWith(new byte[]{0, 0, 1, 0}); // ICO header: reserved 0, type 1 (icon)
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> send(String method, String path, String auth, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
