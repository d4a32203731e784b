package com.campaigntracker.query;

import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.service.CompletionReport;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderAccepted;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderApproved;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderCompleted;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderDispatched;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderPlaced;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderRated;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectPublished;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectWithdrawn;
import com.campaigntracker.shared.unit.UnitType;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 服务点单 reads over HTTP: the menu, the order board with its filters, paging and overdue-first order, one order with
 * its timeline, the statistics and exports — each as a coordinator, a 实践所, a 实践站, a volunteer team and a
 * district leader see it — and every bad parameter answered 400/403/404 problem+json.
 */
class ServiceOrdersIT extends QueryIntegrationTest {
    /** "Now" for these tests: 2024-07-20 12:00 in Beijing (other tests' orders are placed in 2025). */
    private static final Instant NOW = EventFeed.at("2024-07-20", 12);
    private static boolean published;
    /** The period of this test's orders. */
    private static final String YEAR = "from=2024-01-01&to=2024-12-31";

    @BeforeEach
    void scene() {
        clock.setInstant(NOW);
        if (published) {
            return;
        }
        published = true;
        Scenario s = new Scenario(feed);
        Instant before = EventFeed.at("2024-06-01", 9);
        s.unit("svc-ctr", "海淀区新时代文明实践中心", UnitType.PRACTICE_CENTER, "海淀区", null, before)
                .unit("svc-ins", "学院路街道实践所", UnitType.PRACTICE_INSTITUTE, "海淀区", "svc-ctr", before)
                .unit("svc-st1", "石油社区实践站", UnitType.PRACTICE_STATION, "海淀区", "svc-ins", before)
                .unit("svc-st2", "二里庄社区实践站", UnitType.PRACTICE_STATION, "海淀区", "svc-ins", before)
                .unit("svc-team", "夕阳再晨志愿服务队", UnitType.VOLUNTEER_TEAM, "海淀区", "svc-ctr", before)
                .unit("svc-cy-ctr", "朝阳区新时代文明实践中心", UnitType.PRACTICE_CENTER, "朝阳区", null, before)
                .unit("svc-cy-st", "朝阳门社区实践站", UnitType.PRACTICE_STATION, "朝阳区", "svc-cy-ctr", before);
        publish(new ServiceProjectPublished("svc-p-hd", "科技助老", "助老助残", "教老人用智能手机", "svc-team", "海淀区",
                List.of("海淀区"), 5, null), "2024-07-01", 9, "svc-team", "svc-team");
        publish(new ServiceProjectPublished("svc-p-cy", "法律咨询进社区", "法律", "律师坐班", "svc-cy-ctr", "朝阳区",
                List.of("朝阳区"), null, null), "2024-07-01", 9, "coordinator", null);
        publish(new ServiceProjectPublished("svc-p-old", "旧项目", "科普", "", "svc-team", "海淀区",
                List.of("海淀区"), null, null), "2024-07-01", 9, "svc-team", "svc-team");
        publish(new ServiceProjectWithdrawn("svc-p-old", "不再提供"), "2024-07-02", 9, "svc-team", "svc-team");

        // the whole loop: placed 07-10 09:00, approved 15:00, dispatched 07-11 09:00, accepted 11:00, completed, rated
        publish(order("svc-o-rated", "svc-p-hd", "助老助残", "svc-st1", "海淀区", "2024-07-15"), "2024-07-10", 9,
                "svc-zhan", "svc-st1");
        publish(new ServiceOrderApproved("svc-o-rated"), "2024-07-10", 15, "svc-suo", "svc-ins");
        publish(new ServiceOrderDispatched("svc-o-rated", "svc-team", "海淀区"), "2024-07-11", 9, "svc-suo",
                "svc-ins");
        publish(new ServiceOrderAccepted("svc-o-rated", "svc-team"), "2024-07-11", 11, "svc-team", "svc-team");
        publish(new ServiceOrderCompleted("svc-o-rated", "svc-team", "svc-st1", "助老助残", null,
                new CompletionReport(LocalDate.parse("2024-07-15"), new Figures(2, 8, 6.5, 30), "教会 30 位老人")),
                "2024-07-15", 18, "svc-team", "svc-team");
        publish(new ServiceOrderRated("svc-o-rated", "svc-team", "助老助残", 5, "很耐心"), "2024-07-16", 9,
                "svc-zhan", "svc-st1");
        // placed 30 hours ago: its review is overdue
        publish(order("svc-o-late", "svc-p-hd", "助老助残", "svc-st1", "海淀区", "2024-07-25"), "2024-07-19", 6,
                "svc-zhan", "svc-st1");
        // st2's order, dispatched to the team this morning (acceptance due in 48 h)
        publish(order("svc-o-disp", "svc-p-hd", "助老助残", "svc-st2", "海淀区", "2024-07-28"), "2024-07-19", 10,
                "coordinator", null);
        publish(new ServiceOrderApproved("svc-o-disp"), "2024-07-19", 16, "svc-suo", "svc-ins");
        publish(new ServiceOrderDispatched("svc-o-disp", "svc-team", "海淀区"), "2024-07-20", 9, "svc-suo",
                "svc-ins");
        // a free request nobody's menu serves in 海淀
        publish(order("svc-o-free", null, "法律", "svc-st1", "海淀区", "2024-07-30"), "2024-07-20", 10, "svc-zhan",
                "svc-st1");
        // 朝阳: placed 3 hours ago, and 朝阳 reviews within 2 hours
        publish(order("svc-o-cy", "svc-p-cy", "法律", "svc-cy-st", "朝阳区", "2024-07-30"), "2024-07-20", 9,
                "coordinator", null);
    }

    private void publish(Object event, String day, int hour, String user, String unit) {
        feed.publish(event, EventFeed.at(day, hour), user, unit == null ? "COORDINATOR" : "UNIT", unit);
    }

    private static ServiceOrderPlaced order(String id, String project, String category, String station,
                                            String district, String wanted) {
        List<String> above = district.equals("海淀区") ? List.of("svc-ins", "svc-ctr") : List.of("svc-cy-ctr");
        return new ServiceOrderPlaced(id, project, project == null ? null : "项目" + project, category, station,
                district, above, project == null ? null : "svc-team", null, LocalDate.parse(wanted), null, "社区活动室",
                20, "王老师 13800000000", "备注");
    }

    private Response as(String user, String path) {
        String sep = path.contains("?") ? "&" : "?";
        return send(request(path + sep + "minPosition=" + feed.head(), basic(user)).GET().build());
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("items").forEach(o -> out.add(o.path("orderId").asText()));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aCoordinatorSeesEveryOrderTheOverdueFirstWithPerStateCounts() {
        JsonNode page = get("/api/service-orders?size=200").body();
        List<String> mine = ids(page).stream().filter(id -> id.startsWith("svc-o-")).toList();
        assertThat(mine).containsExactlyInAnyOrder("svc-o-rated", "svc-o-late", "svc-o-disp", "svc-o-free",
                "svc-o-cy");
        // overdue reviews first (朝阳's 2-hour rule makes its order overdue too), most overdue first
        assertThat(mine.subList(0, 2)).containsExactly("svc-o-late", "svc-o-cy");
        JsonNode late = page.path("items").get(ids(page).indexOf("svc-o-late"));
        assertThat(late.path("overdue").asBoolean()).isTrue();
        assertThat(late.path("overdueStep").asText()).isEqualTo("REVIEW");
        assertThat(late.path("dueAt").asText()).isEqualTo(EventFeed.at("2024-07-20", 6).toString());
        assertThat(late.path("actions").toString()).contains("APPROVE", "REJECT", "CANCEL");
        assertThat(late.path("contact").asText()).isEqualTo("王老师 13800000000");
        assertThat(late.path("requestingUnitName").asText()).isEqualTo("石油社区实践站");
        JsonNode free = page.path("items").get(ids(page).indexOf("svc-o-free"));
        assertThat(free.path("free").asBoolean()).isTrue();
        assertThat(free.path("overdue").asBoolean()).isFalse();
        assertThat(free.path("overdueStep").asText()).isEqualTo("REVIEW");

        JsonNode haidian = get("/api/service-orders?district=" + enc("海淀区") + "&" + YEAR).body();
        assertThat(ids(haidian)).containsExactly("svc-o-late", "svc-o-free", "svc-o-disp", "svc-o-rated");
        assertThat(haidian.path("total").asLong()).isEqualTo(4);
        assertThat(haidian.path("overdue").asLong()).isEqualTo(1);
        assertThat(count(haidian, "PLACED")).isEqualTo(2);
        assertThat(count(haidian, "DISPATCHED")).isEqualTo(1);
        assertThat(count(haidian, "RATED")).isEqualTo(1);

        // filters: state (one or several), unit, provider, category, overdue, period; paging
        String hd = "district=" + enc("海淀区") + "&" + YEAR;
        assertThat(ids(get("/api/service-orders?state=PLACED&" + hd).body()))
                .containsExactly("svc-o-late", "svc-o-free");
        assertThat(count(get("/api/service-orders?state=PLACED&" + hd).body(), "RATED")).isEqualTo(1);
        assertThat(ids(get("/api/service-orders?state=DISPATCHED,RATED&" + hd).body()))
                .containsExactly("svc-o-disp", "svc-o-rated");
        assertThat(ids(get("/api/service-orders?requestingUnitId=svc-st2").body())).containsExactly("svc-o-disp");
        assertThat(ids(get("/api/service-orders?providerUnitId=svc-team").body()))
                .containsExactly("svc-o-disp", "svc-o-rated");
        assertThat(ids(get("/api/service-orders?category=" + enc("法律") + "&" + YEAR).body()))
                .containsExactly("svc-o-cy", "svc-o-free");
        assertThat(ids(get("/api/service-orders?overdue=true&" + hd).body())).containsExactly("svc-o-late");
        assertThat(ids(get("/api/service-orders?from=2024-07-19&to=2024-07-19").body()))
                .containsExactly("svc-o-late", "svc-o-disp");
        JsonNode first = get("/api/service-orders?size=2&page=1&" + hd).body();
        assertThat(ids(first)).containsExactly("svc-o-disp", "svc-o-rated");
        assertThat(first.path("hasMore").asBoolean()).isFalse();
        assertThat(get("/api/service-orders?size=2&page=0&" + hd).body().path("hasMore").asBoolean()).isTrue();
    }

    private static long count(JsonNode page, String state) {
        for (JsonNode c : page.path("byState")) {
            if (c.path("state").asText().equals(state)) {
                return c.path("count").asLong();
            }
        }
        throw new AssertionError(state);
    }

    @Test
    void anOrderHasItsTimelineWhoAndWhen() {
        Response read = get("/api/service-orders/svc-o-rated");
        // read-your-writes: the read waited for the projection to reach the last appended event
        assertThat(read.raw().headers().firstValue("X-Projection-Caught-Up")).contains("true");
        JsonNode o = read.body();
        assertThat(o.path("state").asText()).isEqualTo("RATED");
        assertThat(o.path("providerName").asText()).isEqualTo("夕阳再晨志愿服务队");
        assertThat(o.path("completion").path("serviceHours").asDouble()).isEqualTo(6.5);
        assertThat(o.path("rating").path("score").asInt()).isEqualTo(5);
        assertThat(o.path("overdue").asBoolean()).isFalse();
        assertThat(o.path("dueAt").isNull()).isTrue();
        assertThat(o.path("placed").path("user").asText()).isEqualTo("svc-zhan");
        assertThat(o.path("accepted").path("at").asText()).isEqualTo(EventFeed.at("2024-07-11", 11).toString());
        List<String> steps = new ArrayList<>();
        o.path("timeline").forEach(t -> steps.add(t.path("step").asText()));
        assertThat(steps).containsExactly("PLACED", "APPROVED", "DISPATCHED", "ACCEPTED", "COMPLETED", "RATED");
        JsonNode dispatched = o.path("timeline").get(2);
        assertThat(dispatched.path("user").asText()).isEqualTo("svc-suo");
        assertThat(dispatched.path("unitName").asText()).isEqualTo("学院路街道实践所");
        assertThat(dispatched.path("providerName").asText()).isEqualTo("夕阳再晨志愿服务队");
        assertThat(o.path("timeline").get(5).path("comment").asText()).isEqualTo("很耐心");
    }

    @Test
    void eachUnitSeesItsOwnPartAndOnlyTheHandlersSeeTheContact() {
        // the station: what it placed, with its contact; st2's and 朝阳's orders are not its business
        JsonNode zhan = as("svc-zhan", "/api/service-orders").body();
        assertThat(ids(zhan)).containsExactlyInAnyOrder("svc-o-rated", "svc-o-late", "svc-o-free");
        assertThat(zhan.toString()).contains("王老师");
        JsonNode late = zhan.path("items").get(ids(zhan).indexOf("svc-o-late"));
        assertThat(late.path("actions").toString()).isEqualTo("[\"CANCEL\"]");
        assertThat(as("svc-zhan", "/api/service-orders/svc-o-disp").status()).isEqualTo(403);
        assertThat(as("svc-zhan", "/api/service-orders/svc-o-disp").contentType())
                .startsWith("application/problem+json");
        assertThat(ids(as("svc-zhan", "/api/service-orders?inbox=placed").body())).hasSize(3);
        assertThat(ids(as("svc-zhan", "/api/service-orders?inbox=review").body())).isEmpty();

        // the 实践所: its stations' orders to review and dispatch, the overdue review first
        JsonNode suo = as("svc-suo", "/api/service-orders?inbox=review").body();
        assertThat(ids(suo)).containsExactly("svc-o-late", "svc-o-free", "svc-o-disp", "svc-o-rated");
        // it acts for its stations, so it may also cancel for them
        assertThat(suo.path("items").get(0).path("actions").toString())
                .isEqualTo("[\"APPROVE\",\"REJECT\",\"CANCEL\"]");
        assertThat(suo.path("items").get(2).path("actions").toString()).isEqualTo("[\"DISPATCH\",\"CANCEL\"]");

        // the team: what is dispatched to it; accept or decline; once two days pass, the acceptance is overdue
        JsonNode team = as("svc-team", "/api/service-orders?inbox=provider").body();
        assertThat(ids(team)).containsExactly("svc-o-disp", "svc-o-rated");
        assertThat(team.path("items").get(0).path("actions").toString()).isEqualTo("[\"ACCEPT\",\"DECLINE\"]");
        assertThat(team.path("items").get(0).path("contact").asText()).isEqualTo("王老师 13800000000");
        assertThat(as("svc-team", "/api/service-orders/svc-o-late").status()).isEqualTo(403);
        clock.setInstant(NOW.plus(Duration.ofHours(49)));
        JsonNode later = as("svc-team", "/api/service-orders?inbox=provider").body();
        assertThat(later.path("items").get(0).path("overdueStep").asText()).isEqualTo("ACCEPT");
        assertThat(later.path("items").get(0).path("overdue").asBoolean()).isTrue();
        assertThat(later.path("overdue").asLong()).isEqualTo(1);
        assertThat(ids(as("svc-team", "/api/service-orders?overdue=true").body())).containsExactly("svc-o-disp");

        // the district leader: 海淀's orders, no contact, no action; 朝阳 answers 403
        JsonNode leader = as("svc-leader", "/api/service-orders?" + YEAR).body();
        assertThat(ids(leader)).hasSize(4).doesNotContain("svc-o-cy");
        assertThat(leader.toString()).doesNotContain("王老师");
        leader.path("items").forEach(o -> assertThat(o.path("actions").size()).isZero());
        assertThat(leader.path("items").get(0).path("contactHidden").asBoolean()).isTrue();
        Response other = as("svc-leader", "/api/service-orders?district=" + enc("朝阳区"));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body().path("detail").asText()).contains("朝阳区");
        assertThat(as("svc-leader", "/api/service-orders/svc-o-cy").status()).isEqualTo(403);
        assertThat(ids(as("svc-leader", "/api/service-orders?inbox=review").body())).isEmpty();
    }

    @Test
    void theMenuShowsEachReaderTheProjectsServingItsDistrictAndWhatItMayDo() {
        JsonNode all = get("/api/service-projects").body();
        List<String> ids = new ArrayList<>();
        all.forEach(p -> ids.add(p.path("projectId").asText()));
        assertThat(ids).contains("svc-p-hd", "svc-p-cy").doesNotContain("svc-p-old");
        JsonNode hd = all.get(ids.indexOf("svc-p-hd"));
        assertThat(hd.path("providerName").asText()).isEqualTo("夕阳再晨志愿服务队");
        assertThat(hd.path("actions").toString()).contains("REVISE", "WITHDRAW", "ORDER");
        assertThat(get("/api/service-projects?includeWithdrawn=true").body().toString()).contains("svc-p-old", "不再提供");
        assertThat(get("/api/service-projects?category=" + enc("法律")).body().toString())
                .contains("svc-p-cy").doesNotContain("svc-p-hd");
        assertThat(get("/api/service-projects?district=" + enc("朝阳区")).body().toString())
                .contains("svc-p-cy").doesNotContain("svc-p-hd");
        assertThat(get("/api/service-projects?providerUnitId=svc-team").body().toString()).contains("svc-p-hd")
                .doesNotContain("svc-p-cy");

        JsonNode station = as("svc-zhan", "/api/service-projects").body();
        assertThat(station.toString()).contains("svc-p-hd").doesNotContain("svc-p-cy");
        assertThat(station.get(0).path("actions").toString()).isEqualTo("[\"ORDER\"]");
        JsonNode team = as("svc-team", "/api/service-projects?providerUnitId=svc-team").body();
        assertThat(team.get(0).path("actions").toString()).isEqualTo("[\"REVISE\",\"WITHDRAW\",\"ORDER\"]");
        assertThat(as("svc-leader", "/api/service-projects").body().get(0).path("actions").size()).isZero();
        assertThat(get("/api/service-projects/svc-p-hd").body().path("weeklyCapacity").asInt()).isEqualTo(5);
        assertThat(as("svc-zhan", "/api/service-projects/svc-p-cy").status()).isEqualTo(403);
        assertThat(get("/api/service-projects/nope").status()).isEqualTo(404);

        JsonNode settings = get("/api/service-categories").body();
        assertThat(settings.path("categories").toString()).contains("理论宣讲", "助老助残");
        assertThat(settings.path("deadlines").get(0).path("reviewHours").asDouble()).isEqualTo(24.0);
        assertThat(settings.path("deadlines").get(1).path("district").asText()).isEqualTo("朝阳区");
        assertThat(settings.path("deadlines").get(1).path("reviewHours").asDouble()).isEqualTo(2.0);
    }

    @Test
    void statisticsByDistrictCategoryStepProviderAndUnmetDemand() {
        JsonNode s = get("/api/service-orders/stats?" + YEAR).body();
        assertThat(s.path("orders").asLong()).isEqualTo(5);
        assertThat(s.path("completed").asLong()).isEqualTo(1);
        assertThat(s.path("completionRate").asDouble()).isEqualTo(0.2);
        assertThat(s.path("averageRating").asDouble()).isEqualTo(5.0);
        assertThat(s.path("overdue").asLong()).isEqualTo(2);
        JsonNode medians = s.path("medians");
        assertThat(medians.get(0).path("step").asText()).isEqualTo("REVIEW");
        assertThat(medians.get(0).path("samples").asLong()).isEqualTo(2); // 6 h and 6 h
        assertThat(medians.get(0).path("hours").asDouble()).isEqualTo(6.0);
        assertThat(medians.get(1).path("hours").asDouble()).isEqualTo(17.5); // (18 h + 17 h) / 2
        assertThat(medians.get(2).path("hours").asDouble()).isEqualTo(2.0);
        assertThat(medians.get(3).path("hours").asDouble()).isEqualTo(103.0);
        assertThat(s.path("byDistrict").get(0).path("district").asText()).isEqualTo("海淀区");
        assertThat(s.path("byDistrict").get(0).path("orders").asLong()).isEqualTo(4);
        assertThat(s.path("byDistrict").get(1).path("district").asText()).isEqualTo("朝阳区");
        assertThat(s.path("byCategory").get(0).path("category").asText()).isEqualTo("助老助残");
        assertThat(s.path("byCategory").get(0).path("averageRating").asDouble()).isEqualTo(5.0);
        JsonNode team = s.path("byProvider").get(0);
        assertThat(team.path("unitId").asText()).isEqualTo("svc-team");
        assertThat(team.path("dispatched").asLong()).isEqualTo(2);
        assertThat(team.path("accepted").asLong()).isEqualTo(1);
        assertThat(team.path("completed").asLong()).isEqualTo(1);
        assertThat(team.path("averageRating").asDouble()).isEqualTo(5.0);
        // 海淀's 法律 request: no 海淀 menu item serves it (朝阳's does not count)
        assertThat(s.path("unservedDemand").toString()).isEqualTo(
                "[{\"category\":\"法律\",\"freeRequests\":1,\"districts\":[\"海淀区\"]}]");

        JsonNode leader = as("svc-leader", "/api/service-orders/stats?" + YEAR).body();
        assertThat(leader.path("orders").asLong()).isEqualTo(4);
        assertThat(leader.path("district").asText()).isEqualTo("海淀区");
        assertThat(as("svc-leader", "/api/service-orders/stats?district=" + enc("朝阳区")).status()).isEqualTo(403);
        assertThat(get("/api/service-orders/stats?from=2024-08-01&to=2024-12-31").body().path("completionRate").isNull()).isTrue();
    }

    @Test
    void exportsAnswerWhatTheListAnswersTheSameReader() {
        String text = csv("svc-zhan");
        assertThat(text).contains("订单编号", "svc-o-rated", "svc-o-late", "石油社区实践站", "王老师")
                .doesNotContain("svc-o-disp", "svc-o-cy");
        String leaderCsv = csv("svc-leader");
        assertThat(leaderCsv).contains("svc-o-disp").doesNotContain("王老师", "svc-o-cy");
        for (String path : List.of("/api/service-orders.xlsx?state=PLACED", "/api/service-orders/stats.xlsx")) {
            var x = download(path, ADMIN);
            assertThat(x.statusCode()).as(path).isEqualTo(200);
            assertThat(x.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats");
            assertThat(new String(x.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK"); // a zip: the workbook
        }
        assertThat(getRaw("/api/service-orders.csv?state=NOPE").status()).isEqualTo(400);
    }

    private String csv(String user) {
        var r = download("/api/service-orders.csv?minPosition=" + feed.head(), basic(user));
        assertThat(r.statusCode()).isEqualTo(200);
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private java.net.http.HttpResponse<byte[]> download(String path, String authorization) {
        try {
            return http.send(request(path, authorization).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void badParametersAre400AndUnknownOrders404ProblemJson() {
        for (String path : List.of("/api/service-orders?state=NOPE", "/api/service-orders?size=0",
                "/api/service-orders?size=201", "/api/service-orders?page=-1", "/api/service-orders?from=07-01",
                "/api/service-orders?from=2024-07-10&to=2024-07-01", "/api/service-orders?inbox=mine",
                "/api/service-orders?requestingUnitId=bad%20id", "/api/service-orders/stats?to=yesterday",
                "/api/service-projects?providerUnitId=a%2Fb", "/api/service-orders/bad%21id")) {
            Response r = getRaw(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.contentType()).as(path).startsWith("application/problem+json");
            assertThat(r.body().path("detail").asText()).as(path).matches("(?s).*\\p{IsHan}.*");
        }
        assertThat(getRaw("/api/service-orders?state=NOPE").body().path("detail").asText()).contains("state", "NOPE");
        Response missing = getRaw("/api/service-orders/no-such-order");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("detail").asText()).contains("no-such-order");
    }
}
