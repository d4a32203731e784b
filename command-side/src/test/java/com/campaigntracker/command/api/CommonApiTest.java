package com.campaigntracker.command.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommonApiTest extends ApiTestSupport {

    @Test
    void theOpenApiDocumentDescribesEveryCommandEndpoint() {
        Answer docs = get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").fieldNames()).toIterable().contains(
                "/api/units", "/api/units/{unitId}/rename", "/api/units/{unitId}/deactivate",
                "/api/campaigns", "/api/campaigns/{campaignId}/revise", "/api/campaigns/{campaignId}/extend",
                "/api/campaigns/{campaignId}/close", "/api/campaigns/{campaignId}/cancel",
                "/api/campaigns/{campaignId}/enrollments", "/api/campaigns/{campaignId}/enrollments/{unitId}",
                "/api/campaigns/{campaignId}/activities", "/api/campaigns/{campaignId}/activities/{activityId}");
        assertThat(docs.body().path("paths").path("/api/campaigns/{campaignId}/activities/{activityId}")
                .fieldNames()).toIterable().containsExactlyInAnyOrder("put", "delete");
    }

    @Test
    void unitsAndCampaignsShareOneIdSpaceWithoutMixingUp() {
        String shared = id("shared");
        registerUnit(shared, "实践中心", "延庆区", null);
        assertRejected(409, "campaign-already-exists", "POST", "/api/campaigns", """
                {"id": "%s", "title": "t", "startDate": "%s", "endDate": "%s"}""".formatted(shared, TODAY, TODAY));
        assertRejected(404, "campaign-not-found", "POST", "/api/campaigns/" + shared + "/close", null);
        String campaign = launchCampaign(id("camp"), null, TODAY, TODAY);
        assertRejected(404, "unit-not-found", "POST", "/api/units/" + campaign + "/rename", """
                {"name": "n"}""");
        assertRejected(409, "unit-already-registered", "POST", "/api/units", """
                {"unitId": "%s", "name": "n", "type": "实践中心", "district": "延庆区"}""".formatted(campaign));
    }

    @Test
    void swaggerUiIsServed() {
        Answer ui = get("/swagger-ui.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.raw()).contains("Swagger UI");
    }

    @Test
    void unknownPathsAndMethodsAreProblemJson() {
        Answer unknown = send("POST", "/api/nothing-here", "{}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        Answer method = send("PATCH", "/api/units", "{}");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.contentType()).startsWith("application/problem+json");
    }
}
