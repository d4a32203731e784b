package com.campaigntracker.query;

import com.campaigntracker.shared.campaign.CampaignEvents.CampaignCancelled;
import com.campaigntracker.shared.campaign.Targets;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static com.campaigntracker.query.EventFeed.at;
import static com.campaigntracker.query.Scenario.f;
import static com.campaigntracker.shared.unit.UnitType.PRACTICE_STATION;
import static org.assertj.core.api.Assertions.assertThat;

class ThemeProgressIT extends QueryIntegrationTest {

    private static Targets sessions(long n) {
        return new Targets(n, null, null, null, null);
    }

    @Test
    void aThemeSumsItsDistrictsCampaignsAgainstTheirTargetsAndRanksTheDistricts() {
        String theme = uid("爱国卫生月");
        Scenario s = new Scenario(feed);
        String hd = uid("hd");
        String cy = uid("cy");
        String ft = uid("ft");
        String hdSt = uid("hd-st");
        String cySt = uid("cy-st");
        String ftSt = uid("ft-st");
        s.unit(hdSt, "学院路社区实践站", PRACTICE_STATION, "海淀区", null, at("2025-03-01", 9))
                .unit(cySt, "朝外社区实践站", PRACTICE_STATION, "朝阳区", null, at("2025-03-01", 9))
                .unit(ftSt, "卢沟桥社区实践站", PRACTICE_STATION, "丰台区", null, at("2025-03-01", 9))
                .launch(hd, "海淀区爱国卫生月", theme, "海淀区", "2025-04-01", "2025-04-30", sessions(10),
                        at("2025-03-20", 9))
                .launch(cy, "朝阳区爱国卫生月", theme, "朝阳区", "2025-04-01", "2025-04-30", sessions(20),
                        at("2025-03-20", 9))
                .launch(ft, "丰台区爱国卫生月", theme, "丰台区", "2025-04-01", "2025-04-30", sessions(30),
                        at("2025-03-20", 9))
                .enrol(hd, hdSt, at("2025-04-01", 9))
                .enrol(cy, cySt, at("2025-04-01", 9))
                .enrol(ft, ftSt, at("2025-04-01", 9))
                .record(hd, uid("a"), hdSt, "2025-04-05", "环境清洁", f(12, 60, 30, 500), at("2025-04-05", 18))
                .record(cy, uid("a"), cySt, "2025-04-10", "环境清洁", f(5, 20, 10.5, 100), at("2025-04-10", 18));
        // left out: another theme, a cancelled campaign of the theme, one outside the period asked for
        String other = uid("other");
        String cancelled = uid("cancelled");
        String june = uid("june");
        s.launch(other, "海淀区理论宣讲", uid("理论宣讲"), "海淀区", "2025-04-01", "2025-04-30", sessions(5),
                        at("2025-03-20", 9))
                .launch(cancelled, "西城区爱国卫生月", theme, "西城区", "2025-04-01", "2025-04-30", sessions(5),
                        at("2025-03-20", 9))
                .launch(june, "东城区爱国卫生月", theme, "东城区", "2025-06-01", "2025-06-30", sessions(5),
                        at("2025-03-20", 9));
        feed.publish(new CampaignCancelled(cancelled, "并入全区活动"), at("2025-03-21", 9));
        clock.set(LocalDate.parse("2025-04-16"));

        String path = "/api/themes/" + URLEncoder.encode(theme, StandardCharsets.UTF_8).replace("+", "%20")
                + "/progress";
        JsonNode april = get(path + "?from=2025-04-01&to=2025-04-30").body();

        assertThat(april.path("theme").asText()).isEqualTo(theme);
        assertThat(april.path("campaignCount").asInt()).isEqualTo(3);
        assertThat(april.at("/totals/sessions").asLong()).isEqualTo(17);
        assertThat(april.at("/totals/serviceHours").asDouble()).isEqualTo(40.5);
        assertThat(april.path("enrolledUnits").asLong()).isEqualTo(3);
        assertThat(april.path("reportingUnits").asLong()).isEqualTo(2);
        // 17 of 10 + 20 + 30; each campaign is 16 of 30 days in, so 32 sessions are expected by now
        JsonNode sessions = april.at("/metrics/sessions");
        assertThat(sessions.path("target").asLong()).isEqualTo(60);
        assertThat(sessions.path("percent").asDouble()).isEqualTo(28.33);
        assertThat(sessions.path("expectedPercent").asDouble()).isEqualTo(53.33);
        assertThat(sessions.path("pacing").asText()).isEqualTo("AT_RISK");
        assertThat(april.at("/metrics/participations/target").isNull()).isTrue();

        assertThat(april.path("byDistrict").findValuesAsText("district"))
                .containsExactlyInAnyOrder("海淀区", "朝阳区", "丰台区");
        JsonNode haidian = row(april, "海淀区");
        assertThat(haidian.path("pacing").asText()).isEqualTo("DONE");
        assertThat(haidian.at("/campaigns/0/campaignId").asText()).isEqualTo(hd);
        assertThat(haidian.path("reportingUnits").asLong()).isEqualTo(1);
        JsonNode fengtai = row(april, "丰台区");
        assertThat(fengtai.at("/totals/sessions").asLong()).isZero();
        assertThat(fengtai.path("reportingUnits").asLong()).isZero();
        assertThat(fengtai.path("pacing").asText()).isEqualTo("AT_RISK");

        assertThat(april.path("ranking").findValuesAsText("district")).containsExactly("海淀区", "朝阳区", "丰台区");
        assertThat(april.at("/ranking/0/sessionsPercent").asDouble()).isEqualTo(120.0);
        assertThat(april.at("/ranking/2/rank").asInt()).isEqualTo(3);

        JsonNode daily = april.path("daily");
        assertThat(daily.get(0).path("date").asText()).isEqualTo("2025-04-01");
        assertThat(daily.get(daily.size() - 1).path("date").asText()).isEqualTo("2025-04-16");
        JsonNode tenth = daily.get(9);
        assertThat(tenth.path("date").asText()).isEqualTo("2025-04-10");
        assertThat(tenth.path("sessions").asLong()).isEqualTo(5);
        assertThat(tenth.at("/cumulative/sessions").asLong()).isEqualTo(17);

        JsonNode anyTime = get(path).body();
        assertThat(anyTime.path("campaignCount").asInt()).isEqualTo(4);
        assertThat(anyTime.path("byDistrict").findValuesAsText("district")).contains("东城区");

        Response backwards = get(path + "?from=2025-04-30&to=2025-04-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body().path("detail").asText()).contains("期间止").contains("不能早于期间起");
    }

    private static JsonNode row(JsonNode view, String district) {
        for (JsonNode r : view.path("byDistrict")) {
            if (r.path("district").asText().equals(district)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + district + " in " + view.path("byDistrict"));
    }
}
