package com.campaigntracker.standalone;

import com.campaigntracker.eventstore.TrackerEventStorageEngine;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint × every kind of caller → the expected status; for every refusal the event store is unchanged.
 * The whole product in one process, through real HTTP with HTTP Basic.
 */
// Spring Boot tests export no metrics unless asked: the Prometheus endpoint is under test
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = TrackerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// the matrix runs first, as it always has; the scope test waits for the matrix's closing rebuild to finish
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    enum Persona {
        ANONYMOUS(null), COORDINATOR("coordinator"), UNIT_RIGHT("zhan1-account"), UNIT_OTHER("zhan2-account"),
        UNIT_PARENT("suo1-account"), LEADER_IN("leader-hd"), LEADER_OUT("leader-sy"), ADMIN("admin"),
        MONITOR("monitor");

        final String user;

        Persona(String user) {
            this.user = user;
        }

        String header() {
            return user == null ? null : ProductProcess.basic(user, user + "-pw");
        }
    }

    private static final Set<Persona> WRITERS = EnumSet.of(Persona.COORDINATOR, Persona.ADMIN);
    private static final Set<Persona> REPORTERS = EnumSet.of(Persona.COORDINATOR, Persona.ADMIN,
            Persona.UNIT_RIGHT, Persona.UNIT_PARENT);
    /** Who may import a ledger (each UNIT account then only its own units' rows). */
    private static final Set<Persona> REPORTERS_ANY_UNIT = EnumSet.of(Persona.COORDINATOR, Persona.ADMIN,
            Persona.UNIT_RIGHT, Persona.UNIT_OTHER, Persona.UNIT_PARENT);
    /** MONITOR scrapes metrics and reads nothing else. */
    private static final Set<Persona> READERS = EnumSet.complementOf(EnumSet.of(Persona.ANONYMOUS, Persona.MONITOR));
    private static final Set<Persona> BRIEFING_DRAFTERS = EnumSet.of(Persona.COORDINATOR, Persona.ADMIN,
            Persona.LEADER_IN);
    private static final Set<Persona> BRIEFING_READERS = EnumSet.of(Persona.COORDINATOR, Persona.ADMIN,
            Persona.LEADER_IN, Persona.LEADER_OUT);
    /** 服务菜单 and service orders: 所1 is above the station zhan1 (it reviews) and the team team1 (it provides). */
    private static final Set<Persona> ABOVE_ZHAN1_AND_TEAM1 = EnumSet.of(Persona.COORDINATOR, Persona.ADMIN,
            Persona.UNIT_PARENT);
    private static final Set<Persona> HAIDIAN_READERS = EnumSet.complementOf(
            EnumSet.of(Persona.ANONYMOUS, Persona.LEADER_OUT, Persona.MONITOR));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        registry.add("tracker.data-dir", () -> tempDir());
        String[][] accounts = {
                {"coordinator", "COORDINATOR", null, null}, {"admin", "ADMIN", null, null},
                {"zhan1-account", "UNIT", "zhan1", null}, {"zhan2-account", "UNIT", "zhan2", null},
                {"suo1-account", "UNIT", "suo1", null}, {"leader-hd", "LEADER", null, "海淀区"},
                {"leader-sy", "LEADER", null, "顺义区"}, {"monitor", "MONITOR", null, null}};
        for (int i = 0; i < accounts.length; i++) {
            String[] a = accounts[i];
            String prefix = "tracker.security.users[" + i + "].";
            registry.add(prefix + "username", () -> a[0]);
            registry.add(prefix + "password", () -> "{noop}" + a[0] + "-pw");
            registry.add(prefix + "roles", () -> a[1]);
            if (a[2] != null) {
                registry.add(prefix + "unit", () -> a[2]);
            }
            if (a[3] != null) {
                registry.add(prefix + "district", () -> a[3]);
            }
        }
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("authz-matrix-").toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    TrackerEventStorageEngine engine;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One endpoint: how to build its request for a caller (after setting up what it needs), and who may. */
    record Case(String name, String method, Set<Persona> allowed, int refusedStatus,
                Function<Persona, String> path, Function<Persona, Object> body) {
    }

    @BeforeAll
    void hierarchy() throws Exception {
        coordinator("POST", "/api/units", unit("hd-c", "海淀区新时代文明实践中心", "实践中心", null));
        coordinator("POST", "/api/units", unit("suo1", "学院路街道实践所", "实践所", "hd-c"));
        coordinator("POST", "/api/units", unit("zhan1", "石油社区实践站", "实践站", "suo1"));
        coordinator("POST", "/api/units", unit("zhan2", "二里庄社区实践站", "实践站", "suo1"));
        coordinator("POST", "/api/campaigns", campaign("shared"));
        coordinator("POST", "/api/campaigns/shared/enrollments", Map.of("unitId", "zhan1"));
        coordinator("POST", "/api/campaigns/shared/activities", activity("shared-a", 2));
        coordinator("POST", "/api/units", unit("team1", "学院路志愿服务队", "志愿服务队", "suo1"));
        coordinator("POST", "/api/service-projects", serviceProject("menu"));
        coordinator("POST", "/api/service-orders", Map.of("orderId", "matrix-order", "category", "法律",
                "requestingUnitId", "zhan1", "wantedFrom", TODAY.plusDays(3).toString(), "place", "社区活动室",
                "contact", "王老师 13800000000"));
    }

    /**
     * A city-wide campaign with units in 海淀 and 朝阳: a 海淀 leader (and a 海淀 unit account) sees every district's
     * aggregate row but no 朝阳 unit, ledger row or history entry anywhere, live stream included; a coordinator
     * sees everything.
     */
    @Test
    @Order(2)
    void aDistrictReaderSeesOnlyItsOwnDistrictsUnitsInACityWideCampaign() throws Exception {
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).until(() ->
                send(Persona.COORDINATOR.header(), "GET", "/api/campaigns/shared/progress", null).statusCode() == 200);
        coordinator("POST", "/api/units", unit("cy-c", "朝阳区新时代文明实践中心", "实践中心", null, "朝阳区"));
        coordinator("POST", "/api/units", unit("cy-suo", "朝外街道实践所", "实践所", "cy-c", "朝阳区"));
        coordinator("POST", "/api/units", unit("cy-zhan", "朝阳门社区实践站", "实践站", "cy-suo", "朝阳区"));
        coordinator("POST", "/api/units", unit("cy-quiet", "三里屯社区实践站", "实践站", "cy-suo", "朝阳区"));
        Map<String, Object> cityWide = new LinkedHashMap<>(campaign("city"));
        cityWide.remove("district");
        coordinator("POST", "/api/campaigns", cityWide);
        for (String u : List.of("zhan1", "zhan2", "cy-zhan", "cy-quiet")) {
            coordinator("POST", "/api/campaigns/city/enrollments", Map.of("unitId", u));
        }
        coordinator("POST", "/api/campaigns/city/activities", activity("city-hd", 2));
        Map<String, Object> chaoyang = new LinkedHashMap<>(activity("city-cy", 5));
        chaoyang.put("unitId", "cy-zhan");
        chaoyang.put("title", "朝阳机密标题");
        chaoyang.put("notes", "朝阳备注");
        coordinator("POST", "/api/campaigns/city/activities", chaoyang);
        String at = "minPosition=" + engine.headPosition();
        List<String> reads = List.of("/api/campaigns/city/progress?" + at,
                "/api/campaigns/city/progress?asOf=" + TODAY + "&" + at,
                "/api/campaigns/city/activities?" + at, "/api/campaigns/city/activities?includeRetracted=false&" + at,
                "/api/campaigns/city/history?" + at);
        List<String> chaoyangMarks = List.of("cy-zhan", "cy-quiet", "cy-suo", "朝阳门", "三里屯", "朝外街道",
                "朝阳机密标题", "朝阳备注");

        for (Persona p : List.of(Persona.LEADER_IN, Persona.UNIT_RIGHT)) {
            for (String path : reads) {
                String body = ok(p, path);
                assertThat(chaoyangMarks).as("%s %s", p, path).noneMatch(body::contains);
                if (path.contains("/progress")) {
                    var progress = JSON.readTree(body);
                    assertThat(progress.path("byDistrict").findValuesAsText("district"))
                            .containsExactly("朝阳区", "海淀区");
                    assertThat(progress.path("totals").path("sessions").asLong()).isEqualTo(7);
                    assertThat(progress.path("neverReported").findValuesAsText("unitId")).containsExactly("zhan2");
                    assertThat(progress.path("leaderboard").findValuesAsText("unitId")).containsExactly("zhan1");
                    assertThat(body).contains("石油社区实践站", "学院路街道实践所");
                } else if (path.contains("/activities")) {
                    assertThat(JSON.readTree(body).path("items").findValuesAsText("activityId"))
                            .containsExactly("city-hd");
                } else {
                    // the launch (no unit) and the 海淀 enrolments and record stay visible
                    assertThat(JSON.readTree(body).path("items").findValuesAsText("type"))
                            .contains("CampaignLaunched").hasSize(4);
                }
            }
            for (String export : List.of("/api/campaigns/city/activities.csv?" + at,
                    "/api/campaigns/city/history.csv?" + at)) {
                String body = ok(p, export);
                assertThat(body).as("%s %s", p, export).contains("city-hd");
                assertThat(chaoyangMarks).as("%s %s", p, export).noneMatch(body::contains);
            }
            assertThat(send(p.header(), "GET", "/api/campaigns/city/activities?unitId=cy-zhan", null).statusCode())
                    .as("%s: a 朝阳 unit's ledger", p).isEqualTo(403);
            assertThat(send(p.header(), "GET", "/api/units/cy-zhan/participation", null).statusCode())
                    .as("%s: a 朝阳 unit's participation", p).isEqualTo(403);
            String live = firstStreamEvent(p, "/api/campaigns/city/progress/stream");
            assertThat(live).contains("朝阳区", "石油社区实践站");
            assertThat(chaoyangMarks).as("%s live", p).noneMatch(live::contains);
        }

        // the theme across the city: a 海淀 leader sees its district's and the city-wide campaigns, a coordinator 朝阳's too
        Map<String, Object> chaoyangCampaign = new LinkedHashMap<>(campaign("cy-theme"));
        chaoyangCampaign.put("district", "朝阳区");
        coordinator("POST", "/api/campaigns", chaoyangCampaign);
        String themePath = "/api/themes/" + java.net.URLEncoder.encode("爱国卫生", java.nio.charset.StandardCharsets.UTF_8)
                + "/progress?minPosition=" + engine.headPosition();
        var leaderTheme = JSON.readTree(ok(Persona.LEADER_IN, themePath));
        assertThat(leaderTheme.path("byDistrict").findValuesAsText("district")).contains("海淀区", "全市")
                .doesNotContain("朝阳区");
        assertThat(chaoyangMarks).as("theme view").noneMatch(leaderTheme.toString()::contains);
        var coordinatorTheme = JSON.readTree(ok(Persona.COORDINATOR, themePath));
        assertThat(coordinatorTheme.path("byDistrict").findValuesAsText("district"))
                .contains("海淀区", "全市", "朝阳区");

        // a 海淀 leader's 简报 of the city-wide campaign names no 朝阳 unit
        HttpResponse<String> draft = send(Persona.LEADER_IN.header(), "POST", "/api/briefings/drafts?" + at,
                Map.of("scope", Map.of("campaignId", "city"), "asOf", TODAY.toString(), "appendix", true));
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
        assertThat(draft.body()).contains("石油社区实践站");
        assertThat(chaoyangMarks).as("draft").noneMatch(draft.body()::contains);

        String all = ok(Persona.COORDINATOR, reads.get(0)) + ok(Persona.COORDINATOR, reads.get(2))
                + ok(Persona.COORDINATOR, reads.get(4))
                + firstStreamEvent(Persona.COORDINATOR, "/api/campaigns/city/progress/stream");
        assertThat(chaoyangMarks).allMatch(all::contains);
        assertThat(ok(Persona.COORDINATOR, "/api/campaigns/city/activities?unitId=cy-zhan&" + at))
                .contains("朝阳机密标题");
    }

    /**
     * A 海淀 unit account (and a 海淀 leader) asking for anything of a 丰台 campaign or unit — dashboard, as-of view,
     * live stream, ledger, audit trail, unit, participation, a list filtered to 丰台 — gets 403, every time.
     */
    @Test
    @Order(3)
    void aHaidianReaderGets403OnEveryReadOfAnotherDistrict() throws Exception {
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).until(() ->
                send(Persona.COORDINATOR.header(), "GET", "/api/campaigns/shared/progress", null).statusCode() == 200);
        coordinator("POST", "/api/units", unit("ft-c", "丰台区新时代文明实践中心", "实践中心", null, "丰台区"));
        coordinator("POST", "/api/units", unit("ft-suo", "卢沟桥街道实践所", "实践所", "ft-c", "丰台区"));
        coordinator("POST", "/api/units", unit("ft-zhan", "晓月社区实践站", "实践站", "ft-suo", "丰台区"));
        Map<String, Object> fengtai = new LinkedHashMap<>(campaign("ft-only"));
        fengtai.put("district", "丰台区");
        coordinator("POST", "/api/campaigns", fengtai);
        coordinator("POST", "/api/campaigns/ft-only/enrollments", Map.of("unitId", "ft-zhan"));
        Map<String, Object> record = new LinkedHashMap<>(activity("ft-a", 2));
        record.put("unitId", "ft-zhan");
        coordinator("POST", "/api/campaigns/ft-only/activities", record);
        String at = "minPosition=" + engine.headPosition();
        List<String> reads = List.of("/api/campaigns/ft-only/progress?" + at,
                "/api/campaigns/ft-only/progress?asOf=" + TODAY + "&" + at,
                "/api/campaigns/ft-only/progress/stream",
                "/api/campaigns/ft-only/activities?" + at,
                "/api/campaigns/ft-only/activities?unitId=ft-zhan&" + at,
                "/api/campaigns/ft-only/history?" + at,
                "/api/campaigns/ft-only/not-enrolled?" + at,
                "/api/campaigns?district=丰台区", "/api/units?district=丰台区",
                "/api/units/ft-zhan", "/api/units/ft-zhan/participation",
                "/api/campaigns/shared/activities?unitId=ft-zhan");
        List<String> wrong = new ArrayList<>();
        for (Persona p : List.of(Persona.UNIT_RIGHT, Persona.UNIT_PARENT, Persona.LEADER_IN)) {
            for (String path : reads) {
                HttpResponse<String> r = send(p.header(), "GET", path.replace("丰台区", "%E4%B8%B0%E5%8F%B0%E5%8C%BA"),
                        null);
                if (r.statusCode() != 403
                        || !r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    wrong.add(p + " GET " + path + " → " + r.statusCode() + " " + r.body());
                }
            }
            // the unfiltered lists leave the other district out
            assertThat(ok(p, "/api/campaigns")).as("%s", p).doesNotContain("ft-only");
            assertThat(ok(p, "/api/units")).as("%s", p).doesNotContain("ft-zhan").contains("zhan1");
        }
        assertThat(wrong).isEmpty();
        // its own district and the city-wide campaigns stay readable; a coordinator reads everything
        ok(Persona.UNIT_RIGHT, "/api/campaigns/shared/progress?" + at);
        ok(Persona.COORDINATOR, "/api/campaigns/ft-only/progress?" + at);
        assertThat(ok(Persona.COORDINATOR, "/api/campaigns")).contains("ft-only");

        // 未报到: eligible units (district, type, active) that have not reported in, within the reader's scope
        var shared = JSON.readTree(ok(Persona.LEADER_IN, "/api/campaigns/shared/not-enrolled?" + at));
        assertThat(shared.path("units").findValuesAsText("unitId")).contains("zhan2").doesNotContain("zhan1", "suo1");
        assertThat(shared.path("enrolledUnits").asInt()).isEqualTo(1);
        assertThat(shared.path("eligibleUnits").asInt()).isEqualTo(shared.path("units").size() + 1);
        assertThat(shared.path("units").get(0).path("parentName").asText()).isEqualTo("学院路街道实践所");
        assertThat(JSON.readTree(ok(Persona.COORDINATOR, "/api/campaigns/city/not-enrolled?" + at))
                .path("units").findValuesAsText("unitId")).contains("ft-zhan").doesNotContain("zhan1", "zhan2");
        assertThat(JSON.readTree(ok(Persona.UNIT_RIGHT, "/api/campaigns/city/not-enrolled?" + at))
                .path("units").findValuesAsText("district")).isNotEmpty().containsOnly("海淀区");
    }

    /** {@code GET /api/me}: who, role, unit (with the units it acts for), district, and what the rules permit. */
    @Test
    @Order(4)
    void meSaysWhoIsSignedInAndWhatTheRulesPermit() throws Exception {
        Set<String> coordinator = Set.of("LAUNCH_CAMPAIGN", "MANAGE_CAMPAIGNS", "MANAGE_UNITS", "ENROL",
                "RECORD_ACTIVITIES", "READ", "READ_BRIEFINGS", "DRAFT_BRIEFINGS", "SERVICE_ORDERS");
        Map<Persona, Set<String>> expected = new LinkedHashMap<>();
        expected.put(Persona.COORDINATOR, coordinator);
        Set<String> admin = new java.util.HashSet<>(coordinator);
        admin.add("ADMINISTER");
        expected.put(Persona.ADMIN, admin);
        expected.put(Persona.UNIT_PARENT, Set.of("ENROL", "RECORD_ACTIVITIES", "READ", "SERVICE_ORDERS"));
        expected.put(Persona.UNIT_RIGHT, Set.of("ENROL", "RECORD_ACTIVITIES", "READ", "SERVICE_ORDERS"));
        expected.put(Persona.LEADER_IN, Set.of("READ", "READ_BRIEFINGS", "DRAFT_BRIEFINGS"));
        for (var e : expected.entrySet()) {
            var me = JSON.readTree(ok(e.getKey(), "/api/me"));
            assertThat(me.path("username").asText()).isEqualTo(e.getKey().user);
            Set<String> permissions = new java.util.HashSet<>();
            me.path("permissions").forEach(x -> permissions.add(x.asText()));
            assertThat(permissions).as("%s", e.getKey()).isEqualTo(e.getValue());
        }
        var suo = JSON.readTree(ok(Persona.UNIT_PARENT, "/api/me"));
        assertThat(suo.path("role").asText()).isEqualTo("UNIT");
        assertThat(suo.path("unit").path("name").asText()).isEqualTo("学院路街道实践所");
        assertThat(suo.path("district").asText()).isEqualTo("海淀区");
        assertThat(suo.path("actsFor").findValuesAsText("unitId")).startsWith("suo1").contains("zhan1", "zhan2")
                .doesNotContain("hd-c");
        var zhan = JSON.readTree(ok(Persona.UNIT_RIGHT, "/api/me"));
        assertThat(zhan.path("actsFor").findValuesAsText("unitId")).containsExactly("zhan1");
        var leader = JSON.readTree(ok(Persona.LEADER_IN, "/api/me"));
        assertThat(leader.path("role").asText()).isEqualTo("LEADER");
        assertThat(leader.path("district").asText()).isEqualTo("海淀区");
        assertThat(leader.path("unit").isNull()).isTrue();
        assertThat(JSON.readTree(ok(Persona.COORDINATOR, "/api/me")).path("district").isNull()).isTrue();
        assertThat(send(null, "GET", "/api/me", null).statusCode()).isEqualTo(401);
    }

    /** The audit trail newest first: its pages, joined, are the oldest-first trail reversed (scoped readers too). */
    @Test
    @Order(5)
    void theAuditTrailReadsNewestFirst() throws Exception {
        // a trail longer than one stored history page (100 entries)
        coordinator("POST", "/api/campaigns", campaign("long"));
        coordinator("POST", "/api/campaigns/long/enrollments", Map.of("unitId", "zhan1"));
        for (int i = 0; i < 110; i++) {
            coordinator("POST", "/api/campaigns/long/activities", activity("long-" + i, 1));
        }
        String at = "minPosition=" + engine.headPosition();
        for (var c : List.of(Map.entry(Persona.COORDINATOR, "shared"), Map.entry(Persona.LEADER_IN, "city"),
                Map.entry(Persona.UNIT_RIGHT, "city"), Map.entry(Persona.COORDINATOR, "long"),
                Map.entry(Persona.LEADER_IN, "long"))) {
            var all = JSON.readTree(ok(c.getKey(), "/api/campaigns/" + c.getValue() + "/history?size=500&" + at));
            List<String> oldest = all.path("items").findValuesAsText("n");
            assertThat(oldest).hasSizeGreaterThan(3);
            List<String> newest = new ArrayList<>();
            for (int page = 0; ; page++) {
                var pg = JSON.readTree(ok(c.getKey(), "/api/campaigns/" + c.getValue()
                        + "/history?order=newest&size=" + (c.getValue().equals("long") ? 30 : 3) + "&page=" + page
                        + "&" + at));
                newest.addAll(pg.path("items").findValuesAsText("n"));
                assertThat(pg.path("total").asLong()).as("%s", c).isEqualTo(all.path("total").asLong());
                if (!pg.path("hasMore").asBoolean()) {
                    break;
                }
            }
            java.util.Collections.reverse(newest);
            assertThat(newest).as("%s", c).isEqualTo(oldest);
        }
        assertThat(send(Persona.COORDINATOR.header(), "GET", "/api/campaigns/shared/history?order=sideways", null)
                .statusCode()).isEqualTo(400);
    }

    private String ok(Persona p, String path) {
        HttpResponse<String> r = send(p.header(), "GET", path, null);
        assertThat(r.statusCode()).as("%s GET %s → %s", p, path, r.body()).isEqualTo(200);
        return r.body();
    }

    /** The data of the first event of a server-sent stream (the connection is closed after it). */
    private String firstStreamEvent(Persona p, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", p.header()).header("Accept", "text/event-stream").GET().build();
        HttpResponse<java.io.InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).as("%s stream %s", p, path).isEqualTo(200);
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(r.body(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    return line.substring(5);
                }
            }
        }
        throw new AssertionError("stream " + path + " closed before its first event");
    }

    @Test
    @Order(1)
    void everyEndpointAnswersEveryCallerAsTheRolesSay() throws Exception {
        List<Case> cases = List.of(
                new Case("register unit", "POST", WRITERS, 403, p -> "/api/units",
                        p -> unit("new-" + tag(p), "新实践站 " + tag(p), "实践站", "suo1")),
                new Case("rename unit", "POST", WRITERS, 403, p -> "/api/units/" + freshUnit(p) + "/rename",
                        p -> Map.of("name", "改名后的实践站 " + tag(p))),
                new Case("deactivate unit", "POST", WRITERS, 403,
                        p -> "/api/units/" + freshUnit(p) + "/deactivate", p -> Map.of("reason", "撤并")),
                new Case("launch campaign", "POST", WRITERS, 403, p -> "/api/campaigns",
                        p -> campaign("launch-" + tag(p))),
                new Case("revise campaign", "POST", WRITERS, 403,
                        p -> "/api/campaigns/" + freshCampaign(p, "rev", false) + "/revise",
                        p -> Map.of("title", "爱国卫生月（修订）")),
                new Case("extend campaign", "POST", WRITERS, 403,
                        p -> "/api/campaigns/" + freshCampaign(p, "ext", false) + "/extend",
                        p -> Map.of("endDate", TODAY.plusDays(90).toString())),
                new Case("close campaign", "POST", WRITERS, 403,
                        p -> "/api/campaigns/" + freshCampaign(p, "close", false) + "/close", p -> Map.of()),
                new Case("cancel campaign", "POST", WRITERS, 403,
                        p -> "/api/campaigns/" + freshCampaign(p, "cancel", false) + "/cancel",
                        p -> Map.of("reason", "天气原因")),
                new Case("enrol", "POST", REPORTERS, 403,
                        p -> "/api/campaigns/" + freshCampaign(p, "enrol", false) + "/enrollments",
                        p -> Map.of("unitId", "zhan1")),
                new Case("withdraw", "DELETE", REPORTERS, 403,
                        p -> "/api/campaigns/" + freshCampaign(p, "withdraw", true) + "/enrollments/zhan1",
                        p -> null),
                new Case("record activity", "POST", REPORTERS, 403, p -> "/api/campaigns/shared/activities",
                        p -> activity("rec-" + tag(p), 1)),
                new Case("correct activity", "PUT", REPORTERS, 403,
                        p -> "/api/campaigns/shared/activities/" + freshActivity(p, "cor"),
                        p -> correction()),
                new Case("retract activity", "DELETE", REPORTERS, 403,
                        p -> "/api/campaigns/shared/activities/" + freshActivity(p, "ret") + "?reason=重复填报",
                        p -> null),
                new Case("publish service project", "POST", ABOVE_ZHAN1_AND_TEAM1, 403,
                        p -> "/api/service-projects", p -> serviceProject("sp-" + tag(p))),
                new Case("revise service project", "POST", ABOVE_ZHAN1_AND_TEAM1, 403,
                        p -> "/api/service-projects/" + freshProject(p, "rev") + "/revise", p -> serviceProject(null)),
                new Case("withdraw service project", "POST", ABOVE_ZHAN1_AND_TEAM1, 403,
                        p -> "/api/service-projects/" + freshProject(p, "wd") + "/withdraw",
                        p -> Map.of("reason", "停止")),
                new Case("place service order", "POST", REPORTERS, 403, p -> "/api/service-orders",
                        p -> serviceOrder("so-" + tag(p))),
                new Case("approve service order", "POST", ABOVE_ZHAN1_AND_TEAM1, 403,
                        p -> orderStep(freshOrder(p, "appr"), "approve"), p -> null),
                new Case("reject service order", "POST", ABOVE_ZHAN1_AND_TEAM1, 403,
                        p -> orderStep(freshOrder(p, "rej"), "reject"), p -> Map.of("reason", "时间冲突")),
                new Case("dispatch service order", "POST", ABOVE_ZHAN1_AND_TEAM1, 403,
                        p -> orderStep(freshOrder(p, "disp", "approve"), "dispatch"), p -> null),
                new Case("accept service order", "POST", ABOVE_ZHAN1_AND_TEAM1, 403,
                        p -> orderStep(freshOrder(p, "acc", "approve", "dispatch"), "accept"), p -> null),
                new Case("decline service order", "POST", ABOVE_ZHAN1_AND_TEAM1, 403,
                        p -> orderStep(freshOrder(p, "decl", "approve", "dispatch"), "decline"),
                        p -> Map.of("reason", "队员不足")),
                new Case("complete service order", "POST", ABOVE_ZHAN1_AND_TEAM1, 403,
                        p -> orderStep(freshOrder(p, "comp", "approve", "dispatch", "accept"), "complete"),
                        p -> completion()),
                new Case("rate service order", "POST", REPORTERS, 403,
                        p -> orderStep(freshOrder(p, "rate", "approve", "dispatch", "accept", "complete"), "rate"),
                        p -> Map.of("score", 5)),
                new Case("cancel service order", "POST", REPORTERS, 403,
                        p -> orderStep(freshOrder(p, "canc"), "cancel"), p -> Map.of("reason", "活动改期")),
                new Case("draft briefing", "POST", BRIEFING_DRAFTERS, 403, p -> "/api/briefings/drafts?minPosition=" + engine.headPosition(),
                        p -> Map.of("scope", Map.of("campaignId", "shared"), "asOf", TODAY.toString())),
                new Case("issue briefing", "POST", WRITERS, 403, p -> "/api/briefings", p -> briefing()),
                new Case("list briefings", "GET", BRIEFING_READERS, 403, p -> "/api/briefings", p -> null),
                new Case("list units", "GET", READERS, 403, p -> "/api/units", p -> null),
                new Case("unit types", "GET", READERS, 403, p -> "/api/unit-types", p -> null),
                new Case("get unit", "GET", HAIDIAN_READERS, 403, p -> "/api/units/zhan1", p -> null),
                new Case("unit participation", "GET", HAIDIAN_READERS, 403, p -> "/api/units/zhan1/participation",
                        p -> null),
                new Case("list campaigns", "GET", READERS, 403, p -> "/api/campaigns", p -> null),
                new Case("progress", "GET", HAIDIAN_READERS, 403,
                        p -> "/api/campaigns/shared/progress?minPosition=" + engine.headPosition(), p -> null),
                new Case("ledger", "GET", HAIDIAN_READERS, 403, p -> "/api/campaigns/shared/activities", p -> null),
                new Case("history", "GET", HAIDIAN_READERS, 403, p -> "/api/campaigns/shared/history", p -> null),
                new Case("not enrolled", "GET", HAIDIAN_READERS, 403, p -> "/api/campaigns/shared/not-enrolled",
                        p -> null),
                new Case("ledger export", "GET", HAIDIAN_READERS, 403, p -> "/api/campaigns/shared/activities.xlsx",
                        p -> null),
                new Case("history export", "GET", HAIDIAN_READERS, 403, p -> "/api/campaigns/shared/history.csv",
                        p -> null),
                new Case("progress export", "GET", HAIDIAN_READERS, 403, p -> "/api/campaigns/shared/progress.xlsx",
                        p -> null),
                new Case("units export", "GET", READERS, 403, p -> "/api/units.csv", p -> null),
                new Case("ledger template", "GET", REPORTERS_ANY_UNIT, 403,
                        p -> "/api/campaigns/shared/ledger/template.xlsx", p -> null),
                new Case("units template", "GET", READERS, 403, p -> "/api/units/template.xlsx", p -> null),
                // 服务点单 reads: a unit account sees its units' orders, a leader its district's; stats scoped likewise
                new Case("service menu", "GET", READERS, 403, p -> "/api/service-projects", p -> null),
                new Case("service categories", "GET", READERS, 403, p -> "/api/service-categories", p -> null),
                new Case("service orders", "GET", READERS, 403, p -> "/api/service-orders", p -> null),
                new Case("service order", "GET", EnumSet.complementOf(EnumSet.of(Persona.ANONYMOUS,
                        Persona.MONITOR, Persona.UNIT_OTHER, Persona.LEADER_OUT)), 403,
                        p -> "/api/service-orders/matrix-order?minPosition=" + engine.headPosition(), p -> null),
                new Case("service stats", "GET", READERS, 403, p -> "/api/service-orders/stats", p -> null),
                new Case("service orders export", "GET", READERS, 403, p -> "/api/service-orders.csv", p -> null),
                new Case("service stats export", "GET", READERS, 403, p -> "/api/service-orders/stats.xlsx",
                        p -> null),
                new Case("projection status", "GET", EnumSet.of(Persona.ADMIN), 403, p -> "/api/admin/projections",
                        p -> null),
                new Case("dead letters", "GET", EnumSet.of(Persona.ADMIN), 403, p -> "/api/admin/dead-letters",
                        p -> null),
                new Case("metrics", "GET", EnumSet.of(Persona.ADMIN, Persona.MONITOR), 403,
                        p -> "/actuator/prometheus", p -> null),
                new Case("event export", "GET", EnumSet.of(Persona.ADMIN), 403, p -> "/api/admin/events/export",
                        p -> null),
                new Case("snapshot backup", "POST", EnumSet.of(Persona.ADMIN), 403, p -> "/api/admin/backup",
                        p -> Map.of()),
                // last: a rebuild makes reads answer 503 until it is done
                new Case("rebuild", "POST", EnumSet.of(Persona.ADMIN), 403, p -> "/api/admin/projections/rebuild",
                        p -> Map.of()));

        List<String> wrong = new ArrayList<>();
        Map<String, Integer> tally = new LinkedHashMap<>();
        for (Case c : cases) {
            for (Persona p : Persona.values()) {
                String path = c.path().apply(p);
                Object body = c.body().apply(p);
                long before = engine.headPosition();
                HttpResponse<String> r = send(p.header(), c.method(), path, body);
                boolean allowed = c.allowed().contains(p);
                int expected = p == Persona.ANONYMOUS ? 401 : c.refusedStatus();
                boolean ok = allowed ? r.statusCode() / 100 == 2 : r.statusCode() == expected;
                if (!allowed) {
                    ok &= r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
                    ok &= engine.headPosition() == before;
                }
                tally.merge(allowed ? "allowed" : "refused " + expected, 1, Integer::sum);
                if (!ok) {
                    wrong.add(c.name() + " × " + p + ": " + r.statusCode() + " " + r.body());
                }
            }
        }
        System.out.println("Authorization matrix: " + cases.size() + " endpoints × " + Persona.values().length
                + " callers, " + tally);
        assertThat(wrong).isEmpty();
    }

    // ---- fixtures: each caller gets objects of its own, so an allowed request really succeeds ----------------

    private static String tag(Persona p) {
        return p.name().toLowerCase().replace('_', '-');
    }

    private String freshUnit(Persona p) {
        String id = "u-" + tag(p) + "-" + System.nanoTime() % 100000;
        coordinator("POST", "/api/units", unit(id, "待处理实践站 " + id, "实践站", "suo1"));
        return id;
    }

    private String freshCampaign(Persona p, String what, boolean withZhan1) {
        String id = what + "-" + tag(p);
        coordinator("POST", "/api/campaigns", campaign(id));
        if (withZhan1) {
            coordinator("POST", "/api/campaigns/" + id + "/enrollments", Map.of("unitId", "zhan1"));
        }
        return id;
    }

    private String freshActivity(Persona p, String what) {
        String id = what + "-" + tag(p);
        coordinator("POST", "/api/campaigns/shared/activities", activity(id, 3));
        return id;
    }

    private String freshProject(Persona p, String what) {
        String id = "sp-" + what + "-" + tag(p);
        coordinator("POST", "/api/service-projects", serviceProject(id));
        return id;
    }

    /** An order of zhan1 from team1's menu item, taken by the coordinator through the given steps. */
    private String freshOrder(Persona p, String what, String... steps) {
        String id = "so-" + what + "-" + tag(p);
        coordinator("POST", "/api/service-orders", serviceOrder(id));
        for (String step : steps) {
            coordinator("POST", orderStep(id, step), step.equals("complete") ? completion() : null);
        }
        return id;
    }

    private static String orderStep(String orderId, String step) {
        return "/api/service-orders/" + orderId + "/" + step;
    }

    private static Map<String, Object> serviceProject(String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (id != null) {
            body.put("projectId", id);
        }
        body.put("title", "智能手机使用培训");
        body.put("category", "助老助残");
        body.put("providerUnitId", "team1");
        body.put("districts", List.of("海淀区"));
        return body;
    }

    private static Map<String, Object> serviceOrder(String id) {
        return Map.of("orderId", id, "projectId", "menu", "requestingUnitId", "zhan1",
                "wantedFrom", TODAY.toString(), "place", "石油社区活动室");
    }

    private static Map<String, Object> completion() {
        return Map.of("date", TODAY.toString(), "sessions", 1, "participations", 6, "serviceHours", 12,
                "beneficiaries", 30, "summary", "培训一场");
    }

    private static Map<String, Object> unit(String id, String name, String type, String parent) {
        return unit(id, name, type, parent, "海淀区");
    }

    private static Map<String, Object> unit(String id, String name, String type, String parent, String district) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitId", id);
        body.put("name", name);
        body.put("type", type);
        body.put("district", district);
        if (parent != null) {
            body.put("parentUnitId", parent);
        }
        return body;
    }

    private static Map<String, Object> campaign(String id) {
        return Map.of("id", id, "title", "爱国卫生月", "theme", "爱国卫生", "description", "清洁家园",
                "district", "海淀区", "eligibleUnitTypes", List.of("实践站"),
                "startDate", TODAY.minusDays(10).toString(), "endDate", TODAY.plusDays(20).toString(),
                "targets", Map.of("sessions", 100));
    }

    private static Map<String, Object> activity(String id, int sessions) {
        return ActivityBodies.activity(id, "zhan1", TODAY, new ActivityBodies.Place("楼道清理", "爱国卫生", "石油社区"),
                sessions, 8, 16, 120, null);
    }

    private static Map<String, Object> briefing() {
        return Map.of("office", "wenmingban", "title", "精神文明建设情况简报", "sections",
                List.of(Map.of("heading", "海淀区扎实开展爱国卫生月。", "paragraphs", List.of("截至今日，全区开展活动2场次。"),
                        "source", "(海淀区文明办)")), "asOf", TODAY.toString(), "groupBy", "district");
    }

    private static Map<String, Object> correction() {
        Map<String, Object> body = new LinkedHashMap<>(activity("ignored", 4));
        body.remove("activityId");
        body.remove("unitId");
        body.put("reason", "场次填错");
        return body;
    }

    private void coordinator(String method, String path, Object body) {
        HttpResponse<String> r = send(Persona.COORDINATOR.header(), method, path, body);
        assertThat(r.statusCode()).as("set-up %s %s → %s", method, path, r.body()).isBetween(200, 299);
    }

    private HttpResponse<String> send(String authorization, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + path.replace("重复填报", "%E9%87%8D%E5%A4%8D%E5%A1%AB%E6%8A%A5")));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }
}
