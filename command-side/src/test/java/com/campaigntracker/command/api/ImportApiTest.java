package com.campaigntracker.command.api;

import com.campaigntracker.command.imports.ImportViews.ImportStatus;
import com.campaigntracker.command.imports.Imports;
import com.campaigntracker.shared.AuditMetadata;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityCorrected;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRecorded;
import com.campaigntracker.shared.activity.ActivityKey;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** 台账 / 单位名册 imports through HTTP: template round trip, preview errors, re-upload, conflicts, scope, hostile files. */
class ImportApiTest extends ApiTestSupport {
    static final LocalDate START = TODAY.minusDays(30);
    static final LocalDate END = TODAY.plusDays(60);
    static final String UNIT_ACCOUNT = "Basic " + Base64.getEncoder()
            .encodeToString("import-unit:unit-pw".getBytes(StandardCharsets.UTF_8));
    static final String LEADER = "Basic " + Base64.getEncoder()
            .encodeToString("hd-leader:leader-pw".getBytes(StandardCharsets.UTF_8));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    String campaignId;
    String unitId;

    @BeforeEach
    void campaignWithAnEnrolledUnit() {
        unitId = registerUnit(id("team"), "志愿服务队", "密云区", null);
        campaignId = launchCampaign(id("c"), "密云区", START, END);
        enroll(campaignId, unitId);
    }

    @Test
    void templateRoundTripPreviewsWritesNothingThenAppliesAndReuploadIsANoOp() throws IOException {
        byte[] template = bytes("/api/campaigns/" + campaignId + "/ledger/template.xlsx", COORDINATOR);
        byte[] filled;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(cells(sheet.getRow(0))).containsExactly("编号", "单位编号", "日期", "活动名称", "类别", "地点", "场次",
                    "志愿者人次", "服务时长", "受益人次", "备注");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(unitId);
            assertThat(sheet.getDataValidations()).isNotEmpty();
            Sheet guide = wb.getSheet("填写说明");
            assertThat(cells(guide.getRow(11))).startsWith("服务时长", "服务时长");
            assertThat(guide.getRow(11).getCell(2).getStringCellValue()).contains("100000").contains("0.5");
            CellStyle date = sheet.getRow(1).getCell(2).getCellStyle();
            sheet.removeRow(sheet.getRow(1));
            row(sheet, 1, date, "own-1", unitId, TODAY.minusDays(2), "入户宣传", "宣讲", "社区", 2, 10, 2.5, 30, "");
            row(sheet, 2, date, "", unitId, TODAY.minusDays(1), "清理楼道", "清洁", "小区", 1, 6, 3.0, 50, "备注");
            row(sheet, 3, date, "", unitId, TODAY.minusDays(1), "清理楼道", "清洁", "小区", 1, 7, 3.5, 50, "");
            filled = write(wb);
        }
        long before = eventCount();
        JsonNode preview = upload("/api/campaigns/" + campaignId + "/ledger/imports", "台账.xlsx", filled,
                COORDINATOR, 201);
        assertThat(preview.path("status").asText()).isEqualTo("VALIDATED");
        assertThat(preview.path("rows").asInt()).isEqualTo(3);
        assertThat(preview.path("valid").asInt()).isEqualTo(3);
        assertThat(preview.path("errors").size()).isZero();
        assertThat(eventCount()).as("a preview writes nothing").isEqualTo(before);

        JsonNode done = applyAndWait(preview.path("importId").asText(), null);
        assertThat(done.path("applied").asInt()).isEqualTo(3);
        assertThat(eventCount()).isEqualTo(before + 3);
        List<DomainEventMessage<?>> own = stream(ActivityKey.of(campaignId, "own-1"));
        assertThat(own).hasSize(1);
        assertThat(((ActivityRecorded) own.get(0).getPayload()).figures().serviceHours()).isEqualTo(2.5);
        assertThat(own.get(0).getMetaData()).containsEntry(AuditMetadata.IMPORT_ID, preview.path("importId").asText())
                .containsEntry(AuditMetadata.IMPORT_ROW, 2).containsEntry(AuditMetadata.USER, "coordinator");

        JsonNode again = upload("/api/campaigns/" + campaignId + "/ledger/imports", "台账.xlsx", filled,
                COORDINATOR, 201);
        assertThat(again.path("valid").asInt()).isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(3);
        JsonNode reapplied = applyAndWait(again.path("importId").asText(), null);
        assertThat(reapplied.path("unchanged").asInt()).isEqualTo(3);
        assertThat(reapplied.path("applied").asInt()).isZero();
        assertThat(eventCount()).as("re-uploading never double counts").isEqualTo(before + 3);
    }

    @Test
    void previewNamesRowColumnAndRuleOfEveryBadCellAndAcceptsEveryDateSpelling() {
        LocalDate d = TODAY.minusDays(5);
        String serial = Long.toString(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), d));
        String csv = "\uFEFF编号,单位编号,日期,活动名称,类别,地点,场次,志愿者人次,服务时长,受益人次,备注\n"
                + "a1," + unitId + "," + d + ",宣讲,,,1,2,0.5,3,\n"
                + "a2," + unitId + "," + d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth() + ",宣讲,,,1,2,1,3,\n"
                + "a3," + unitId + "," + d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日,宣讲,,,1,2,1,3,\n"
                + "a4," + unitId + "," + serial + ",宣讲,,,1,2,1,3,\n"
                + "a5," + unitId + "," + d + ",宣讲,,,1,12人,1,3,\n"
                + "a6," + unitId + ",下周一,宣讲,,,1,2,1,3,\n"
                + "a7," + unitId + "," + TODAY.plusDays(1) + ",宣讲,,,1,2,1,3,\n"
                + "a8," + unitId + "," + d + ",宣讲,,,1,2,0.3,3,\n"
                + "a9,nobody-" + unitId + "," + d + ",宣讲,,,1,2,1,3,\n"
                + "a10," + unitId + "," + d + ",,,,1,2,1,3,\n"
                + "a11," + unitId + "," + d + ",宣讲,,,0,2,1,3,\n"
                + "a12," + unitId + "," + d + ",宣讲,,,1,2,3.5小时,3,\n";
        long before = eventCount();
        JsonNode p = upload("/api/campaigns/" + campaignId + "/ledger/imports", "台账.csv",
                csv.getBytes(StandardCharsets.UTF_8), COORDINATOR, 201);
        assertThat(p.path("rows").asInt()).isEqualTo(12);
        assertThat(p.path("valid").asInt()).isEqualTo(4);
        assertThat(p.path("invalid").asInt()).isEqualTo(8);
        assertThat(error(p, 6)).isEqualTo("志愿者人次").satisfies(c -> assertThat(message(p, 6)).contains("12人"));
        assertThat(error(p, 7)).isEqualTo("日期");
        assertThat(error(p, 8)).isEqualTo("日期");
        assertThat(message(p, 8)).contains("晚于");
        assertThat(error(p, 9)).isEqualTo("服务时长");
        assertThat(message(p, 9)).contains("0.5");
        assertThat(error(p, 10)).isEqualTo("单位编号");
        assertThat(error(p, 11)).isEqualTo("活动名称");
        assertThat(message(p, 11)).contains("标题");
        assertThat(error(p, 12)).isEqualTo("场次");
        assertThat(error(p, 13)).isEqualTo("服务时长");
        try (XSSFWorkbook report = new XSSFWorkbook(new ByteArrayInputStream(
                bytes("/api/imports/" + p.path("importId").asText() + "/report.xlsx", COORDINATOR)))) {
            Sheet sheet = report.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(11).getStringCellValue()).isEqualTo("可导入");
            assertThat(sheet.getRow(5).getCell(11).getStringCellValue()).startsWith("错误").contains("12人");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aRowWhoseIdExistsWithOtherContentIsAConflictThatMayBeAppliedAsACorrection() throws IOException {
        assertAccepted(post("/api/campaigns/" + campaignId + "/activities", activity("x1", unitId,
                TODAY.minusDays(3), 4)), 201);
        String csv = "编号,单位编号,日期,活动名称,类别,地点,场次,志愿者人次,服务时长,受益人次,备注\n"
                + "x1," + unitId + "," + TODAY.minusDays(3) + ",消杀任务,疫情防控,密云区各社区,5,460,460.5,85300,出队\n";
        JsonNode p = upload("/api/campaigns/" + campaignId + "/ledger/imports", "x.csv",
                csv.getBytes(StandardCharsets.UTF_8), COORDINATOR, 201);
        assertThat(p.path("conflicts").asInt()).isEqualTo(1);
        assertThat(p.path("conflictRows").get(0).path("row").asInt()).isEqualTo(2);
        String id = p.path("importId").asText();
        assertProblem(post("/api/imports/" + id + "/apply", "{\"conflicts\": \"correct\"}"), 400, "invalid-field");
        JsonNode skipped = applyAndWait(id, "{\"conflicts\": \"skip\"}");
        assertThat(skipped.path("conflicts").asInt()).isEqualTo(1);
        assertThat(payloads(ActivityKey.of(campaignId, "x1"))).hasSize(1);
        JsonNode corrected = applyAndWait(id, "{\"conflicts\": \"correct\", \"reason\": \"台账更正\"}");
        assertThat(corrected.path("applied").asInt()).isEqualTo(1);
        try (XSSFWorkbook report = new XSSFWorkbook(new ByteArrayInputStream(
                bytes("/api/imports/" + id + "/report.xlsx", COORDINATOR)))) {
            Row header = report.getSheetAt(0).getRow(0);
            assertThat(header.getCell(11).getStringCellValue()).isEqualTo("结果");
            assertThat(report.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("x1");
            assertThat(report.getSheetAt(0).getRow(1).getCell(11).getStringCellValue()).isEqualTo("已更正");
        }
        List<Object> events = payloads(ActivityKey.of(campaignId, "x1"));
        assertThat(events).hasSize(2);
        assertThat(((ActivityCorrected) events.get(1)).figures().sessions()).isEqualTo(5);
        assertThat(((ActivityCorrected) events.get(1)).reason()).isEqualTo("台账更正");
    }

    @Test
    void aUnitImportsOnlyItsOwnUnitsRowsAndALeaderCannotImport() {
        String suo = IMPORT_UNIT;
        registerImportUnit();
        String zhan = registerUnit(id("zhan"), "实践站", "密云区", suo);
        String imports = "/api/campaigns/" + campaignId + "/ledger/imports";
        for (String u : List.of(suo, zhan)) {
            enroll(campaignId, u);
        }
        LocalDate d = TODAY.minusDays(2);
        String csv = "单位编号,日期,活动名称,场次,志愿者人次,服务时长,受益人次\n"
                + suo + "," + d + ",宣讲,1,2,1,3\n" + zhan + "," + d + ",宣讲,1,2,1,3\n" + unitId + "," + d + ",宣讲,1,2,1,3\n";
        JsonNode p = upload(imports, "u.csv", csv.getBytes(StandardCharsets.UTF_8), UNIT_ACCOUNT, 201);
        assertThat(p.path("valid").asInt()).isEqualTo(2);
        assertThat(error(p, 4)).isEqualTo("单位编号");
        long before = eventCount();
        HttpResponse<String> leader = multipart(imports, "u.csv", csv.getBytes(StandardCharsets.UTF_8), LEADER);
        assertThat(leader.statusCode()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void hostileFilesAreRefusedWithAChineseProblemAndWriteNothing() throws IOException {
        String imports = "/api/campaigns/" + campaignId + "/ledger/imports";
        long before = eventCount();
        assertImportProblem(imports, "x.xlsx", "not a spreadsheet at all".getBytes(StandardCharsets.UTF_8),
                "import-not-a-spreadsheet");
        byte[] valid = bytes("/api/campaigns/" + campaignId + "/ledger/template.xlsx", COORDINATOR);
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;"
                + "&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                + "spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol2;</t>"
                + "</is></c></row></sheetData></worksheet>";
        assertImportProblem(imports, "x.xlsx", replace(valid, "xl/worksheets/sheet1.xml",
                laughs.getBytes(StandardCharsets.UTF_8)), "import-unreadable");
        byte[] bomb = ("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
                + "2006/main\"><sheetData>" + " ".repeat(60_000_000) + "</sheetData></worksheet>")
                .getBytes(StandardCharsets.UTF_8);
        assertImportProblem(imports, "x.xlsx", replace(valid, "xl/worksheets/sheet1.xml", bomb), "import-unreadable");
        assertImportProblem(imports, "x.csv", new byte[]{'a', ',', (byte) 0xC3, (byte) 0x28, '\n'}, "import-not-utf8");
        assertImportProblem(imports, "x.csv", "甲,乙\n1,2\n".getBytes(StandardCharsets.UTF_8),
                "import-missing-columns");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aThousandRowLedgerPreviewsAndAppliesEveryRowOnce() {
        int n = 1_000;
        StringBuilder csv = new StringBuilder("单位编号,日期,活动名称,场次,志愿者人次,服务时长,受益人次\n");
        for (int i = 0; i < n; i++) {
            csv.append(unitId).append(',').append(TODAY.minusDays(i % 20)).append(",第").append(i).append("次宣讲,1,")
                    .append(i % 50).append(',').append(0.5 * (i % 9)).append(",10\n");
        }
        long before = eventCount();
        JsonNode p = upload("/api/campaigns/" + campaignId + "/ledger/imports", "big.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8), COORDINATOR, 201);
        assertThat(p.path("valid").asInt()).isEqualTo(n);
        JsonNode done = applyAndWait(p.path("importId").asText(), null);
        assertThat(done.path("applied").asInt()).isEqualTo(n);
        assertThat(done.path("processed").asInt()).isEqualTo(n);
        assertThat(eventCount()).isEqualTo(before + n);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.axonframework.commandhandling.gateway.CommandGateway gateway;
    @org.springframework.beans.factory.annotation.Autowired
    CommandDispatcher dispatcher;
    @org.springframework.beans.factory.annotation.Autowired
    com.campaigntracker.command.campaign.CampaignLookup campaignLookup;
    @org.springframework.beans.factory.annotation.Autowired
    com.campaigntracker.command.unit.UnitLookup unitLookup;
    @org.springframework.beans.factory.annotation.Autowired
    java.time.Clock clock;

    @Test
    void aPreviewedImportSurvivesARestartAndIsAppliedThen() {
        String csv = "编号,单位编号,日期,活动名称,场次,志愿者人次,服务时长,受益人次\n"
                + "r1," + unitId + "," + TODAY.minusDays(1) + ",宣讲,1,2,1.5,3\n";
        JsonNode p = upload("/api/campaigns/" + campaignId + "/ledger/imports", "r.csv",
                csv.getBytes(StandardCharsets.UTF_8), COORDINATOR, 201);
        String importId = p.path("importId").asText();
        asCoordinator(() -> {
            // a second Imports over the same data directory is what the product holds after a restart
            try (Imports restarted = imports(dispatcher)) {
                assertThat(restarted.status(importId).status()).isEqualTo("VALIDATED");
                assertThat(restarted.status(importId).rows()).isEqualTo(1);
                restarted.apply(importId, null);
                await().pollInSameThread().atMost(Duration.ofMinutes(1))
                        .until(() -> restarted.status(importId).status().equals("DONE"));
                assertThat(restarted.status(importId).applied()).isEqualTo(1);
            }
        });
        assertThat(payloads(ActivityKey.of(campaignId, "r1"))).hasSize(1);
    }

    @Test
    void anApplyCutShortIsRecountedFromTheEventsAfterARestartAndCompletedWithoutDoubleCounting() throws IOException {
        int n = 60;
        int crashAfter = 25;
        StringBuilder csv = new StringBuilder("编号,单位编号,日期,活动名称,场次,志愿者人次,服务时长,受益人次\n");
        for (int i = 0; i < n; i++) {
            csv.append("k").append(i).append(',').append(unitId).append(',').append(TODAY.minusDays(i % 7))
                    .append(",宣讲,1,").append(i).append(",1.5,3\n");
        }
        JsonNode p = upload("/api/campaigns/" + campaignId + "/ledger/imports", "k.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8), COORDINATOR, 201);
        String importId = p.path("importId").asText();
        long before = eventCount();
        AtomicInteger sent = new AtomicInteger();
        CommandDispatcher dying = new CommandDispatcher(gateway) {
            @Override
            public <R> R send(Object command, Map<String, ?> metaData,
                              Supplier<? extends com.campaigntracker.command.rules.RuleViolation> notFound) {
                if (sent.incrementAndGet() > crashAfter) {
                    throw new IllegalStateException("the process died here");
                }
                return super.send(command, metaData, notFound);
            }
        };
        asCoordinator(() -> {
            try (Imports first = imports(dying)) {
                first.apply(importId, null);
                await().pollInSameThread().atMost(Duration.ofMinutes(1)).until(() -> {
                    ImportStatus s = first.status(importId);
                    return s.status().equals("FAILED") && !s.checking();
                });
                assertThat(first.status(importId).applied()).as("recounted from the events").isEqualTo(crashAfter);
            }
        });
        assertThat(eventCount()).isEqualTo(before + crashAfter);
        // what a kill -9 in the middle of the apply leaves: the JSON beside the upload says APPLYING, and the
        // per-row results may be gone; which rows were applied must come from the events
        Path dir = DATA_DIR.resolve("imports");
        Path json = dir.resolve(importId + ".json");
        Files.writeString(json, Files.readString(json).replace("\"status\":\"FAILED\"", "\"status\":\"APPLYING\""));
        Files.delete(dir.resolve(importId + ".results"));
        Set<Integer> rowsInEvents = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            for (DomainEventMessage<?> e : stream(ActivityKey.of(campaignId, "k" + i))) {
                assertThat(e.getMetaData()).containsEntry(AuditMetadata.IMPORT_ID, importId);
                rowsInEvents.add(((Number) e.getMetaData().get(AuditMetadata.IMPORT_ROW)).intValue());
            }
        }
        assertThat(rowsInEvents).hasSize(crashAfter);

        asCoordinator(() -> {
            try (Imports restarted = imports(dispatcher)) {
                assertThat(restarted.status(importId).status()).isEqualTo("FAILED");
                await().pollInSameThread().atMost(Duration.ofMinutes(1))
                        .until(() -> !restarted.status(importId).checking());
                ImportStatus recounted = restarted.status(importId);
                assertThat(recounted.applied()).isEqualTo(crashAfter);
                Set<Integer> reported = new TreeSet<>();
                ByteArrayOutputStream report = new ByteArrayOutputStream();
                try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report(restarted, importId, report)))) {
                    for (Row row : wb.getSheetAt(0)) {
                        String result = row.getCell(8).getStringCellValue();
                        if (result.equals("已导入")) {
                            reported.add(row.getRowNum() + 1);
                        } else if (row.getRowNum() > 0) {
                            assertThat(result).startsWith("未导入");
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                assertThat(reported).as("the report names the rows the events name").isEqualTo(rowsInEvents);

                restarted.apply(importId, null);
                await().pollInSameThread().atMost(Duration.ofMinutes(1))
                        .until(() -> restarted.status(importId).status().equals("DONE"));
                ImportStatus done = restarted.status(importId);
                assertThat(done.applied()).isEqualTo(n);
                assertThat(done.unchanged()).isZero();
                assertThat(done.processed()).isEqualTo(n);
            }
        });
        assertThat(eventCount()).as("completed without double counting").isEqualTo(before + n);
    }

    private Imports imports(CommandDispatcher commands) {
        return new Imports(gateway, commands, campaignLookup, unitLookup, eventStore, clock, 100_000, 4,
                DATA_DIR.toString());
    }

    private static byte[] report(Imports imports, String importId, ByteArrayOutputStream out) {
        try {
            imports.report(importId, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void asCoordinator(Runnable work) {
        var auth = new org.springframework.security.authentication.UsernamePasswordAuthenticationToken("coordinator",
                null, List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                        "ROLE_COORDINATOR")));
        auth.setDetails(new com.campaigntracker.security.Actor("coordinator",
                java.util.Set.of(com.campaigntracker.security.Role.COORDINATOR), null, null));
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(auth);
        try {
            work.run();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    @Test
    void formulaCellsAreRowErrorsNeverEvaluated() throws IOException {
        byte[] file;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = ledgerSheet(wb);
            Row r = s.createRow(1);
            r.createCell(0).setCellValue("f1");
            r.createCell(1).setCellValue(unitId);
            r.createCell(2).setCellValue(TODAY.minusDays(1).toString());
            r.createCell(3).setCellValue("宣讲");
            r.createCell(4).setCellFormula("1+1");
            r.createCell(5).setCellValue(3);
            r.createCell(6).setCellValue(1.5);
            r.createCell(7).setCellValue(4);
            file = write(wb);
        }
        JsonNode p = upload("/api/campaigns/" + campaignId + "/ledger/imports", "f.xlsx", file, COORDINATOR, 201);
        assertThat(p.path("invalid").asInt()).isEqualTo(1);
        assertThat(error(p, 2)).isEqualTo("场次");
        assertThat(message(p, 2)).contains("公式");
    }

    @Test
    void mergedCellsAreReadAsStoredAndHiddenOrLaterSheetsAreNotRead() throws IOException {
        byte[] file;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = ledgerSheet(wb);
            for (int r = 1; r <= 2; r++) {
                Row row = s.createRow(r);
                row.createCell(0).setCellValue("mg" + r);
                row.createCell(1).setCellValue(unitId);
                row.createCell(2).setCellValue(TODAY.minusDays(1).toString());
                row.createCell(4).setCellValue(1);
                row.createCell(5).setCellValue(2);
                row.createCell(6).setCellValue(1.5);
                row.createCell(7).setCellValue(3);
            }
            // 活动名称 merged over rows 2 and 3: the value is stored in the first cell only
            s.getRow(1).createCell(3).setCellValue("合并单元格的活动");
            s.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(1, 2, 3, 3));
            Sheet hidden = wb.createSheet("隐藏");
            Row junk = hidden.createRow(0);
            junk.createCell(0).setCellValue("不应被读取");
            wb.setSheetHidden(1, true);
            file = write(wb);
        }
        JsonNode p = upload("/api/campaigns/" + campaignId + "/ledger/imports", "m.xlsx", file, COORDINATOR, 201);
        assertThat(p.path("rows").asInt()).as(p.toString()).isEqualTo(2);
        assertThat(p.path("valid").asInt()).isEqualTo(1);
        assertThat(error(p, 3)).isEqualTo("活动名称");
    }

    @Test
    void unitsRegistryImportRegistersParentsBeforeChildrenAndReportsUnknownTypes() throws IOException {
        byte[] template = bytes("/api/units/template.xlsx", COORDINATOR);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(cells(wb.getSheetAt(0).getRow(0))).containsExactly("单位编号", "单位名称", "单位类型", "所属区",
                    "上级单位编号");
            assertThat(wb.getSheet("填写说明")).isNotNull();
        }
        String center = id("zx");
        String suo = id("suo");
        String csv = "单位编号,单位名称,单位类型,所属区,上级单位编号\n"
                + center + ",怀柔区实践中心,实践中心,怀柔区,\n"
                + suo + ",泉河街道实践所,实践所,怀柔区," + center + "\n"
                + id("x") + ",某单位,居委会,怀柔区,\n";
        JsonNode p = upload("/api/units/imports", "units.csv", csv.getBytes(StandardCharsets.UTF_8), COORDINATOR, 201);
        assertThat(p.path("valid").asInt()).isEqualTo(2);
        assertThat(error(p, 4)).isEqualTo("单位类型");
        JsonNode done = applyAndWait(p.path("importId").asText(), null);
        assertThat(done.path("applied").asInt()).isEqualTo(2);
        assertThat(payloads(suo)).hasSize(1);
    }

    @Test
    void aUnitRowMayHangOffAUnitAnEarlierRowRegistersAndPreviewAndApplyAgree() {
        String center = id("zx");
        String suo = id("suo");
        String zhan = id("zhan");
        String wrongType = id("zhan");
        String wrongDistrict = id("suo");
        String unknownType = id("x");
        String underUnknown = id("zhan");
        String underWrong = id("zhan");
        String csv = "单位编号,单位名称,单位类型,所属区,上级单位编号\n"
                + center + ",延庆区实践中心,实践中心,延庆区,\n"
                + suo + ",百泉街道实践所,实践所,延庆区," + center + "\n"
                + zhan + ",湖南社区实践站,实践站,延庆区," + suo + "\n"
                + wrongType + ",某实践站,实践站,延庆区," + center + "\n"
                + wrongDistrict + ",某实践所,实践所,密云区," + center + "\n"
                + unknownType + ",某单位,居委会,延庆区,\n"
                + underUnknown + ",某站,实践站,延庆区," + unknownType + "\n"
                + underWrong + ",某站,实践站,密云区," + wrongDistrict + "\n";
        long before = eventCount();
        JsonNode p = upload("/api/units/imports", "units.csv", csv.getBytes(StandardCharsets.UTF_8), COORDINATOR, 201);
        assertThat(p.path("valid").asInt()).as(p.toString()).isEqualTo(3);
        assertThat(p.path("invalid").asInt()).isEqualTo(5);
        assertThat(error(p, 5)).isEqualTo("上级单位编号");
        assertThat(message(p, 5)).contains("实践站");
        assertThat(error(p, 6)).isEqualTo("所属区");
        assertThat(message(p, 6)).contains("延庆区");
        assertThat(error(p, 7)).isEqualTo("单位类型");
        assertThat(error(p, 8)).isEqualTo("上级单位编号");
        assertThat(error(p, 9)).isEqualTo("上级单位编号");
        assertThat(eventCount()).isEqualTo(before);

        JsonNode done = applyAndWait(p.path("importId").asText(), null);
        assertThat(done.path("applied").asInt()).as("apply does what the preview said").isEqualTo(3);
        assertThat(done.path("failed").asInt()).isEqualTo(5);
        assertThat(eventCount()).isEqualTo(before + 3);
        for (String registered : List.of(center, suo, zhan)) {
            assertThat(payloads(registered)).hasSize(1);
        }
        for (String refused : List.of(wrongType, wrongDistrict, underUnknown, underWrong)) {
            assertThat(payloads(refused)).isEmpty();
        }
    }

    /** The unit of the UNIT account: a 实践所 under a new 实践中心 (registered once; the account needs it). */
    private void registerImportUnit() {
        String center = registerUnit(id("zx"), "实践中心", "密云区", null);
        Answer answer = post("/api/units", """
                {"unitId": "%s", "name": "导入测试所", "type": "实践所", "district": "密云区", "parentUnitId": "%s"}"""
                .formatted(IMPORT_UNIT, center));
        assertThat(answer.status()).as(answer.raw()).isIn(201, 409);
    }

    private void assertImportProblem(String path, String name, byte[] body, String type) {
        HttpResponse<String> r = multipart(path, name, body, COORDINATOR);
        Answer answer;
        try {
            answer = new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), null,
                    JSON.readTree(r.body()), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertProblem(answer, 400, type);
    }

    private JsonNode applyAndWait(String importId, String body) {
        Answer accepted = post("/api/imports/" + importId + "/apply", body == null ? "{}" : body);
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(3)).until(() -> get("/api/imports/" + importId).body().path("status")
                .asText().equals("DONE"));
        return get("/api/imports/" + importId).body();
    }

    private static String error(JsonNode preview, int row) {
        for (JsonNode e : preview.path("errors")) {
            if (e.path("row").asInt() == row) {
                return e.path("column").asText();
            }
        }
        throw new AssertionError("no error for row " + row + " in " + preview);
    }

    private static String message(JsonNode preview, int row) {
        for (JsonNode e : preview.path("errors")) {
            if (e.path("row").asInt() == row) {
                return e.path("message").asText();
            }
        }
        throw new AssertionError("no error for row " + row);
    }

    private JsonNode upload(String path, String name, byte[] body, String auth, int status) {
        HttpResponse<String> r = multipart(path, name, body, auth);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> multipart(String path, String name, byte[] body, String auth) {
        String boundary = "----import" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private byte[] bytes(String path, String auth) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth).GET().build();
        try {
            HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> cells(Row row) {
        List<String> out = new ArrayList<>();
        row.forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }

    private static void row(Sheet sheet, int index, CellStyle date, Object... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            Cell cell = row.createCell(i);
            if (values[i] instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (values[i] instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(date);
            } else {
                cell.setCellValue((String) values[i]);
            }
        }
    }

    /** A 台账 sheet with the header row of the required columns (no 类别, 地点, 备注). */
    private static Sheet ledgerSheet(XSSFWorkbook wb) {
        Sheet s = wb.createSheet("台账");
        String[] h = {"编号", "单位编号", "日期", "活动名称", "场次", "志愿者人次", "服务时长", "受益人次"};
        Row header = s.createRow(0);
        for (int i = 0; i < h.length; i++) {
            header.createCell(i).setCellValue(h[i]);
        }
        return s;
    }

    private static byte[] write(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    /** The same .xlsx (zip) with one entry's content replaced. */
    private static byte[] replace(byte[] xlsx, String entry, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(e.getName().equals(entry) ? content : in.readAllBytes());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
