package com.campaigntracker.command.api;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The command side alone (its exec jar) serves /actuator/prometheus to MONITOR, not to a coordinator. */
class MetricsApiTest extends ApiTestSupport {
    private static final String MONITOR = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("monitor:monitor-pw".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    @org.springframework.beans.factory.annotation.Autowired
    private org.axonframework.micrometer.GlobalMetricRegistry axonMetrics;

    @Test
    void monitorScrapesCommandMetricsAndACoordinatorMayNot() throws Exception {
        registerUnit(id("m"), "实践中心", "海淀区", null);

        assertProblem(get("/actuator/prometheus"), 403, "forbidden");
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", MONITOR).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("tracker_events_appended_total",
                "commandBus_successCounter_total{payloadType=\"RegisterUnit\"}",
                "tracker_http_problems_total{status=\"403\",type=\"https://campaign-tracker/problems/forbidden\"}",
                "tracker_eventstore_group_commit_wait_seconds_count", "commandBus_capacity{payloadType=\"RegisterUnit\"}");
        // Axon's own registry would keep every command's measurement for ten minutes (BoundedMetricRegistry)
        assertThat(axonMetrics).isInstanceOf(com.campaigntracker.eventstore.BoundedMetricRegistry.class);
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/units")).header("Authorization", MONITOR)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }
}
