package com.campaigntracker.command.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One name for one thing: {@code POST /api/campaigns} takes {@code campaignId} and still accepts the deprecated
 * {@code id}; errors name the field as the request spelled it; the OpenAPI document marks the old name deprecated.
 */
class FieldNamesApiTest extends ApiTestSupport {
    private static final String PERIOD = "\"startDate\": \"%s\", \"endDate\": \"%s\"";

    private String launch(String idField, String id) {
        return """
                {"%s": %s, "title": "学雷锋志愿服务月", %s}""".formatted(idField, id,
                PERIOD.formatted(TODAY.minusDays(1), TODAY.plusDays(30)));
    }

    @Test
    void theNewAndTheDeprecatedSpellingBothLaunch() {
        String byNewName = id("c");
        Answer created = assertAccepted(post("/api/campaigns", launch("campaignId", "\"" + byNewName + "\"")), 201);
        assertThat(created.body().path("campaignId").asText()).isEqualTo(byNewName);
        assertThat(stream(byNewName)).hasSize(1);

        String byOldName = id("c");
        assertThat(assertAccepted(post("/api/campaigns", launch("id", "\"" + byOldName + "\"")), 201)
                .body().path("campaignId").asText()).isEqualTo(byOldName);
        assertThat(stream(byOldName)).hasSize(1);
    }

    @Test
    void errorsNameTheFieldAsTheRequestSpelledIt() {
        Answer badNew = assertRejected(400, "invalid-field", "POST", "/api/campaigns", launch("campaignId", "\"a b\""));
        assertThat(badNew.body().path("field").asText()).isEqualTo("campaignId");
        // the member names the field as the request spelled it; the detail names it by its Chinese label
        assertThat(badNew.detail()).startsWith("活动编号").doesNotContain("campaignId");
        Answer badOld = assertRejected(400, "invalid-field", "POST", "/api/campaigns", launch("id", "\"a b\""));
        assertThat(badOld.body().path("field").asText()).isEqualTo("id");
        assertThat(badOld.detail()).startsWith("活动编号");

        Answer notText = assertRejected(400, "invalid-request", "POST", "/api/campaigns", launch("campaignId", "5"));
        assertThat(notText.body().path("field").asText()).isEqualTo("campaignId");

        String taken = id("c");
        assertAccepted(post("/api/campaigns", launch("campaignId", "\"" + taken + "\"")), 201);
        Answer takenNew = assertRejected(409, "campaign-already-exists", "POST", "/api/campaigns",
                launch("campaignId", "\"" + taken + "\""));
        assertThat(takenNew.body().path("field").asText()).isEqualTo("campaignId");
        Answer takenOld = assertRejected(409, "campaign-already-exists", "POST", "/api/campaigns",
                launch("id", "\"" + taken + "\""));
        assertThat(takenOld.body().path("field").asText()).isEqualTo("id");
        assertThat(takenOld.detail()).startsWith("活动编号");

        String both = id("c");
        Answer twice = assertRejected(400, "invalid-field", "POST", "/api/campaigns", """
                {"campaignId": "%s", "id": "%s", "title": "t", %s}""".formatted(both, both,
                PERIOD.formatted(TODAY, TODAY)));
        assertThat(twice.detail()).contains("campaignId").contains("已弃用");
    }

    @Test
    void openApiMarksTheOldNameDeprecated() {
        Answer docs = get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        var properties = docs.body().path("components").path("schemas").path("LaunchCampaignRequest")
                .path("properties");
        assertThat(properties.has("campaignId")).isTrue();
        assertThat(properties.path("campaignId").path("deprecated").asBoolean()).isFalse();
        assertThat(properties.path("id").path("deprecated").asBoolean()).isTrue();
    }
}
