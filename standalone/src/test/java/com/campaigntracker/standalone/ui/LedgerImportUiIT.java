package com.campaigntracker.standalone.ui;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 台账 import in the browser: a unit signs in, downloads the ledger template, fills it with two good and two bad
 * rows, uploads it, sees the bad rows marked in the preview, applies the rest, and its ledger and the campaign's
 * progress show the new totals.
 */
class LedgerImportUiIT extends ProductUiTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @BeforeAll
    static void startProduct() throws IOException {
        start(Accounts.productArgs());
    }

    @Test
    void aUnitDownloadsTheTemplateUploadsTwoBadRowsAppliesTheRestAndSeesTheNewTotals() throws Exception {
        LocalDate today = LocalDate.now(SHANGHAI);
        String campaign = "my-import";
        String team = Accounts.UNIT_FIX.unit();
        api.unit(team, "蓝天救援队", "志愿服务队", "密云区", null);
        api.campaign(campaign, "清洁家园行动", "密云区", List.of("志愿服务队"), today.minusDays(10), today.plusDays(20),
                Map.of("sessions", 100));
        JsonNode enrolled = api.enroll(campaign, team);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.caughtUp("/api/campaigns/" + campaign + "/progress", enrolled));

        Path downloads = Files.createTempDirectory("import-downloads");
        WebDriver unit = browsers.desktop("unit", downloads);
        Browsers.signIn(unit, product.baseUrl(), Accounts.UNIT_FIX);
        unit.get(product.baseUrl() + "/#/report?campaign=" + campaign + "&unit=" + team);
        visible(unit, By.id("ledger-io"));
        unit.findElement(By.id("template-link")).click();
        Path template = awaitDownload(downloads, ".xlsx");

        Path filled = downloads.resolve("filled-" + System.nanoTime() + ".xlsx");
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in);
             OutputStream out = Files.newOutputStream(filled)) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(team);
            CellStyle date = sheet.getRow(1).getCell(2).getCellStyle();
            sheet.removeRow(sheet.getRow(1));
            row(sheet, 1, date, team, today.minusDays(2), "河道清理", "12", "40", "3.5", "200");
            row(sheet, 2, date, team, today.minusDays(1), "入户宣传", "3", "12人", "2", "50");
            row(sheet, 3, date, team, today.minusDays(1), "垃圾分类指导", "2", "10", "1.5", "80");
            row(sheet, 4, date, team, today.plusDays(3), "明天的活动", "1", "5", "1", "5");
            wb.write(out);
        }

        unit.findElement(By.id("import-file")).sendKeys(filled.toAbsolutePath().toString());
        unit.findElement(By.id("import-upload")).click();
        WebElement counts = visible(unit, By.id("import-counts"));
        assertThat(counts.getText()).contains("共 4 行").contains("可导入 2").contains("有错误 2");
        assertThat(unit.findElement(By.cssSelector("#import-errors tr[data-row='3']")).getText())
                .contains("志愿者人次").contains("12人");
        assertThat(unit.findElement(By.cssSelector("#import-errors tr[data-row='5']")).getText()).contains("日期");

        unit.findElement(By.id("import-apply")).click();
        new WebDriverWait(unit, Duration.ofSeconds(60)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("ledger-sum"), "共 2 条有效记录"));
        assertThat(unit.findElement(By.id("ledger-sum")).getText()).contains("14 场次").contains("50 志愿者人次")
                .contains("5 小时");
        // the ledger's reload re-renders the panel, which shows the last import of the campaign again
        new WebDriverWait(unit, Duration.ofSeconds(30)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("import-progress"), "导入完成：新增 2"));
        assertThat(unit.findElement(By.id("import-progress")).getText()).contains("每秒");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode p = api.get("/api/campaigns/" + campaign + "/progress");
            return p != null && p.path("totals").path("sessions").asLong() == 14;
        });
        assertThat(api.get("/api/campaigns/" + campaign + "/progress").path("totals").path("serviceHours").asDouble())
                .isEqualTo(5.0);
    }

    private static void row(Sheet sheet, int index, CellStyle date, String unit, LocalDate day, String title,
                            String... figures) {
        Row r = sheet.createRow(index);
        r.createCell(1).setCellValue(unit);
        r.createCell(2).setCellValue(day);
        r.getCell(2).setCellStyle(date);
        r.createCell(3).setCellValue(title);
        for (int i = 0; i < figures.length; i++) {
            // typed as text on purpose: a unit's sheet often holds figures as text
            r.createCell(6 + i).setCellValue(figures[i]);
        }
    }

    private static Path awaitDownload(Path dir, String ext) {
        Path[] found = new Path[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (Stream<Path> files = Files.list(dir)) {
                found[0] = files.filter(f -> f.toString().endsWith(ext)).findFirst().orElse(null);
            }
            return found[0] != null && Files.size(found[0]) > 0;
        });
        return found[0];
    }

    private static WebElement visible(WebDriver driver, By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }
}
