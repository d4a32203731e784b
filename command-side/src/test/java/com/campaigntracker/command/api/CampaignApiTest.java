package com.campaigntracker.command.api;

import com.campaigntracker.command.campaign.Campaign;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignCancelled;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignClosed;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignExtended;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignLaunched;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignRevised;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitEnrolled;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitWithdrawn;
import com.campaigntracker.shared.campaign.Targets;
import com.campaigntracker.shared.unit.UnitType;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.time.LocalDate;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CampaignApiTest extends ApiTestSupport {
    static final LocalDate START = TODAY.minusDays(30);
    static final LocalDate END = TODAY.plusDays(60);

    @Autowired
    @Qualifier("campaignCache")
    Cache campaignCache;

    @Test
    void theCampaignLifecycleAnswers201Then200() {
        String campaignId = id("c");
        Answer launched = post("/api/campaigns", """
                {"id": "%s", "title": "文明路口引导行动", "theme": "百日大战", "description": "122 个主要路口",
                 "district": "顺义区", "eligibleUnitTypes": ["实践所", "PRACTICE_STATION"],
                 "startDate": "%s", "endDate": "%s", "targets": {"sessions": 600, "enrolledUnits": 25}}
                """.formatted(campaignId, START, END));
        assertAccepted(launched, 201);
        assertThat(launched.body().path("campaignId").asText()).isEqualTo(campaignId);
        assertThat(launched.location()).isEqualTo("/api/campaigns/" + campaignId);

        assertAccepted(post("/api/campaigns/" + campaignId + "/revise", """
                {"title": "文明路口引导行动(第二阶段)", "targets": {"sessions": 700}}"""), 200);
        assertAccepted(post("/api/campaigns/" + campaignId + "/extend", """
                {"endDate": "%s"}""".formatted(END.plusDays(30))), 200);
        Answer closed = assertAccepted(post("/api/campaigns/" + campaignId + "/close", null), 200);
        assertThat(closed.body().path("campaignId").asText()).isEqualTo(campaignId);

        Targets targets = new Targets(600L, null, null, null, 25);
        assertThat(payloads(campaignId)).containsExactly(
                new CampaignLaunched(campaignId, "文明路口引导行动", "百日大战", "122 个主要路口", "顺义区",
                        EnumSet.of(UnitType.PRACTICE_INSTITUTE, UnitType.PRACTICE_STATION), START, END, targets),
                new CampaignRevised(campaignId, "文明路口引导行动(第二阶段)", "122 个主要路口",
                        new Targets(700L, null, null, null, null)),
                new CampaignExtended(campaignId, END, END.plusDays(30)),
                new CampaignClosed(campaignId));
    }

    @Test
    void aCityWideCampaignWithAServerGeneratedId() {
        Answer launched = assertAccepted(post("/api/campaigns", """
                {"title": "全市志愿服务月", "startDate": "%s", "endDate": "%s", "district": null}
                """.formatted(START, END)), 201);
        String campaignId = launched.body().path("campaignId").asText();
        assertThat(payloads(campaignId)).singleElement()
                .isEqualTo(new CampaignLaunched(campaignId, "全市志愿服务月", null, null, null,
                        EnumSet.allOf(UnitType.class), START, END, Targets.none()));
    }

    @Test
    void cancelling() {
        String campaignId = launchCampaign(id("c"), "顺义区", START, END);
        assertAccepted(post("/api/campaigns/" + campaignId + "/cancel", """
                {"reason": "疫情防控需要"}"""), 200);
        assertThat(payloads(campaignId)).last().isEqualTo(new CampaignCancelled(campaignId, "疫情防控需要"));
    }

    @Test
    void enrollingAndWithdrawing() {
        String center = registerUnit(id("center"), "实践中心", "顺义区", null);
        String institute = registerUnit(id("renhe"), "实践所", "顺义区", center);
        String campaignId = launchCampaign(id("c"), "顺义区", START, END);

        Answer enrolled = assertAccepted(post("/api/campaigns/" + campaignId + "/enrollments", """
                {"unitId": "%s"}""".formatted(institute)), 201);
        assertThat(enrolled.body().path("unitId").asText()).isEqualTo(institute);
        long before = eventCount();
        assertAccepted(post("/api/campaigns/" + campaignId + "/enrollments", """
                {"unitId": "%s"}""".formatted(institute)), 200);
        assertThat(eventCount()).as("报到 twice is a no-op").isEqualTo(before);

        assertAccepted(delete("/api/campaigns/" + campaignId + "/enrollments/" + institute), 200);
        assertThat(payloads(campaignId)).endsWith(new UnitEnrolled(campaignId, institute),
                new UnitWithdrawn(campaignId, institute));
    }

    @Test
    void invalidLaunchesAre400() {
        Answer period = assertRejected(400, "invalid-field", "POST", "/api/campaigns", """
                {"title": "t", "startDate": "%s", "endDate": "%s"}""".formatted(END, START));
        assertThat(period.body().path("field").asText()).isEqualTo("endDate");
        assertThat(period.detail()).contains("不能早于开始日期").doesNotContainPattern("[A-Za-z]");
        Answer several = assertRejected(400, "invalid-field", "POST", "/api/campaigns", """
                {"startDate": "%s", "endDate": "%s", "targets": {"sessions": -1, "beneficiaries": -2}}"""
                .formatted(START, END));
        assertThat(several.body().path("field").asText()).isEqualTo("title");
        assertThat(several.body().path("errors").findValuesAsText("field"))
                .containsExactly("title", "targets.beneficiaries", "targets.sessions");
        assertThat(several.body().path("errors").findValuesAsText("label"))
                .containsExactly("标题", "目标受益人次", "目标场次");
        assertThat(several.body().path("errors").get(2).path("message").asText())
                .isEqualTo("目标场次必须在 0 到 1000000000 之间(收到: -1)");
        assertThat(several.detail()).contains("标题", "目标受益人次", "目标场次").doesNotContain("targets");
        assertRejected(400, "invalid-request", "POST", "/api/campaigns", """
                {"title": "t", "startDate": "%s", "endDate": "%s", "targets": {"sessions": 1.5}}"""
                .formatted(START, END));
        assertRejected(400, "invalid-field", "POST", "/api/campaigns", """
                {"title": "t", "startDate": "%s", "endDate": "%s", "targets": {"sessions": -1}}"""
                .formatted(START, END));
        Answer date = assertRejected(400, "invalid-request", "POST", "/api/campaigns", """
                {"title": "t", "startDate": "2026/06/01", "endDate": "%s"}""".formatted(END));
        assertThat(date.detail()).isEqualTo("开始日期必须是 YYYY-MM-DD 格式的日期");
        assertRejected(400, "invalid-field", "POST", "/api/campaigns", """
                {"startDate": "%s", "endDate": "%s"}""".formatted(START, END));
        assertRejected(400, "invalid-request", "POST", "/api/campaigns", """
                {"title": "t", "startDate": "%s", "endDate": "%s", "eligibleUnitTypes": ["实践室"]}"""
                .formatted(START, END));
        String campaignId = launchCampaign(id("c"), "顺义区", START, END);
        assertRejected(400, "invalid-field", "POST", "/api/campaigns/" + campaignId + "/cancel", """
                {"reason": ""}""");
        assertRejected(400, "invalid-request", "POST", "/api/campaigns/" + campaignId + "/cancel", null);
        assertRejected(400, "invalid-request", "POST", "/api/campaigns/" + campaignId + "/extend", """
                {"endDate": 20261231}""");
        assertRejected(400, "invalid-field", "POST", "/api/campaigns/bad.id/close", null);
        Answer nothing = assertRejected(400, "invalid-field", "POST", "/api/campaigns/" + campaignId + "/revise", "{}");
        assertThat(nothing.detail()).contains("至少要提供一项");
        assertRejected(400, "invalid-request", "POST", "/api/campaigns/" + campaignId + "/revise", """
                {"targets": {"serviceHours": "many"}}""");
        assertRejected(400, "invalid-field", "POST", "/api/campaigns/" + campaignId + "/enrollments", """
                {"unitId": "a b"}""");
        assertRejected(400, "invalid-field", "DELETE", "/api/campaigns/" + campaignId + "/enrollments/a%20b", null);
    }

    @Test
    void unknownCampaignsAre404() {
        String ghost = id("ghost");
        Answer revise = assertRejected(404, "campaign-not-found", "POST", "/api/campaigns/" + ghost + "/revise", """
                {"title": "t"}""");
        assertThat(revise.body().path("campaignId").asText()).isEqualTo(ghost);
        assertRejected(404, "campaign-not-found", "POST", "/api/campaigns/" + ghost + "/extend", """
                {"endDate": "%s"}""".formatted(END));
        assertRejected(404, "campaign-not-found", "POST", "/api/campaigns/" + ghost + "/close", null);
        assertRejected(404, "campaign-not-found", "POST", "/api/campaigns/" + ghost + "/cancel", """
                {"reason": "r"}""");
        assertRejected(404, "campaign-not-found", "POST", "/api/campaigns/" + ghost + "/enrollments", """
                {"unitId": "u"}""");
        assertRejected(404, "campaign-not-found", "DELETE", "/api/campaigns/" + ghost + "/enrollments/u", null);
    }

    @Test
    void closedAndCancelledCampaignsAre409() {
        String closed = launchCampaign(id("c"), "顺义区", START, END);
        assertAccepted(post("/api/campaigns/" + closed + "/close", null), 200);
        Answer again = assertRejected(409, "campaign-closed", "POST", "/api/campaigns/" + closed + "/close", null);
        assertThat(again.body().path("status").asInt()).isEqualTo(409);
        assertRejected(409, "campaign-closed", "POST", "/api/campaigns/" + closed + "/revise", """
                {"title": "t"}""");
        assertRejected(409, "campaign-closed", "POST", "/api/campaigns/" + closed + "/extend", """
                {"endDate": "%s"}""".formatted(END.plusDays(1)));
        assertRejected(409, "campaign-closed", "POST", "/api/campaigns/" + closed + "/enrollments", """
                {"unitId": "u"}""");

        String cancelled = launchCampaign(id("c"), "顺义区", START, END);
        assertAccepted(post("/api/campaigns/" + cancelled + "/cancel", """
                {"reason": "r"}"""), 200);
        assertRejected(409, "campaign-cancelled", "POST", "/api/campaigns/" + cancelled + "/cancel", """
                {"reason": "r"}""");
        assertRejected(409, "campaign-cancelled", "DELETE", "/api/campaigns/" + cancelled + "/enrollments/u", null);
        assertRejected(409, "campaign-already-exists", "POST", "/api/campaigns", """
                {"id": "%s", "title": "t", "startDate": "%s", "endDate": "%s"}""".formatted(cancelled, START, END));
    }

    @Test
    void businessRulesAre422() {
        String center = registerUnit(id("center"), "实践中心", "顺义区", null);
        String institute = registerUnit(id("inst"), "实践所", "顺义区", center);
        String team = registerUnit(id("team"), "志愿服务队", "顺义区", null);
        String haidian = registerUnit(id("hd"), "实践中心", "海淀区", null);
        String haidianInstitute = registerUnit(id("hdi"), "实践所", "海淀区", haidian);
        String campaignId = id("c");
        assertAccepted(post("/api/campaigns", """
                {"id": "%s", "title": "t", "district": "顺义区", "eligibleUnitTypes": ["实践所"],
                 "startDate": "%s", "endDate": "%s"}""".formatted(campaignId, START, END)), 201);

        Answer ineligible = assertRejected(422, "ineligible-unit-type", "POST",
                "/api/campaigns/" + campaignId + "/enrollments", """
                        {"unitId": "%s"}""".formatted(team));
        assertThat(ineligible.body().path("unitType").asText()).isEqualTo("志愿服务队");
        assertRejected(422, "unit-out-of-scope", "POST", "/api/campaigns/" + campaignId + "/enrollments", """
                {"unitId": "%s"}""".formatted(haidianInstitute));
        assertRejected(404, "unit-not-found", "POST", "/api/campaigns/" + campaignId + "/enrollments", """
                {"unitId": "%s"}""".formatted(id("nobody")));
        assertRejected(422, "unit-not-enrolled", "DELETE",
                "/api/campaigns/" + campaignId + "/enrollments/" + institute, null);
        assertAccepted(post("/api/units/" + institute + "/deactivate", "{}"), 200);
        assertRejected(422, "unit-inactive", "POST", "/api/campaigns/" + campaignId + "/enrollments", """
                {"unitId": "%s"}""".formatted(institute));
        Answer earlier = assertRejected(422, "extension-not-later", "POST",
                "/api/campaigns/" + campaignId + "/extend", """
                        {"endDate": "%s"}""".formatted(END.minusDays(1)));
        assertThat(earlier.body().path("currentEndDate").asText()).isEqualTo(END.toString());
        Answer tooLong = assertRejected(422, "period-too-long", "POST",
                "/api/campaigns/" + campaignId + "/extend", """
                        {"endDate": "2099-12-31"}""");
        assertThat(tooLong.body().path("field").asText()).isEqualTo("endDate");
        assertThat(tooLong.body().path("detail").asText()).contains("活动期间最长 3 年");
    }

    @Test
    void aCampaignWithManyEnrolmentsIsSnapshotted() {
        String center = registerUnit(id("center"), "实践中心", "怀柔区", null);
        String campaignId = launchCampaign(id("c"), "怀柔区", START, END);
        for (int i = 0; i < 8; i++) {
            enroll(campaignId, registerUnit(id("inst" + i), "实践所", "怀柔区", center));
        }
        // threshold 5 in tests: the stream now starts with a snapshot of the aggregate
        await().untilAsserted(() -> assertThat(eventStore.readEvents(campaignId).peek().getPayloadType())
                .isEqualTo(Campaign.class));
        campaignCache.removeAll();
        String late = registerUnit(id("late"), "实践所", "怀柔区", center);
        enroll(campaignId, late);
        assertAccepted(post("/api/campaigns/" + campaignId + "/enrollments", """
                {"unitId": "%s"}""".formatted(late)), 200);
        assertAccepted(post("/api/campaigns/" + campaignId + "/close", null), 200);
        assertThat(payloads(campaignId)).hasSize(1 + 9 + 1);
    }
}
