package com.campaigntracker.query;

import java.time.LocalDate;
import com.campaigntracker.shared.campaign.Targets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.campaigntracker.query.EventFeed.at;
import static com.campaigntracker.query.Scenario.f;
import static com.campaigntracker.shared.unit.UnitType.PRACTICE_CENTER;
import static com.campaigntracker.shared.unit.UnitType.PRACTICE_INSTITUTE;
import static com.campaigntracker.shared.unit.UnitType.PRACTICE_STATION;
import static com.campaigntracker.shared.unit.UnitType.VOLUNTEER_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

class ProgressQueriesIT extends QueryIntegrationTest {

    @Test
    void aRepeatedProgressViewFollowsEveryChangeOfWhatItIsComputedFrom() {
        Scenario s = new Scenario(feed);
        String c = uid("again");
        String inst = uid("inst");
        String st = uid("st");
        s.unit(inst, "学院路街道实践所", PRACTICE_INSTITUTE, "海淀区", null, at("2025-06-01", 9))
                .unit(st, "石油大院社区实践站", PRACTICE_STATION, "海淀区", inst, at("2025-06-01", 9))
                .launch(c, "理论宣讲", "宣讲", "海淀区", "2025-07-01", "2025-07-31",
                        new Targets(10L, null, null, null, null), at("2025-06-30", 9))
                .enrol(c, st, at("2025-07-01", 9))
                .record(c, "x1", st, "2025-07-02", "宣讲", f(3, 20, 10, 100), at("2025-07-02", 9));
        clock.set(LocalDate.parse("2025-07-03"));
        String path = "/api/campaigns/" + c + "/progress";
        JsonNode first = get(path).body();
        assertThat(get(path).body()).isEqualTo(first);

        s.record(c, "x2", st, "2025-07-03", "宣讲", f(2, 5, 5, 10), at("2025-07-03", 10));
        assertThat(get(path).body().at("/metrics/sessions/total").asLong()).isEqualTo(5);

        feed.publish(new com.campaigntracker.shared.unit.UnitEvents.UnitRenamed(st, "石油大院社区实践站", "石油大院实践站"),
                at("2025-07-03", 11));
        assertThat(get(path).body().at("/leaderboard/0/name").asText()).isEqualTo("石油大院实践站");

        clock.set(LocalDate.parse("2025-07-20")); // another day: days left and silence move on
        JsonNode later = get(path).body();
        assertThat(later.get("daysLeft")).isNotEqualTo(first.get("daysLeft"));
    }

    @Test
    void knownAtShowsTheViewOfThatDayAndHonoursCorrectionsOnlyFromTheDayTheyWereMade() {
        Scenario s = new Scenario(feed);
        String c = uid("asof");
        String center = uid("ctr");
        String inst = uid("inst");
        String st1 = uid("st");
        s.unit(center, "顺义区新时代文明实践中心", PRACTICE_CENTER, "顺义区", null, at("2025-06-01", 9))
                .unit(inst, "胜利街道实践所", PRACTICE_INSTITUTE, "顺义区", center, at("2025-06-01", 9))
                .unit(st1, "建新南区实践站", PRACTICE_STATION, "顺义区", inst, at("2025-06-01", 9))
                .launch(c, "文明路口引导行动", "文明交通", "顺义区", "2025-07-01", "2025-07-31",
                        new Targets(100L, 1000L, 500.0, 10000L, 2), at("2025-06-30", 10))
                .enrol(c, inst, at("2025-07-01", 9))
                .enrol(c, st1, at("2025-07-01", 10))
                .record(c, "a1", st1, "2025-07-05", "文明引导", f(10, 40, 80, 300), at("2025-07-05", 18))
                .record(c, "a2", inst, "2025-07-05", "文明引导", f(2, 10, 20, 50), at("2025-07-05", 19));

        clock.set(LocalDate.parse("2025-07-05"));
        JsonNode liveThatDay = get("/api/campaigns/" + c + "/progress").body();
        assertThat(liveThatDay.at("/metrics/sessions/total").asLong()).isEqualTo(12);

        // on 07-10 the station corrects its 07-05 activity; on 07-12 the institute retracts its own
        s.correct(c, "a1", "2025-07-05", f(4, 40, 80, 300), at("2025-07-10", 11))
                .retract(c, "a2", at("2025-07-12", 8));
        // the coordinator lowers the sessions target on 07-11: earlier days keep the old target
        feed.publish(new com.campaigntracker.shared.campaign.CampaignEvents.CampaignRevised(c, "文明路口引导行动（修订）",
                "说明", new Targets(50L, 1000L, 500.0, 10000L, 2)), at("2025-07-11", 9));
        clock.set(LocalDate.parse("2025-07-15"));

        JsonNode known0705 = get("/api/campaigns/" + c + "/progress?knownAt=2025-07-05").body();
        assertThat(known0705.at("/metrics/sessions/total").asLong()).isEqualTo(12);
        assertThat(known0705.get("knownAt").asText()).isEqualTo("2025-07-05");
        ObjectNode a = ((ObjectNode) known0705.deepCopy());
        ObjectNode b = ((ObjectNode) liveThatDay.deepCopy());
        a.remove("knownAt");
        b.remove("knownAt");
        assertThat(a).isEqualTo(b); // exactly what the live view showed on 07-05

        assertThat(get("/api/campaigns/" + c + "/progress?knownAt=2025-07-09").body()
                .at("/metrics/sessions/total").asLong()).isEqualTo(12);
        assertThat(get("/api/campaigns/" + c + "/progress?knownAt=2025-07-10").body()
                .at("/metrics/sessions/total").asLong()).isEqualTo(6);
        assertThat(get("/api/campaigns/" + c + "/progress?knownAt=2025-07-10").body()
                .at("/metrics/sessions/target").asLong()).isEqualTo(100);
        JsonNode known0712 = get("/api/campaigns/" + c + "/progress?knownAt=2025-07-12").body();
        assertThat(known0712.at("/metrics/sessions/target").asLong()).isEqualTo(50);
        assertThat(known0712.get("title").asText()).isEqualTo("文明路口引导行动（修订）");
        assertThat(known0712.at("/metrics/sessions/total").asLong()).isEqualTo(4);
        assertThat(known0712.at("/totals/activities").asLong()).isEqualTo(1);

        JsonNode live = get("/api/campaigns/" + c + "/progress").body();
        assertThat(live.at("/metrics/sessions/total").asLong()).isEqualTo(4);
        assertThat(live.at("/metrics/enrolledUnits/total").asLong()).isEqualTo(2);
        ObjectNode knownToday = (ObjectNode) get("/api/campaigns/" + c + "/progress?knownAt=2025-07-15").body();
        knownToday.remove("knownAt");
        ObjectNode liveCopy = (ObjectNode) live.deepCopy();
        liveCopy.remove("knownAt");
        assertThat(knownToday).isEqualTo(liveCopy);

        // before the launch day the system knew nothing of the campaign; the message names it by its title
        Response before = get("/api/campaigns/" + c + "/progress?knownAt=2025-06-29");
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.body().path("detail").asText()).contains("文明路口引导行动（修订）").contains("尚未录入");
    }

    @Test
    void asOfCountsActivitiesDatedUpToTheDayWithTheirCurrentFiguresAndKnownAtAsTheSystemKnewThem() {
        Scenario s = new Scenario(feed);
        String c = uid("valid");
        String st = uid("st");
        s.unit(st, "胜利街道建新南区实践站", PRACTICE_STATION, "顺义区", null, at("2025-05-20", 9))
                .launch(c, "学雷锋志愿服务月", "学雷锋", "顺义区", "2025-06-01", "2025-07-31",
                        new Targets(100L, null, null, null, null), at("2025-05-31", 9))
                .enrol(c, st, at("2025-06-01", 9))
                .record(c, "v1", st, "2025-06-05", "助老助残", f(3, 10, 10, 30), at("2025-06-05", 18))
                // an activity of 06-10 entered late, on 07-02
                .record(c, "v2", st, "2025-06-10", "助老助残", f(4, 10, 10, 30), at("2025-07-02", 9))
                .record(c, "v3", st, "2025-07-01", "助老助残", f(5, 10, 10, 30), at("2025-07-01", 18))
                // on 07-03 the 06-05 activity is corrected from 3 to 6 sessions
                .correct(c, "v1", "2025-06-05", f(6, 10, 10, 30), at("2025-07-03", 10));
        clock.set(LocalDate.parse("2025-07-05"));
        String path = "/api/campaigns/" + c + "/progress";

        JsonNode june = get(path + "?asOf=2025-06-30").body();
        assertThat(june.at("/metrics/sessions/total").asLong()).as("06-05 corrected + 06-10 entered late")
                .isEqualTo(10);
        assertThat(june.get("asOf").asText()).isEqualTo("2025-06-30");
        assertThat(june.get("knownAt").isNull()).isTrue();
        assertThat(june.at("/leaderboard/0/sessions").asLong()).isEqualTo(10);
        JsonNode juneDaily = june.get("daily");
        assertThat(juneDaily.get(juneDaily.size() - 1).path("date").asText()).isEqualTo("2025-06-30");
        assertThat(juneDaily.get(juneDaily.size() - 1).at("/cumulative/sessions").asLong()).isEqualTo(10);

        assertThat(get(path + "?knownAt=2025-06-30").body().at("/metrics/sessions/total").asLong())
                .as("as the system knew it on 06-30: the 06-05 activity, uncorrected").isEqualTo(3);
        JsonNode both = get(path + "?asOf=2025-06-30&knownAt=2025-07-02").body();
        assertThat(both.at("/metrics/sessions/total").asLong()).as("dated in June, known on 07-02").isEqualTo(7);
        assertThat(both.get("knownAt").asText()).isEqualTo("2025-07-02");

        ObjectNode today = (ObjectNode) get(path + "?asOf=2025-07-05").body();
        ObjectNode live = (ObjectNode) get(path).body();
        today.remove("asOf");
        live.remove("asOf");
        assertThat(today).isEqualTo(live);
        // a day before the campaign's period: its targets, nothing achieved yet
        assertThat(get(path + "?asOf=2025-05-31").body().at("/metrics/sessions/total").asLong()).isZero();
    }



    @Test
    void hierarchyBreakdownsLeaderboardSeriesAndSilentUnits() {
        Scenario s = new Scenario(feed);
        String c = uid("hier");
        String center = uid("ctr");
        String inst = uid("inst");
        String t1 = uid("st");
        String t2 = uid("st");
        String other = uid("inst");
        String team = uid("team");
        s.unit(center, "海淀区新时代文明实践中心", PRACTICE_CENTER, "海淀区", null, at("2025-06-01", 9))
                .unit(inst, "学院路街道实践所", PRACTICE_INSTITUTE, "海淀区", center, at("2025-06-01", 9))
                .unit(t1, "石油大院社区实践站", PRACTICE_STATION, "海淀区", inst, at("2025-06-01", 9))
                .unit(t2, "六道口社区实践站", PRACTICE_STATION, "海淀区", inst, at("2025-06-01", 9))
                .unit(other, "马连洼街道实践所", PRACTICE_INSTITUTE, "海淀区", center, at("2025-06-01", 9))
                .unit(team, "密云蓝天救援队", VOLUNTEER_TEAM, "密云区", null, at("2025-06-01", 9))
                .launch(c, "垃圾分类志愿服务", "垃圾分类", null, "2025-07-01", "2025-07-31",
                        new Targets(100L, null, null, null, null), at("2025-06-30", 10));
        for (String u : List.of(inst, t1, t2, other, team)) {
            s.enrol(c, u, at("2025-07-01", 9));
        }
        s.record(c, "h1", t1, "2025-07-02", "宣传", f(3, 10, 5, 20), at("2025-07-02", 20))
                .record(c, "h2", t2, "2025-07-18", "宣传", f(5, 10, 5, 20), at("2025-07-18", 20))
                .record(c, "h3", inst, "2025-07-03", "宣传", f(2, 4, 1.5, 8), at("2025-07-03", 20))
                .record(c, "h4", team, "2025-07-19", "消杀", f(7, 30, 46.5, 8530), at("2025-07-19", 20));
        clock.set(LocalDate.parse("2025-07-20"));

        JsonNode p = get("/api/campaigns/" + c + "/progress").body();
        assertThat(p.at("/metrics/sessions/total").asLong()).isEqualTo(17);
        JsonNode root = node(p.get("hierarchy"), center);
        assertThat(root.at("/total/sessions").asLong()).isEqualTo(10);
        assertThat(root.at("/own/sessions").asLong()).isZero();
        JsonNode instNode = node(root.get("children"), inst);
        assertThat(instNode.at("/own/sessions").asLong()).isEqualTo(2);
        assertThat(instNode.at("/total/sessions").asLong()).isEqualTo(10); // 2 + 3 + 5: a 所 includes its 站
        assertThat(instNode.at("/total/serviceHours").asDouble()).isEqualTo(11.5);
        assertThat(node(root.get("children"), other).at("/total/sessions").asLong()).isZero();
        assertThat(node(p.get("hierarchy"), team).at("/total/sessions").asLong()).isEqualTo(7);

        assertThat(group(p.get("byDistrict"), "district", "海淀区").get("sessions").asLong()).isEqualTo(10);
        assertThat(group(p.get("byDistrict"), "district", "密云区").get("beneficiaries").asLong()).isEqualTo(8530);
        assertThat(group(p.get("byUnitType"), "unitType", "实践站").get("sessions").asLong()).isEqualTo(8);
        assertThat(group(p.get("byUnitType"), "unitType", "实践站").get("enrolledUnits").asLong()).isEqualTo(2);
        assertThat(group(p.get("byUnitType"), "unitType", "志愿服务队").get("serviceHours").asDouble())
                .isEqualTo(46.5);

        assertThat(p.get("leaderboard").get(0).get("unitId").asText()).isEqualTo(team);
        assertThat(p.get("leaderboard").get(1).get("unitId").asText()).isEqualTo(t2);
        assertThat(p.get("leaderboard").get(0).get("rank").asInt()).isEqualTo(1);

        JsonNode daily = p.get("daily");
        assertThat(daily.size()).isEqualTo(20); // 07-01 … 07-20
        assertThat(daily.get(1).get("date").asText()).isEqualTo("2025-07-02");
        assertThat(daily.get(1).get("sessions").asLong()).isEqualTo(3);
        assertThat(daily.get(19).at("/cumulative/sessions").asLong()).isEqualTo(17);

        // silent: no activity in the last 7 days (07-14 … 07-20): t1 (last 07-02), inst (07-03), other (never)
        assertThat(ids(p.get("silentUnits"))).containsExactlyInAnyOrder(t1, inst, other);
        assertThat(ids(p.get("neverReported"))).containsExactly(other);
        assertThat(node(p.get("silentUnits"), t1).get("daysSilent").asLong()).isEqualTo(18);
        JsonNode longer = get("/api/campaigns/" + c + "/progress?silentDays=19").body();
        assertThat(ids(longer.get("silentUnits"))).containsExactlyInAnyOrder(other);
        assertThat(longer.get("silentDays").asInt()).isEqualTo(19);
    }

    @Test
    void pacingAtTheThresholds() {
        Scenario s = new Scenario(feed);
        String c = uid("pace");
        String u = uid("st");
        s.unit(u, "站", PRACTICE_STATION, "朝阳区", null, at("2024-12-01", 9))
                .launch(c, "百日大战", "文明交通", "朝阳区", "2025-01-01", "2025-04-10",
                        new Targets(1000L, 1000L, 1000.0, 1000L, 1), at("2024-12-31", 9))
                .enrol(c, u, at("2025-01-01", 9))
                .record(c, "p1", u, "2025-02-01", "引导", f(475, 474, 374.5, 375), at("2025-02-01", 9));
        clock.set(LocalDate.parse("2025-02-19")); // day 50 of 100: expected 50 %
        JsonNode p = get("/api/campaigns/" + c + "/progress").body();
        assertThat(p.get("expectedProgress").asDouble()).isEqualTo(0.5);
        assertThat(p.get("daysLeft").asLong()).isEqualTo(50);
        assertThat(p.at("/metrics/sessions/pacing").asText()).isEqualTo("ON_TRACK");      // 47.5 % = 0.95 × 50 %
        assertThat(p.at("/metrics/participations/pacing").asText()).isEqualTo("LAGGING"); // 47.4 %
        assertThat(p.at("/metrics/beneficiaries/pacing").asText()).isEqualTo("LAGGING");  // 37.5 % = 0.75 × 50 %
        assertThat(p.at("/metrics/serviceHours/pacing").asText()).isEqualTo("AT_RISK");   // 37.45 %
        assertThat(p.at("/metrics/enrolledUnits/pacing").asText()).isEqualTo("DONE");
        assertThat(p.at("/metrics/sessions/percent").asDouble()).isEqualTo(47.5);
        assertThat(p.get("pacing").asText()).isEqualTo("AT_RISK");

        JsonNode list = get("/api/campaigns?district=朝阳区".replace("朝阳区", "%E6%9C%9D%E9%98%B3%E5%8C%BA")).body();
        JsonNode row = node(list, c, "campaignId");
        assertThat(row.get("pacing").asText()).isEqualTo("AT_RISK");
        assertThat(row.at("/metrics/sessions/percent").asDouble()).isEqualTo(47.5);
        assertThat(row.get("enrolledUnits").asLong()).isEqualTo(1);
        assertThat(row.get("daysLeft").asLong()).isEqualTo(50);

        s.record(c, "p2", u, "2025-02-19", "引导", f(525, 526, 625.5, 625), at("2025-02-19", 10));
        JsonNode done = get("/api/campaigns/" + c + "/progress").body();
        assertThat(done.get("pacing").asText()).isEqualTo("DONE");
        assertThat(done.at("/metrics/sessions/percent").asDouble()).isEqualTo(100.0);
    }

    @Test
    void campaignListFiltersByStatusDistrictAndTheme() {
        Scenario s = new Scenario(feed);
        String c1 = uid("list");
        String c2 = uid("list");
        String theme = uid("theme");
        s.launch(c1, "活动一", theme, "西城区", "2025-05-01", "2025-05-31", null, at("2025-04-30", 9))
                .launch(c2, "活动二", theme, null, "2025-05-01", "2025-06-30", null, at("2025-04-30", 9));
        feed.publish(new com.campaigntracker.shared.campaign.CampaignEvents.CampaignClosed(c1), at("2025-06-01", 9));
        clock.set(LocalDate.parse("2025-06-10"));
        List<String> byTheme = campaignIds(get("/api/campaigns?theme=" + theme).body());
        assertThat(byTheme).containsExactlyInAnyOrder(c1, c2);
        assertThat(campaignIds(get("/api/campaigns?theme=" + theme + "&status=CLOSED").body())).containsExactly(c1);
        assertThat(campaignIds(get("/api/campaigns?theme=" + theme + "&status=ACTIVE").body())).containsExactly(c2);
        JsonNode row = node(get("/api/campaigns?theme=" + theme).body(), c2, "campaignId");
        assertThat(row.get("daysLeft").asLong()).isEqualTo(20);
        assertThat(row.get("pacing").isNull()).isTrue();
        assertThat(row.get("title").asText()).isEqualTo("活动二");
        assertThat(get("/api/campaigns?status=OPEN").status()).isEqualTo(400);
    }

    static JsonNode node(JsonNode array, String id) {
        return node(array, id, "unitId");
    }

    static JsonNode node(JsonNode array, String id, String field) {
        for (JsonNode n : array) {
            if (id.equals(n.get(field).asText())) {
                return n;
            }
        }
        throw new AssertionError(id + " not in " + array);
    }

    static JsonNode group(JsonNode array, String field, String value) {
        return node(array, value, field);
    }

    static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("unitId").asText()));
        return out;
    }

    static List<String> campaignIds(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("campaignId").asText()));
        return out;
    }
}
