package com.campaigntracker.standalone;

import com.campaigntracker.eventstore.TrackerEventStorageEngine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 简报 through the whole product in one process: a city-wide campaign drafted per district, a district leader's
 * draft limited to its district, issue, read back, list by period and export.
 */
@SpringBootTest(classes = TrackerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BriefingApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String COORDINATOR = ProductProcess.basic("coordinator", "coordinator-pw");
    private static final String LEADER_HD = ProductProcess.basic("leader-hd", "leader-hd-pw");
    private static final String UNIT = ProductProcess.basic("unit", "unit-pw");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("briefing-api-").toString();
        registry.add("tracker.data-dir", () -> dir);
        String[][] accounts = {{"coordinator", "COORDINATOR", null, null}, {"leader-hd", "LEADER", null, "海淀区"},
                {"unit", "UNIT", "hd-suo", null}};
        for (int i = 0; i < accounts.length; i++) {
            String[] a = accounts[i];
            String p = "tracker.security.users[" + i + "].";
            registry.add(p + "username", () -> a[0]);
            registry.add(p + "password", () -> "{noop}" + a[0] + "-pw");
            registry.add(p + "roles", () -> a[1]);
            if (a[2] != null) {
                registry.add(p + "unit", () -> a[2]);
            }
            if (a[3] != null) {
                registry.add(p + "district", () -> a[3]);
            }
        }
        registry.add("tracker.briefing.offices[0].key", () -> "city");
        registry.add("tracker.briefing.offices[0].name", () -> "首都精神文明办");
        registry.add("tracker.briefing.offices[0].total-issue-base", () -> "2149");
        registry.add("tracker.briefing.offices[1].key", () -> "haidian");
        registry.add("tracker.briefing.offices[1].name", () -> "海淀区文明办");
        registry.add("tracker.briefing.offices[1].district", () -> "海淀区");
    }

    @LocalServerPort
    int port;
    @Autowired
    TrackerEventStorageEngine engine;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void scene() throws Exception {
        post(COORDINATOR, "/api/units", unit("hd-c", "海淀区新时代文明实践中心", "实践中心", "海淀区", null), 201);
        post(COORDINATOR, "/api/units", unit("hd-suo", "学院路街道实践所", "实践所", "海淀区", "hd-c"), 201);
        post(COORDINATOR, "/api/units", unit("sy-c", "顺义区新时代文明实践中心", "实践中心", "顺义区", null), 201);
        post(COORDINATOR, "/api/units", unit("sy-suo", "仁和镇实践所", "实践所", "顺义区", "sy-c"), 201);
        post(COORDINATOR, "/api/campaigns", Map.of("id", "xlf", "title", "学雷锋志愿服务月", "theme", "学雷锋志愿服务",
                "description", "全市", "eligibleUnitTypes", List.of("实践所"),
                "startDate", TODAY.minusDays(10).toString(), "endDate", TODAY.plusDays(20).toString(),
                "targets", Map.of("sessions", 100)), 201);
        post(COORDINATOR, "/api/campaigns/xlf/enrollments", Map.of("unitId", "hd-suo"), 201);
        post(COORDINATOR, "/api/campaigns/xlf/enrollments", Map.of("unitId", "sy-suo"), 201);
        post(COORDINATOR, "/api/campaigns/xlf/activities", activity("a1", "hd-suo", 612, 36_118), 201);
        post(COORDINATOR, "/api/campaigns/xlf/activities", activity("a2", "sy-suo", 150, 4_000), 201);
    }

    @Test
    void aCityWideCampaignIsDraftedPerDistrictAndALeaderSeesOnlyItsOwn() throws Exception {
        JsonNode city = post(COORDINATOR, "/api/briefings/drafts?minPosition=" + engine.headPosition(),
                Map.of("scope", Map.of("from", TODAY.minusDays(30).toString(), "to", TODAY.toString())), 200);
        assertThat(city.path("sections")).hasSize(2);
        assertThat(city.path("sections").get(0).path("source").asText()).isEqualTo("(海淀区文明办)");
        assertThat(city.path("sections").get(0).path("paragraphs").get(0).asText()).contains("600多场次")
                .contains("3万余人次").contains("学院路街道实践所开展活动较为活跃");
        assertThat(city.path("totalIssueNo").asInt()).isEqualTo(2150);
        assertThat(city.path("officeName").asText()).isEqualTo("首都精神文明办");

        JsonNode own = post(LEADER_HD, "/api/briefings/drafts",
                Map.of("scope", Map.of("from", TODAY.minusDays(30).toString(), "to", TODAY.toString())), 200);
        assertThat(own.path("sections")).hasSize(1);
        assertThat(own.path("scope").path("district").asText()).isEqualTo("海淀区");
        assertThat(own.path("office").asText()).isEqualTo("haidian");
        assertThat(own.toString()).doesNotContain("仁和镇").doesNotContain("顺义区文明办");

        post(LEADER_HD, "/api/briefings/drafts", Map.of("scope", Map.of("district", "顺义区")), 403);
        post(LEADER_HD, "/api/briefings/drafts", Map.of("scope", Map.of("campaignId", "xlf"), "office", "city"), 200);
        post(UNIT, "/api/briefings/drafts", Map.of("scope", Map.of("campaignId", "xlf")), 403);
        post(COORDINATOR, "/api/briefings/drafts", Map.of("scope", Map.of("campaignId", "nope")), 404);
        post(COORDINATOR, "/api/briefings/drafts", Map.of("asOf", TODAY.plusDays(1).toString()), 400);
    }

    @Test
    void anIssuedBriefingIsReadListedAndExported() throws Exception {
        JsonNode draft = post(COORDINATOR, "/api/briefings/drafts?minPosition=" + engine.headPosition(),
                Map.of("scope", Map.of("campaignId", "xlf"), "groupBy", "campaign", "office", "city"), 200);
        assertThat(draft.path("sections")).hasSize(1);
        byte[] draftPdf = bytes(COORDINATOR, "POST", "/api/briefings/drafts.pdf", draft);
        try (PDDocument pdf = Loader.loadPDF(draftPdf)) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", "")).contains("700多场次").contains("4万余人次");
        }
        JsonNode issued = post(COORDINATOR, "/api/briefings", draft, 201);
        String id = issued.path("briefingId").asText();
        assertThat(issued.path("issueNo").asInt()).isEqualTo(1);

        JsonNode one = get("/api/briefings/" + id);
        assertThat(one.path("issuedBy").asText()).isEqualTo("coordinator");
        assertThat(one.path("briefing").path("sections").get(0).path("figures").path("links").get(0)
                .path("history").asText()).isEqualTo("/api/campaigns/xlf/history");
        assertThat(get("/api/briefings?from=" + TODAY + "&to=" + TODAY).toString()).contains(id);
        assertThat(get("/api/briefings?to=" + TODAY.minusDays(1)).toString()).doesNotContain(id);

        byte[] docx = bytes(COORDINATOR, "GET", "/api/briefings/" + id + ".docx", null);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("第 1 期").contains("(总第 2150 期)").contains("学雷锋志愿服务月");
        }
        byte[] pdf = bytes(COORDINATOR, "GET", "/api/briefings/" + id + ".pdf", null);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    private static Map<String, Object> unit(String id, String name, String type, String district, String parent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitId", id);
        body.put("name", name);
        body.put("type", type);
        body.put("district", district);
        body.put("parentUnitId", parent);
        return body;
    }

    private static Map<String, Object> activity(String id, String unit, int sessions, int participations) {
        return ActivityBodies.activity(id, unit, TODAY.minusDays(1),
                new ActivityBodies.Place("学雷锋志愿服务", "环境清洁", "社区"), sessions, participations, 100, 1000, null);
    }

    private JsonNode post(String auth, String path, Object body, int status) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("POST %s → %s", path, r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", COORDINATOR).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s → %s", path, r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private byte[] bytes(String auth, String method, String path, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth);
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as("%s %s", method, path).isEqualTo(200);
        return r.body();
    }
}
