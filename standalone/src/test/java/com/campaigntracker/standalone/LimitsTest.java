package com.campaigntracker.standalone;

import com.campaigntracker.eventstore.TrackerEventStorageEngine;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits of the README's "Limits" section, each with a real request: oversized bodies (413), saturated
 * expensive queries (429 with Retry-After; the concurrency is set to 0 here so saturation needs no timing), paging
 * bounds (400), oversized headers (refused by Tomcat, problem+json too), the public health probes — and nothing is
 * stored.
 */
@SpringBootTest(classes = TrackerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tracker.limits.expensive-query-concurrency=0")
class LimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("limits-").toString();
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
    TrackerEventStorageEngine engine;
    @Autowired
    Environment env;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void oversizedBodiesExpensiveQueryFloodsPagingAndHeadersAreBounded() throws Exception {
        long head = engine.headPosition();

        String big = JSON.writeValueAsString(Map.of("unitId", "big", "name", "大".repeat(100_000),
                "type", "实践所", "district", "海淀区"));
        assertThat(big.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(256 * 1024);
        HttpResponse<String> tooLarge = http.send(request("/api/units", ProductProcess.COORDINATOR_BASIC)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(tooLarge, 413);
        assertThat(tooLarge.body()).contains("超过上限 262144 字节");

        // Without a Content-Length (chunked) the body is read through a bounded stream: refused as well.
        byte[] bytes = big.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> chunked = http.send(request("/api/units", ProductProcess.COORDINATOR_BASIC)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isBetween(400, 499);
        assertThat(chunked.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        System.out.printf("LimitsTest: %d-byte body → %d (Content-Length), %d (chunked)%n", bytes.length,
                tooLarge.statusCode(), chunked.statusCode());

        HttpResponse<String> asOf = http.send(request("/api/campaigns/any/progress?asOf=2025-07-01",
                ProductProcess.ADMIN_BASIC).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(asOf, 429);
        assertThat(asOf.headers().firstValue("Retry-After")).contains("1");
        HttpResponse<String> scan = http.send(request("/api/campaigns/any/activities?category=%E5%AE%A3%E8%AE%B2",
                ProductProcess.ADMIN_BASIC).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(scan, 429);
        // Cheap reads are not throttled: an unknown campaign is simply not found.
        HttpResponse<String> cheap = http.send(request("/api/campaigns/any/progress", ProductProcess.ADMIN_BASIC)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(cheap, 404);

        HttpResponse<String> page = http.send(request("/api/units?size=100000", ProductProcess.ADMIN_BASIC)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isIn(200, 400);
        HttpResponse<String> ledgerPage = http.send(request("/api/campaigns/any/activities?size=201",
                ProductProcess.ADMIN_BASIC).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(ledgerPage, 400);

        HttpResponse<String> hugeHeader = http.send(request("/api/units", ProductProcess.ADMIN_BASIC)
                .header("X-Padding", "x".repeat(20_000)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(hugeHeader.statusCode()).isIn(400, 431);
        assertThat(hugeHeader.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        // liveness and readiness groups, public like /actuator/health
        for (String probe : java.util.List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + probe)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(probe).isEqualTo(200);
            assertThat(r.body()).as(probe).contains("UP");
        }

        assertThat(env.getProperty("server.tomcat.connection-timeout")).isEqualTo("20s");
        assertThat(env.getProperty("spring.mvc.async.request-timeout")).isEqualTo("30m");
        assertThat(engine.headPosition()).as("nothing stored by refused requests").isEqualTo(head);
    }

    @Test
    void aLiveProgressViewThatMustBeComputedCountsAgainstTheExpensiveQueryLimit() throws Exception {
        String launch = JSON.writeValueAsString(Map.of("campaignId", "limits-live", "title", "学雷锋志愿服务月",
                "district", "海淀区", "startDate", "2026-03-01", "endDate", "2026-03-31"));
        HttpResponse<String> launched = http.send(request("/api/campaigns", ProductProcess.COORDINATOR_BASIC)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(launch))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(launched.statusCode()).as(launched.body()).isBetween(200, 299);
        String position = JSON.readTree(launched.body()).path("position").asText();

        // the concurrency is 0 here: a view that is not in the cache cannot be computed
        HttpResponse<String> live = http.send(request("/api/campaigns/limits-live/progress?minPosition=" + position,
                ProductProcess.ADMIN_BASIC).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(live, 429);
        assertThat(live.headers().firstValue("Retry-After")).contains("1");
        assertThat(JSON.readTree(live.body()).path("type").asText()).endsWith("/too-many-expensive-queries");
    }

    private HttpRequest.Builder request(String path, String auth) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", auth);
    }

    private static void assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
