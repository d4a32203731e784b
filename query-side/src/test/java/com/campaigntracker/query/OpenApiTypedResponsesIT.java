package com.campaigntracker.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every JSON read under /api is described by OpenAPI with its fields, not as a bare object or a map. */
class OpenApiTypedResponsesIT extends QueryIntegrationTest {

    @Test
    void everyJsonGetUnderApiHasATypedResponseSchema() {
        Response docs = getRaw("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode schemas = docs.body().path("components").path("schemas");
        List<String> untyped = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        docs.body().path("paths").fields().forEachRemaining(path -> {
            JsonNode ok = path.getValue().path("get").path("responses").path("200");
            if (!path.getKey().startsWith("/api/") || ok.isMissingNode()) {
                return;
            }
            ok.path("content").fields().forEachRemaining(content -> {
                // files (Word, PDF, event archives) and event streams are not JSON reads
                if (!content.getKey().contains("json") && !content.getKey().equals("*/*")) {
                    return;
                }
                checked.add(path.getKey());
                if (!typed(content.getValue().path("schema"), schemas)) {
                    untyped.add(path.getKey() + " " + content.getValue().path("schema"));
                }
            });
        });
        assertThat(checked).contains("/api/campaigns", "/api/campaigns/{id}/progress",
                "/api/campaigns/{id}/activities", "/api/campaigns/{id}/history", "/api/units", "/api/units/{id}",
                "/api/units/{id}/participation", "/api/admin/projections", "/api/admin/dead-letters");
        assertThat(untyped).as("GET responses without typed schema").isEmpty();
    }

    /** An object schema with named properties (through $ref, arrays and allOf), not a bare object or map. */
    private static boolean typed(JsonNode schema, JsonNode schemas) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return typed(schemas.path(name), schemas);
        }
        if ("array".equals(schema.path("type").asText())) {
            return typed(schema.path("items"), schemas);
        }
        if (schema.has("allOf")) {
            for (JsonNode part : schema.get("allOf")) {
                if (typed(part, schemas)) {
                    return true;
                }
            }
            return false;
        }
        return schema.path("properties").size() > 0;
    }
}
