package com.campaigntracker.query;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The query side alone (its exec jar) serves its projection metrics at /actuator/prometheus, to admins only. */
class MetricsIT extends QueryIntegrationTest {

    @Test
    void projectionSeriesAreScrapedByAnAdminOnly() {
        assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .GET().build()).status()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> scrape = http.send(request("/actuator/prometheus").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            String body = scrape.body();
            assertThat(body).contains("tracker_projection_lag_events{processor=\"tracker-projections\",segment=\"0\"}",
                    "tracker_projection_lag_seconds{processor=\"tracker-projections\",segment=\"0\"}",
                    "tracker_projection_dead_letters{processor=\"tracker-projections\"}",
                    "tracker_projection_rebuild_progress", "tracker_http_problems_total");
        });
    }
}
