package com.campaigntracker.command.api;

import com.campaigntracker.shared.AuditMetadata;
import com.campaigntracker.shared.unit.UnitEvents.UnitDeactivated;
import com.campaigntracker.shared.unit.UnitEvents.UnitRegistered;
import com.campaigntracker.shared.unit.UnitEvents.UnitRenamed;
import com.campaigntracker.shared.unit.UnitType;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnitApiTest extends ApiTestSupport {

    @Test
    void registeringAUnitAnswers201WithItsIdAndRecordsWhoDidIt() {
        String center = id("center");
        Answer answer = assertAccepted(post("/api/units", """
                {"unitId": "%s", "name": "海淀区新时代文明实践中心", "type": "实践中心", "district": "海淀区"}
                """.formatted(center)), 201);
        assertThat(answer.body().path("unitId").asText()).isEqualTo(center);
        assertThat(answer.location()).isEqualTo("/api/units/" + center);

        List<DomainEventMessage<?>> events = stream(center);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getPayload()).isEqualTo(
                    new UnitRegistered(center, "海淀区新时代文明实践中心", UnitType.PRACTICE_CENTER, "海淀区", null));
            assertThat(event.getMetaData()).containsEntry(AuditMetadata.USER, "coordinator")
                    .containsEntry(AuditMetadata.ROLE, "COORDINATOR");
        });
    }

    @Test
    void theServerGeneratesAnIdWhenNoneIsGivenAndAcceptsEnumNames() {
        Answer answer = assertAccepted(post("/api/units", """
                {"name": "朝阳区实践中心", "type": "PRACTICE_CENTER", "district": "朝阳区"}"""), 201);
        String unitId = answer.body().path("unitId").asText();
        assertThat(unitId).matches("[0-9a-f-]{36}");
        assertThat(stream(unitId)).hasSize(1);
    }

    @Test
    void renamingAndDeactivatingAnswer200() {
        String center = registerUnit(id("c"), "实践中心", "西城区", null);
        Answer renamed = assertAccepted(post("/api/units/" + center + "/rename", """
                {"name": "西城区新时代文明实践中心"}"""), 200);
        assertThat(renamed.body().path("unitId").asText()).isEqualTo(center);
        assertAccepted(send("POST", "/api/units/" + center + "/deactivate", null), 200);
        assertAccepted(post("/api/units/" + center + "/deactivate", """
                {"reason": "再次停用"}"""), 200);
        assertThat(payloads(center)).containsExactly(
                new UnitRegistered(center, "单位 " + center, UnitType.PRACTICE_CENTER, "西城区", null),
                new UnitRenamed(center, "单位 " + center, "西城区新时代文明实践中心"),
                new UnitDeactivated(center, null));
    }

    @Test
    void malformedRequestsAre400() {
        assertRejected(400, "invalid-request", "POST", "/api/units", "{\"name\": ");
        Answer unknown = assertRejected(400, "invalid-request", "POST", "/api/units", """
                {"name": "n", "type": "实践中心", "district": "海淀区", "colour": "red"}""");
        assertThat(unknown.detail()).contains("未知字段 colour");
        assertThat(unknown.body().path("field").asText()).isEqualTo("colour");
        Answer wrongType = assertRejected(400, "invalid-request", "POST", "/api/units", """
                {"name": 12, "type": "实践中心", "district": "海淀区"}""");
        assertThat(wrongType.detail()).isEqualTo("名称必须是字符串");
        Answer operator = assertRejected(400, "invalid-request", "POST", "/api/units", """
                {"name": {"$ne": null}, "type": "实践中心", "district": "海淀区"}""");
        assertThat(operator.body().path("field").asText()).isEqualTo("name");
        Answer badType = assertRejected(400, "invalid-request", "POST", "/api/units", """
                {"name": "n", "type": "实践室", "district": "海淀区"}""");
        assertThat(badType.detail()).startsWith("单位类型必须是单位类型之一");
        assertRejected(400, "invalid-request", "POST", "/api/units", "[]");
        assertRejected(400, "invalid-request", "POST", "/api/units/x/rename", null);
    }

    @Test
    void invalidFieldsAre400() {
        Answer missing = assertRejected(400, "invalid-field", "POST", "/api/units", """
                {"type": "实践中心", "district": "海淀区"}""");
        assertThat(missing.detail()).isEqualTo("名称不能为空");
        assertThat(missing.body().path("field").asText()).isEqualTo("name");
        Answer badId = assertRejected(400, "invalid-field", "POST", "/api/units", """
                {"unitId": "a.b$", "name": "n", "type": "实践中心", "district": "海淀区"}""");
        assertThat(badId.body().path("field").asText()).isEqualTo("unitId");
        assertRejected(400, "invalid-field", "POST", "/api/units/..%24/rename", """
                {"name": "n"}""");
        assertRejected(400, "invalid-field", "POST", "/api/units/%7B%24ne%7D/deactivate", null);
        assertRejected(400, "invalid-field", "POST", "/api/units", """
                {"name": "%s", "type": "实践中心", "district": "海淀区"}""".formatted("长".repeat(101)));
    }

    @Test
    void unknownUnitsAre404() {
        assertRejected(404, "unit-not-found", "POST", "/api/units/" + id("ghost") + "/rename", """
                {"name": "n"}""");
        assertRejected(404, "unit-not-found", "POST", "/api/units/" + id("ghost") + "/deactivate", null);
        Answer parent = assertRejected(404, "unit-not-found", "POST", "/api/units", """
                {"name": "n", "type": "实践所", "district": "海淀区", "parentUnitId": "nobody-here"}""");
        assertThat(parent.body().path("field").asText()).isEqualTo("parentUnitId");
        assertThat(parent.body().path("unitId").asText()).isEqualTo("nobody-here");
    }

    @Test
    void conflictsAre409() {
        String center = registerUnit(id("c"), "实践中心", "东城区", null);
        assertRejected(409, "unit-already-registered", "POST", "/api/units", """
                {"unitId": "%s", "name": "n", "type": "实践中心", "district": "东城区"}""".formatted(center));
        assertAccepted(post("/api/units/" + center + "/deactivate", "{}"), 200);
        assertRejected(409, "unit-deactivated", "POST", "/api/units/" + center + "/rename", """
                {"name": "新名"}""");
    }

    @Test
    void hierarchyRulesAre422() {
        String center = registerUnit(id("c"), "实践中心", "丰台区", null);
        String institute = registerUnit(id("i"), "实践所", "丰台区", center);
        Answer wrongParent = assertRejected(422, "invalid-hierarchy", "POST", "/api/units", """
                {"name": "n", "type": "实践站", "district": "丰台区", "parentUnitId": "%s"}""".formatted(center));
        assertThat(wrongParent.detail()).contains("实践站 不能挂在实践中心");
        assertRejected(422, "invalid-hierarchy", "POST", "/api/units", """
                {"name": "n", "type": "实践所", "district": "丰台区"}""");
        assertRejected(422, "district-mismatch", "POST", "/api/units", """
                {"name": "n", "type": "实践站", "district": "大兴区", "parentUnitId": "%s"}""".formatted(institute));
        assertAccepted(post("/api/units/" + institute + "/deactivate", "{}"), 200);
        assertRejected(422, "unit-inactive", "POST", "/api/units", """
                {"name": "n", "type": "实践站", "district": "丰台区", "parentUnitId": "%s"}""".formatted(institute));
    }

    @Test
    void aSecondUnitOfTheSameNameUnderOneParentIs409OnRegisterAndOnRename() {
        String center = registerUnit(id("c"), "实践中心", "石景山区", null);
        String first = id("i");
        assertAccepted(post("/api/units", """
                {"unitId": "%s", "name": "八角街道实践所", "type": "实践所", "district": "石景山区", "parentUnitId": "%s"}
                """.formatted(first, center)), 201);
        Answer twice = assertRejected(409, "unit-name-taken", "POST", "/api/units", """
                {"name": "八角街道 实践所", "type": "实践所", "district": "石景山区", "parentUnitId": "%s"}
                """.formatted(center));
        assertThat(twice.detail()).contains("单位名称「八角街道 实践所」", "上级单位「单位 " + center + "」")
                .doesNotContain("parentUnitId", "name");
        assertThat(twice.body().path("field").asText()).isEqualTo("name");
        assertThat(twice.body().path("existingUnitId").asText()).isEqualTo(first);
        String second = registerUnit(id("i"), "实践所", "石景山区", center);
        assertRejected(409, "unit-name-taken", "POST", "/api/units/" + second + "/rename", """
                {"name": "八角街道实践所"}""");
        assertAccepted(post("/api/units/" + first + "/deactivate", "{}"), 200);
        assertAccepted(post("/api/units/" + second + "/rename", """
                {"name": "八角街道实践所"}"""), 200);
    }
}
