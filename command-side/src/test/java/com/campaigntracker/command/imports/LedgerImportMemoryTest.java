package com.campaigntracker.command.imports;

import com.campaigntracker.command.campaign.CampaignLookup;
import com.campaigntracker.command.campaign.CampaignState;
import com.campaigntracker.command.imports.ImportViews.ImportPreview;
import com.campaigntracker.command.unit.UnitLookup;
import com.campaigntracker.command.unit.UnitState;
import com.campaigntracker.shared.campaign.CampaignStatus;
import com.campaigntracker.shared.unit.UnitType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 20,000-row 台账 previewed and reported in a JVM of its own with a 40 MB heap: the sheet is streamed, never held
 * as a workbook (POI's DOM would need several times that), the per-row results go to disk, the listed errors stay
 * capped, and the report is streamed. Every row carries "12人" in 志愿者人次, so no command is needed and the test
 * stays fast; the commands' own memory is per row.
 */
class LedgerImportMemoryTest {
    static final int ROWS = 20_000;

    @Test
    void aTwentyThousandRowLedgerIsPreviewedAndReportedWithinAFortyMegabyteHeap() throws Exception {
        Path dir = Files.createTempDirectory("ledger-import-memory");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx40m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                LedgerImportMemoryTest.class.getName(), dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(dir.resolve("child.log"));
        assertThat(child.exitValue()).as(log).isZero();
        assertThat(log).contains("rows=" + ROWS + " invalid=" + ROWS + " listed=" + Imports.LISTED
                + " reported=" + ROWS);
    }

    /** The child: generates the file (SXSSF), previews it, writes the report, reads the report back (SAX). */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path upload = dir.resolve("big.xlsx");
        LocalDate day = LocalDate.now().minusDays(1);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(upload)) {
            var sheet = wb.createSheet("台账");
            String[] header = {"编号", "单位编号", "日期", "活动名称", "场次", "志愿者人次", "服务时长", "受益人次"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            for (int r = 1; r <= ROWS; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("m" + r);
                row.createCell(1).setCellValue("u1");
                row.createCell(2).setCellValue(day.toString());
                row.createCell(3).setCellValue("入户宣传第" + r + "次");
                row.createCell(4).setCellValue(1);
                row.createCell(5).setCellValue("12人");
                row.createCell(6).setCellValue(1.5);
                row.createCell(7).setCellValue(3);
            }
            wb.write(out);
            wb.dispose();
        }
        CampaignState campaign = new CampaignState("c1", "爱国卫生月", "", "密云区", Set.of(UnitType.VOLUNTEER_TEAM),
                day.minusDays(30), day.plusDays(30), null, CampaignStatus.ACTIVE, Set.of("u1"), Set.of());
        CampaignLookup campaigns = new CampaignLookup(null, 1) {
            @Override
            public Optional<CampaignState> find(String id) {
                return Optional.of(campaign);
            }
        };
        UnitLookup units = new UnitLookup(null, 1) {
            @Override
            public Optional<UnitState> find(String id) {
                return Optional.of(new UnitState("u1", "蓝天救援队", UnitType.VOLUNTEER_TEAM, "密云区", null, true));
            }
        };
        try (Imports imports = new Imports(null, null, campaigns, units, null, Clock.systemUTC(), 100_000, 2,
                dir.toString()); InputStream in = Files.newInputStream(upload)) {
            ImportPreview p = imports.previewLedger("c1", new MockMultipartFile("file", "big.xlsx", null, in));
            Path report = dir.resolve("report.xlsx");
            try (OutputStream out = Files.newOutputStream(report)) {
                imports.report(p.importId(), out);
            }
            int[] reported = {0};
            SheetReader.read(report, "report.xlsx", ROWS + 1, (row, cells) -> {
                if (row > 1 && cells.get(cells.size() - 1).text().contains("12人")) {
                    reported[0]++;
                }
            });
            System.out.println("rows=" + p.rows() + " invalid=" + p.invalid() + " listed=" + p.errors().size()
                    + " reported=" + reported[0] + " heap=" + Runtime.getRuntime().maxMemory() / 1024 / 1024 + "MB");
        }
        System.exit(0);
    }
}
