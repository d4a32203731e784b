package com.campaigntracker.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hierarchy rule reaches the UI from the server: each unit type with the parent types it accepts. */
class UnitTypesIT extends QueryIntegrationTest {

    @Test
    void everyUnitTypeWithTheParentsItAccepts() {
        Response r = getRaw("/api/unit-types");
        assertThat(r.status()).isEqualTo(200);
        Map<String, JsonNode> byLabel = new LinkedHashMap<>();
        r.body().forEach(t -> byLabel.put(t.get("label").asText(), t));
        assertThat(byLabel.keySet())
                .containsExactly("实践中心", "实践所", "实践站", "实践基地", "志愿服务队", "文明单位", "区直单位");

        assertThat(byLabel.get("实践站").get("type").asText()).isEqualTo("PRACTICE_STATION");
        assertThat(parents(byLabel.get("实践中心"))).isEmpty();
        assertThat(byLabel.get("实践中心").get("parentRequired").asBoolean()).isFalse();
        assertThat(parents(byLabel.get("实践所"))).containsExactly("实践中心");
        assertThat(byLabel.get("实践所").get("parentRequired").asBoolean()).isTrue();
        assertThat(parents(byLabel.get("实践站"))).containsExactly("实践所");
        assertThat(byLabel.get("实践站").get("parentRequired").asBoolean()).isTrue();
        for (String hangsAnywhere : List.of("实践基地", "志愿服务队", "文明单位")) {
            assertThat(parents(byLabel.get(hangsAnywhere))).containsExactly("实践中心", "实践所", "实践站");
            assertThat(byLabel.get(hangsAnywhere).get("parentRequired").asBoolean()).isFalse();
        }
        assertThat(parents(byLabel.get("区直单位"))).containsExactly("实践中心");
        assertThat(byLabel.get("区直单位").get("parentRequired").asBoolean()).isFalse();
    }

    @Test
    void theOpenApiDocumentDescribesTheAnswer() {
        JsonNode docs = getRaw("/v3/api-docs").body();
        assertThat(docs.at("/paths/~1api~1unit-types/get/responses/200/content").toString()).contains("UnitTypeView");
        assertThat(docs.at("/components/schemas/UnitTypeView/properties").has("allowedParentTypes")).isTrue();
        assertThat(docs.at("/components/schemas/UnitTypeView/properties").has("parentRequired")).isTrue();
    }

    private static List<String> parents(JsonNode type) {
        List<String> out = new ArrayList<>();
        type.get("allowedParentTypes").forEach(p -> out.add(p.asText()));
        return out;
    }
}
