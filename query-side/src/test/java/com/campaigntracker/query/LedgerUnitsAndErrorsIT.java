package com.campaigntracker.query;

import com.campaigntracker.shared.campaign.Targets;
import com.campaigntracker.shared.unit.UnitEvents.UnitDeactivated;
import com.campaigntracker.shared.unit.UnitEvents.UnitRenamed;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.campaigntracker.query.EventFeed.at;
import static com.campaigntracker.query.Scenario.f;
import static com.campaigntracker.shared.unit.UnitType.PRACTICE_CENTER;
import static com.campaigntracker.shared.unit.UnitType.PRACTICE_INSTITUTE;
import static com.campaigntracker.shared.unit.UnitType.PRACTICE_STATION;
import static org.assertj.core.api.Assertions.assertThat;

class LedgerUnitsAndErrorsIT extends QueryIntegrationTest {

    @Test
    void activityLedgerPagesFiltersAndShowsCorrectionHistory() {
        Scenario s = new Scenario(feed);
        String c = uid("ledger");
        String u1 = uid("st");
        String u2 = uid("st");
        s.unit(u1, "站一", PRACTICE_STATION, "东城区", null, at("2025-06-01", 9))
                .unit(u2, "站二", PRACTICE_STATION, "东城区", null, at("2025-06-01", 9))
                .launch(c, "文明实践", "宣讲", "东城区", "2025-07-01", "2025-08-31", null, at("2025-06-30", 9))
                .enrol(c, u1, at("2025-07-01", 9)).enrol(c, u2, at("2025-07-01", 9));
        for (int i = 0; i < 250; i++) {
            String day = String.format("2025-07-%02d", 1 + i % 30);
            s.record(c, "a" + i, i % 5 == 0 ? u2 : u1, day, i % 2 == 0 ? "宣讲" : "清洁", f(1, 2, 0.5, 3),
                    at(day, 20));
        }
        s.correct(c, "a7", "2025-07-09", f(2, 5, 1.5, 9), at("2025-08-01", 10));
        s.retract(c, "a8", at("2025-08-02", 10));

        JsonNode p0 = get("/api/campaigns/" + c + "/activities?size=100").body();
        assertThat(p0.get("total").asLong()).isEqualTo(250);
        assertThat(p0.get("items").size()).isEqualTo(100);
        assertThat(p0.get("hasMore").asBoolean()).isTrue();
        assertThat(p0.get("items").get(0).get("activityId").asText()).isEqualTo("a0");
        JsonNode p2 = get("/api/campaigns/" + c + "/activities?size=100&page=2").body();
        assertThat(p2.get("items").size()).isEqualTo(50);
        assertThat(p2.get("hasMore").asBoolean()).isFalse();
        assertThat(p2.get("items").get(49).get("activityId").asText()).isEqualTo("a249");

        JsonNode a7 = find(get("/api/campaigns/" + c + "/activities?size=20").body(), "a7");
        assertThat(a7.at("/figures/sessions").asLong()).isEqualTo(2);
        assertThat(a7.get("date").asText()).isEqualTo("2025-07-09");
        assertThat(a7.get("corrections").asLong()).isEqualTo(1);
        assertThat(a7.get("history").size()).isEqualTo(2);
        assertThat(a7.get("history").get(1).get("type").asText()).isEqualTo("CORRECTED");
        assertThat(a7.get("history").get(1).at("/previousFigures/sessions").asLong()).isEqualTo(1);
        assertThat(a7.get("history").get(1).get("reason").asText()).isEqualTo("数据更正");
        assertThat(a7.get("history").get(1).get("user").asText()).isEqualTo("unit-" + u1);
        JsonNode a8 = find(get("/api/campaigns/" + c + "/activities?size=20").body(), "a8");
        assertThat(a8.get("retracted").asBoolean()).isTrue();
        assertThat(a8.get("retractionReason").asText()).isEqualTo("重复上报");

        // the activities behind one unit's figure on one day
        JsonNode u2Day = get("/api/campaigns/" + c + "/activities?unitId=" + u2
                + "&from=2025-07-01&to=2025-07-01&size=200").body();
        List<String> ids = new ArrayList<>();
        u2Day.get("items").forEach(n -> ids.add(n.get("activityId").asText()));
        // i % 5 == 0 and i % 30 == 0 → a0, a30, … a240 (i % 150 == 0 ⇒ every 30 with i%5==0: 0,30,60,...,240)
        assertThat(ids).containsExactly("a0", "a30", "a60", "a90", "a120", "a150", "a180", "a210", "a240");
        assertThat(u2Day.get("total").asLong()).isEqualTo(9);
        // a day's activities over all units come from that day's list; a correction moved a7 onto 07-09
        JsonNode day9 = get("/api/campaigns/" + c + "/activities?from=2025-07-09&to=2025-07-09&size=200").body();
        List<String> day9Ids = new ArrayList<>();
        day9.get("items").forEach(n -> day9Ids.add(n.get("activityId").asText()));
        assertThat(day9Ids).containsExactlyInAnyOrder("a8", "a38", "a68", "a98", "a128", "a158", "a188", "a218",
                "a248", "a7");
        JsonNode day8 = get("/api/campaigns/" + c + "/activities?from=2025-07-08&to=2025-07-08&size=200").body();
        assertThat(day8.get("total").asLong()).isEqualTo(8); // a7 moved away
        JsonNode u2All = get("/api/campaigns/" + c + "/activities?unitId=" + u2 + "&size=5").body();
        assertThat(u2All.get("total").asLong()).isEqualTo(50);
        assertThat(u2All.get("hasMore").asBoolean()).isTrue();
        JsonNode byCategory = get("/api/campaigns/" + c + "/activities?category=%E5%AE%A3%E8%AE%B2&size=200"
                + "&includeRetracted=false").body();
        assertThat(byCategory.get("total").asLong()).isEqualTo(124); // 宣讲 = the 125 even ids, minus the retracted a8
        JsonNode progress = get("/api/campaigns/" + c + "/progress").body();
        assertThat(progress.at("/totals/activities").asLong()).isEqualTo(249);
        assertThat(progress.at("/metrics/sessions/total").asLong()).isEqualTo(250);

        // audit trail: every event of the campaign and its activities, in order, with who and when
        JsonNode h0 = get("/api/campaigns/" + c + "/history?size=10").body();
        assertThat(h0.get("total").asLong()).isEqualTo(1 + 2 + 250 + 2);
        assertThat(h0.get("items").get(0).get("type").asText()).isEqualTo("CampaignLaunched");
        assertThat(h0.get("items").get(0).get("user").asText()).isEqualTo("tester");
        assertThat(h0.get("items").get(0).get("role").asText()).isEqualTo("coordinator");
        assertThat(h0.get("items").get(0).get("at").asText()).isEqualTo(at("2025-06-30", 9).toString());
        assertThat(h0.get("items").get(1).get("type").asText()).isEqualTo("UnitEnrolled");
        JsonNode last = get("/api/campaigns/" + c + "/history?size=100&page=2").body();
        assertThat(last.get("items").size()).isEqualTo(55);
        JsonNode lastItem = last.get("items").get(54);
        assertThat(lastItem.get("type").asText()).isEqualTo("ActivityRetracted");
        assertThat(lastItem.get("n").asLong()).isEqualTo(255);
        assertThat(lastItem.at("/payload/reason").asText()).isEqualTo("重复上报");
        assertThat(lastItem.get("activityId").asText()).isEqualTo("a8");
    }

    @Test
    void theAuditTrailFiltersByUnitTypeOperatorAndDayNewestFirstByCursor() {
        Scenario s = new Scenario(feed);
        String c = uid("audit");
        String u1 = uid("st");
        String u2 = uid("st");
        s.unit(u1, "站一", PRACTICE_STATION, "西城区", null, at("2025-06-01", 9))
                .unit(u2, "站二", PRACTICE_STATION, "西城区", null, at("2025-06-01", 9))
                .launch(c, "审计筛选", "宣讲", "西城区", "2025-07-01", "2025-08-31", null, at("2025-06-30", 9))
                .enrol(c, u1, at("2025-07-01", 9)).enrol(c, u2, at("2025-07-01", 9));
        for (int i = 0; i < 60; i++) {
            String day = String.format("2025-07-%02d", 1 + i / 2);
            s.record(c, "a" + i, i % 2 == 0 ? u1 : u2, day, "宣讲", f(1, 2, 0.5, 3), at(day, 20));
        }
        s.correct(c, "a3", "2025-07-02", f(2, 5, 1.5, 9), at("2025-08-01", 10));
        s.retract(c, "a4", at("2025-08-02", 10));
        String base = "/api/campaigns/" + c + "/history?";

        JsonNode fixes = get(base + "type=ActivityCorrected,ActivityRetracted").body();
        assertThat(top(fixes.get("items"), "type")).containsExactly("ActivityRetracted", "ActivityCorrected");
        assertThat(fixes.get("hasMore").asBoolean()).isFalse();
        assertThat(fixes.get("nextBefore").isNull()).isTrue();

        // one unit, newest first, ten at a time, the next page from the cursor
        JsonNode first = get(base + "unitId=" + u2 + "&size=10").body();
        assertThat(top(first.get("items"), "unitId")).hasSize(10).containsOnly(u2);
        assertThat(first.get("items").get(0).get("type").asText()).isEqualTo("ActivityCorrected");
        long cursor = first.get("nextBefore").asLong();
        assertThat(cursor).isEqualTo(first.get("items").get(9).get("n").asLong());
        JsonNode second = get(base + "unitId=" + u2 + "&size=10&before=" + cursor).body();
        assertThat(top(second.get("items"), "unitId")).hasSize(10).containsOnly(u2);
        assertThat(second.get("items").get(0).get("n").asLong()).isLessThan(cursor);
        List<Long> ns = new ArrayList<>();
        second.get("items").forEach(n -> ns.add(n.get("n").asLong()));
        assertThat(ns).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        // by operator, by the day recorded, and a plain cursor
        assertThat(top(get(base + "user=unit-" + u1 + "&size=100").body().get("items"), "unitId"))
                .hasSize(31).containsOnly(u1); // 30 recorded + the retraction of a4
        JsonNode day = get(base + "from=2025-07-10&to=2025-07-10").body();
        assertThat(top(day.get("items"), "day")).containsExactly("2025-07-10", "2025-07-10");
        assertThat(day.get("hasMore").asBoolean()).isFalse();
        JsonNode oldest = get(base + "before=4").body();
        assertThat(top(oldest.get("items"), "type"))
                .containsExactly("UnitEnrolled", "UnitEnrolled", "CampaignLaunched");
        assertThat(oldest.get("nextBefore").isNull()).isTrue();
        // newest first by page: the next page is offered by cursor too
        JsonNode newest = get(base + "order=newest&size=5").body();
        assertThat(newest.get("nextBefore").asLong()).isEqualTo(newest.get("items").get(4).get("n").asLong());
        assertThat(get(base + "type=no-such").status()).isEqualTo(400);
        assertThat(get(base + "before=0").status()).isEqualTo(400);
    }

    /** The field of each item of a list (not of the payloads inside). */
    private static List<String> top(JsonNode items, String field) {
        List<String> out = new ArrayList<>();
        items.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    @Test
    void unitsWithHierarchyAndParticipation() {
        Scenario s = new Scenario(feed);
        String center = uid("ctr");
        String inst = uid("inst");
        String st = uid("st");
        String c = uid("part");
        s.unit(center, "海淀区新时代文明实践中心", PRACTICE_CENTER, "海淀区", null, at("2025-06-01", 9))
                .unit(inst, "学院路街道实践所", PRACTICE_INSTITUTE, "海淀区", center, at("2025-06-01", 9))
                .unit(st, "石油大院社区实践站", PRACTICE_STATION, "海淀区", inst, at("2025-06-01", 9))
                .launch(c, "理论宣讲", "宣讲", "海淀区", "2025-07-01", "2025-07-31",
                        new Targets(10L, null, null, null, null), at("2025-06-30", 9))
                .enrol(c, st, at("2025-07-01", 9))
                .record(c, "x1", st, "2025-07-02", "宣讲", f(3, 20, 10, 100), at("2025-07-02", 9));
        feed.publish(new UnitRenamed(st, "石油大院社区实践站", "石油大院实践站"), at("2025-07-03", 9));

        JsonNode unit = get("/api/units/" + inst).body();
        assertThat(unit.get("name").asText()).isEqualTo("学院路街道实践所");
        assertThat(unit.get("type").asText()).isEqualTo("实践所");
        assertThat(unit.get("district").asText()).isEqualTo("海淀区");
        assertThat(unit.at("/parent/unitId").asText()).isEqualTo(center);
        assertThat(unit.get("children").size()).isEqualTo(1);
        assertThat(unit.at("/children/0/name").asText()).isEqualTo("石油大院实践站");
        JsonNode station = get("/api/units/" + st).body();
        assertThat(station.get("ancestors").size()).isEqualTo(2);
        assertThat(station.at("/ancestors/1/unitId").asText()).isEqualTo(center);

        List<String> all = new ArrayList<>();
        get("/api/units?parentId=" + inst).body().forEach(n -> all.add(n.get("unitId").asText()));
        assertThat(all).containsExactly(st);
        // parentUnitId is the name everywhere; parentId (deprecated) still filters, errors name what was sent
        JsonNode byNewName = get("/api/units?parentUnitId=" + inst).body();
        assertThat(byNewName.size()).isEqualTo(1);
        assertThat(byNewName.at("/0/unitId").asText()).isEqualTo(st);
        assertThat(byNewName.at("/0/parentUnitId").asText()).isEqualTo(inst);
        assertThat(getRaw("/api/units?parentUnitId=a%20b").body().get("detail").asText()).contains("parentUnitId");
        assertThat(getRaw("/api/units?parentId=a%20b").body().get("detail").asText()).contains("参数 parentId ");
        Response both = getRaw("/api/units?parentUnitId=" + inst + "&parentId=" + inst);
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body().get("detail").asText()).contains("已弃用");
        java.util.Map<String, Boolean> deprecated = new java.util.HashMap<>();
        getRaw("/v3/api-docs").body().at("/paths/~1api~1units/get/parameters").forEach(
                n -> deprecated.put(n.get("name").asText(), n.path("deprecated").asBoolean()));
        assertThat(deprecated).containsEntry("parentUnitId", false).containsEntry("parentId", true);
        List<String> stations = new ArrayList<>();
        get("/api/units?type=%E5%AE%9E%E8%B7%B5%E7%AB%99").body().forEach(n -> stations.add(n.get("unitId").asText()));
        assertThat(stations).contains(st).doesNotContain(inst);

        JsonNode part = get("/api/units/" + st + "/participation").body();
        JsonNode row = ProgressQueriesIT.node(part.get("campaigns"), c, "campaignId");
        assertThat(row.get("enrolled").asBoolean()).isTrue();
        assertThat(row.at("/totals/sessions").asLong()).isEqualTo(3);
        assertThat(row.get("lastActivityDate").asText()).isEqualTo("2025-07-02");
        assertThat(row.get("title").asText()).isEqualTo("理论宣讲");

        feed.publish(new UnitDeactivated(st, "合并"), at("2025-07-04", 9));
        assertThat(get("/api/units/" + st).body().get("active").asBoolean()).isFalse();
    }

    @Test
    void errorsAreProblemJsonWithChineseDetail() {
        Response unknown = get("/api/campaigns/nope-" + uid("x") + "/progress");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().get("detail").asText()).contains("活动不存在");
        Response unknownUnit = get("/api/units/" + uid("nobody"));
        assertThat(unknownUnit.status()).isEqualTo(404);
        assertThat(unknownUnit.body().get("detail").asText()).contains("单位不存在");

        String c = uid("err");
        new Scenario(feed).launch(c, "t", "t", null, "2025-07-01", "2025-07-31", null, at("2025-06-30", 9));
        Response badDate = get("/api/campaigns/" + c + "/progress?asOf=2025-13-01");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.contentType()).startsWith("application/problem+json");
        assertThat(badDate.body().get("detail").asText()).contains("asOf").contains("日期");
        Response badSize = get("/api/campaigns/" + c + "/activities?size=500");
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.body().get("detail").asText()).contains("size");
        assertThat(get("/api/campaigns/" + c + "/activities?size=0").status()).isEqualTo(400);
        assertThat(get("/api/campaigns/" + c + "/activities?page=-1").status()).isEqualTo(400);
        assertThat(get("/api/campaigns/" + c + "/activities?size=abc").status()).isEqualTo(400);
        assertThat(get("/api/campaigns/" + c + "/activities?from=2025-07-05&to=2025-07-01").status()).isEqualTo(400);
        Response badId = getRaw("/api/campaigns/bad.id!/progress");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body().get("detail").asText()).contains("字母");
        assertThat(get("/api/campaigns/" + c + "/progress?silentDays=0").status()).isEqualTo(400);
        assertThat(get("/api/campaigns/" + c + "/history?size=501").status()).isEqualTo(400);
        assertThat(getRaw("/api/campaigns/" + c + "/progress?minPosition=-3").status()).isEqualTo(400);
        assertThat(get("/api/units?type=%E6%9D%91").status()).isEqualTo(400);
    }

    @Test
    void minPositionWaitsForTheProjection() {
        Scenario s = new Scenario(feed);
        String c = uid("ryw");
        String u = uid("st");
        s.unit(u, "站", PRACTICE_STATION, "丰台区", null, at("2025-06-01", 9))
                .launch(c, "t", "t", null, "2025-07-01", "2025-07-31", null, at("2025-06-30", 9))
                .enrol(c, u, at("2025-07-01", 9));
        for (int i = 0; i < 5; i++) {
            s.record(c, "r" + i, u, "2025-07-02", "宣讲", f(1, 1, 1, 1), at("2025-07-02", 9));
            long position = feed.head();
            Response r = getRaw("/api/campaigns/" + c + "/progress?minPosition=" + position);
            assertThat(r.raw().headers().firstValue("X-Projection-Caught-Up")).contains("true");
            assertThat(Long.parseLong(r.raw().headers().firstValue("X-Projection-Position").orElseThrow()))
                    .isGreaterThanOrEqualTo(position);
            assertThat(r.body().at("/metrics/sessions/total").asLong()).isEqualTo(i + 1);
        }
    }

    static JsonNode find(JsonNode page, String activityId) {
        return ProgressQueriesIT.node(page.get("items"), activityId, "activityId");
    }
}
