package com.campaigntracker.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static com.campaigntracker.query.EventFeed.at;
import static com.campaigntracker.query.Scenario.f;
import static com.campaigntracker.shared.unit.UnitType.PRACTICE_INSTITUTE;
import static com.campaigntracker.shared.unit.UnitType.PRACTICE_STATION;
import static org.assertj.core.api.Assertions.assertThat;

/** The .xlsx / .csv exports, opened with POI (and read as text) and compared cell by cell with the JSON reads. */
class ExportsIT extends QueryIntegrationTest {
    private static final String[] LEDGER_HEADERS = {"编号", "单位编号", "日期", "活动名称", "类别", "地点", "场次",
            "志愿者人次", "服务时长", "受益人次", "备注"};

    String c;
    String u1;
    String u2;
    String suo;
    String district;

    @BeforeEach
    void ledger() {
        Scenario s = new Scenario(feed);
        c = uid("exp");
        u1 = uid("st");
        u2 = uid("st");
        suo = uid("suo");
        district = uid("区");
        s.unit(suo, "所一", PRACTICE_INSTITUTE, district, null, at("2025-06-01", 9))
                .unit(u1, "站一", PRACTICE_STATION, district, suo, at("2025-06-01", 9))
                .unit(u2, "站二", PRACTICE_STATION, district, suo, at("2025-06-01", 9))
                .launch(c, "文明实践", "宣讲", district, "2025-07-01", "2025-08-31", null, at("2025-06-30", 9))
                .enrol(c, u1, at("2025-07-01", 9)).enrol(c, u2, at("2025-07-01", 9));
        for (int i = 0; i < 230; i++) {
            String day = String.format("2025-07-%02d", 1 + i % 30);
            s.record(c, "a" + i, i % 4 == 0 ? u2 : u1, day, i % 2 == 0 ? "宣讲" : "清洁", f(1 + i % 3, 2, 0.5 * (i % 7), 3),
                    at(day, 20));
        }
        s.correct(c, "a7", "2025-07-09", f(2, 5, 1.5, 9), at("2025-08-01", 10));
        s.retract(c, "a8", at("2025-08-02", 10));
    }

    @Test
    void ledgerXlsxIsTheJsonLedgerCellByCellWithNumbersAndDates() throws IOException {
        String filter = "unitId=" + u1 + "&category=" + java.net.URLEncoder.encode("清洁", StandardCharsets.UTF_8);
        List<JsonNode> json = allActivities(filter);
        assertThat(json).hasSizeGreaterThan(100);
        HttpResponse<byte[]> r = bytes("/api/campaigns/" + c + "/activities.xlsx?" + filter);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet sheet = wb.getSheetAt(0);
            Row header = sheet.getRow(0);
            for (int i = 0; i < LEDGER_HEADERS.length; i++) {
                assertThat(header.getCell(i).getStringCellValue()).isEqualTo(LEDGER_HEADERS[i]);
            }
            assertThat(sheet.getLastRowNum()).isEqualTo(json.size());
            for (int i = 0; i < json.size(); i++) {
                JsonNode a = json.get(i);
                Row row = sheet.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(a.get("activityId").asText());
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(a.get("unitId").asText());
                Cell date = row.getCell(2);
                assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
                assertThat(date.getLocalDateTimeCellValue().toLocalDate().toString()).isEqualTo(a.get("date").asText());
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo(a.get("title").asText());
                assertThat(row.getCell(4).getStringCellValue()).isEqualTo(a.get("category").asText());
                for (int k = 0; k < 4; k++) {
                    Cell figure = row.getCell(6 + k);
                    assertThat(figure.getCellType()).isEqualTo(CellType.NUMERIC);
                    String field = List.of("sessions", "participations", "serviceHours", "beneficiaries").get(k);
                    assertThat(figure.getNumericCellValue()).isEqualTo(a.at("/figures/" + field).asDouble());
                }
                assertThat(row.getCell(11).getStringCellValue())
                        .isEqualTo(a.get("retracted").asBoolean() ? "是" : "否");
                assertThat(row.getCell(15).getLocalDateTimeCellValue())
                        .isEqualTo(LocalDateTime.ofInstant(Instant.parse(a.get("recordedAt").asText()),
                                ZoneId.of("Asia/Shanghai")).withNano(0));
            }
            assertThat(json.stream().anyMatch(a -> a.at("/figures/serviceHours").asDouble() % 1 == 0.5)).isTrue();
        }
    }

    @Test
    void ledgerCsvIsUtf8WithBomAndTheJsonLedgerRowByRow() {
        List<JsonNode> json = allActivities("");
        assertThat(json).hasSize(230);
        HttpResponse<byte[]> r = bytes("/api/campaigns/" + c + "/activities.csv");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        byte[] body = r.body();
        assertThat(new byte[]{body[0], body[1], body[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith(String.join(",", LEDGER_HEADERS));
        assertThat(lines).hasSize(231);
        for (int i = 0; i < json.size(); i++) {
            JsonNode a = json.get(i);
            String[] cells = lines.get(i + 1).split(",", -1);
            assertThat(cells[0]).isEqualTo(a.get("activityId").asText());
            assertThat(cells[2]).isEqualTo(a.get("date").asText());
            assertThat(Double.parseDouble(cells[8])).isEqualTo(a.at("/figures/serviceHours").asDouble());
            assertThat(Long.parseLong(cells[6])).isEqualTo(a.at("/figures/sessions").asLong());
        }
    }

    @Test
    void aLedgerLongerThanOneReadWindowIsExportedWholeInLedgerOrder() {
        // the export reads 1,000 entries per round trip: 2,150 rows are two full windows and a partial one
        String big = uid("big");
        Scenario s = new Scenario(feed).launch(big, "文明实践", "宣讲", district, "2025-07-01", "2025-08-31", null,
                at("2025-06-30", 9)).enrol(big, u1, at("2025-07-01", 9));
        for (int i = 0; i < 2_150; i++) {
            String day = String.format("2025-07-%02d", 1 + i % 30);
            s.record(big, "b" + i, u1, day, "宣讲", f(1, 2, 0.5, 3), at(day, 20));
        }
        List<String> json = new ArrayList<>();
        for (int p = 0; ; p++) {
            JsonNode page = get("/api/campaigns/" + big + "/activities?size=200&page=" + p).body();
            page.get("items").forEach(a -> json.add(a.get("activityId").asText()));
            if (!page.get("hasMore").asBoolean()) {
                break;
            }
        }
        assertThat(json).hasSize(2_150).doesNotHaveDuplicates();
        byte[] body = bytes("/api/campaigns/" + big + "/activities.csv").body();
        List<String> csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().skip(1)
                .map(l -> l.split(",", -1)[0]).toList();
        assertThat(csv).containsExactlyElementsOf(json);
    }

    @Test
    void unitsAndHistoryExportsAreTheirJsonReads() throws IOException {
        JsonNode units = get("/api/units?district=" + enc(district)).body();
        try (XSSFWorkbook wb = workbook("/api/units.xlsx?district=" + enc(district))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(units.size()).isEqualTo(3);
            for (int i = 0; i < units.size(); i++) {
                Row row = sheet.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(units.get(i).get("unitId").asText());
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(units.get(i).get("name").asText());
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(units.get(i).get("type").asText());
                assertThat(text(row.getCell(4))).isEqualTo(units.get(i).path("parentUnitId").asText(""));
            }
        }
        String csv = new String(bytes("/api/units.csv?district=" + enc(district)).body(), StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1).map(l -> l.split(",")[0]).toList())
                .containsExactlyElementsOf(ids(units, "unitId"));

        List<JsonNode> history = new ArrayList<>();
        for (int p = 0; ; p++) {
            JsonNode page = get("/api/campaigns/" + c + "/history?size=500&page=" + p).body();
            page.get("items").forEach(history::add);
            if (!page.get("hasMore").asBoolean()) {
                break;
            }
        }
        try (XSSFWorkbook wb = workbook("/api/campaigns/" + c + "/history.xlsx")) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(history.size());
            for (int i = 0; i < history.size(); i++) {
                Row row = sheet.getRow(i + 1);
                assertThat((long) row.getCell(0).getNumericCellValue()).isEqualTo(history.get(i).get("n").asLong());
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(history.get(i).get("type").asText());
                assertThat(text(row.getCell(6))).isEqualTo(history.get(i).path("activityId").asText(""));
            }
        }
        String historyCsv = new String(bytes("/api/campaigns/" + c + "/history.csv").body(), StandardCharsets.UTF_8);
        assertThat(historyCsv.lines().count()).isEqualTo(history.size() + 1);
    }

    @Test
    void progressWorkbookHasOneSheetPerPartMatchingTheJsonView() throws IOException {
        JsonNode p = get("/api/campaigns/" + c + "/progress?asOf=2025-07-20").body();
        try (XSSFWorkbook wb = workbook("/api/campaigns/" + c + "/progress.xlsx?asOf=2025-07-20")) {
            List<String> names = new ArrayList<>();
            wb.forEach(sh -> names.add(sh.getSheetName()));
            assertThat(names).containsExactly("总计", "各区", "单位类型", "单位层级", "排行榜", "未填报单位");
            Sheet totals = wb.getSheet("总计");
            assertThat(totals.getRow(1).getCell(1).getNumericCellValue())
                    .isEqualTo(p.at("/metrics/sessions/total").asDouble());
            assertThat(totals.getRow(3).getCell(1).getNumericCellValue())
                    .isEqualTo(p.at("/metrics/serviceHours/total").asDouble());
            Sheet districts = wb.getSheet("各区");
            assertThat(districts.getLastRowNum()).isEqualTo(p.get("byDistrict").size());
            for (int i = 0; i < p.get("byDistrict").size(); i++) {
                JsonNode d = p.get("byDistrict").get(i);
                Row row = districts.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(d.get("district").asText());
                assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(d.get("sessions").asDouble());
                assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(d.get("serviceHours").asDouble());
            }
            Sheet board = wb.getSheet("排行榜");
            assertThat(board.getLastRowNum()).isEqualTo(p.get("leaderboard").size());
            for (int i = 0; i < p.get("leaderboard").size(); i++) {
                JsonNode b = p.get("leaderboard").get(i);
                Row row = board.getRow(i + 1);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(b.get("unitId").asText());
                assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(b.get("sessions").asDouble());
            }
            Sheet tree = wb.getSheet("单位层级");
            Row top = tree.getRow(1);
            assertThat(top.getCell(1).getStringCellValue()).isEqualTo(p.at("/hierarchy/0/unitId").asText());
            assertThat(top.getCell(7).getNumericCellValue()).isEqualTo(p.at("/hierarchy/0/total/sessions").asDouble());
            assertThat(tree.getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void anUnknownCampaignIsAProblemNotAFile() {
        Response r = getRaw("/api/campaigns/nope-" + uid("x") + "/activities.xlsx");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(getRaw("/api/campaigns/" + c + "/activities.csv?from=2025-13-01").status()).isEqualTo(400);
    }

    private List<JsonNode> allActivities(String filter) {
        List<JsonNode> out = new ArrayList<>();
        for (int p = 0; ; p++) {
            JsonNode page = get("/api/campaigns/" + c + "/activities?size=200&page=" + p
                    + (filter.isEmpty() ? "" : "&" + filter)).body();
            page.get("items").forEach(out::add);
            if (!page.get("hasMore").asBoolean()) {
                return out;
            }
        }
    }

    private XSSFWorkbook workbook(String path) throws IOException {
        HttpResponse<byte[]> r = bytes(path);
        assertThat(r.statusCode()).isEqualTo(200);
        return new XSSFWorkbook(new ByteArrayInputStream(r.body()));
    }

    private HttpResponse<byte[]> bytes(String path) {
        String readYourWrites = (path.contains("?") ? "&" : "?") + "minPosition=" + Math.max(0, feed.head());
        try {
            return http.send(request(path + readYourWrites).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(Cell cell) {
        return cell == null ? "" : cell.getStringCellValue();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }
}
