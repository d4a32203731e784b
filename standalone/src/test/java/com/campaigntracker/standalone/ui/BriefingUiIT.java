package com.campaigntracker.standalone.ui;

import com.campaigntracker.standalone.ProductProcess;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * 简报 in the browser: a leader (leaders may issue in this product's configuration) drafts a briefing of a 怀柔
 * campaign, edits one sentence, downloads the draft as Word and PDF, issues it, and downloads the issued
 * briefing's Word and PDF from the list.
 */
class BriefingUiIT extends ProductUiTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @BeforeAll
    static void startProduct() throws IOException {
        Path data = ProductProcess.tempDataDir();
        // Chinese configuration values go through a UTF-8 YAML file, not through the command line's encoding
        Path config = Files.createTempFile("briefing-", ".yml");
        Files.writeString(config, """
                tracker:
                  briefing:
                    leaders-may-issue: true
                    offices:
                      - key: shoudu
                        name: 首都精神文明办
                        title: 首都精神文明建设情况简报
                        column: 新时代文明实践中心建设
                        total-issue-base: 2149
                        editor: 梅雪峰
                        reviewer: 田文松
                        phone: "55569506"
                        report-to: 中央文明办,首都文明委主任、副主任,市委、市人大、市政府、市政协。
                """, StandardCharsets.UTF_8);
        String[] args = Stream.concat(Stream.of(Accounts.productArgs()),
                Stream.of("--spring.config.additional-location=file:" + config.toAbsolutePath())).toArray(String[]::new);
        start(data, args);
    }

    @Test
    void aLeaderDraftsEditsIssuesAndDownloads() throws Exception {
        LocalDate today = LocalDate.now(SHANGHAI);
        String campaign = "hr-brief";
        api.unit("hr-center", "怀柔区新时代文明实践中心", "实践中心", "怀柔区", null);
        api.unit("hr-yanqi", "雁栖镇新时代文明实践所", "实践所", "怀柔区", "hr-center");
        api.unit("hr-baoshan", "宝山镇新时代文明实践所", "实践所", "怀柔区", "hr-center");
        api.campaign(campaign, "文明实践志愿服务月", "怀柔区", List.of("实践所"), today.minusDays(10), today.plusDays(20),
                Map.of("sessions", 600, "participations", 30000));
        api.enroll(campaign, "hr-yanqi");
        api.enroll(campaign, "hr-baoshan");
        api.activity(campaign, "a1", "hr-yanqi", today.minusDays(2), "环境清洁", 400, 20000, 1200.5, 50000);
        JsonNode last = api.activity(campaign, "a2", "hr-yanqi", today.minusDays(1), "防疫宣传", 212, 16118, 1450,
                35317);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.caughtUp("/api/campaigns/" + campaign + "/progress", last));

        Path downloads = Files.createTempDirectory("briefing-downloads");
        WebDriver leader = browsers.desktop("leader", downloads);
        Browsers.signIn(leader, product.baseUrl(), Accounts.LEADER);
        leader.get(product.baseUrl() + "/#/briefings");
        WebElement form = visible(leader, By.id("briefing-form"));
        new Select(form.findElement(By.id("briefing-campaign"))).selectByValue(campaign);
        leader.findElement(By.id("briefing-draft")).click();

        WebElement paragraph = visible(leader, By.cssSelector("textarea.briefing-paragraph"));
        String drafted = paragraph.getAttribute("value");
        assertThat(drafted).contains("600多场次").contains("3万余人次").contains("截至" + chinese(today))
                .contains("雁栖镇新时代文明实践所开展活动较为活跃").contains("宝山镇新时代文明实践所尚未报送活动情况")
                .contains("已超额完成目标任务");
        assertThat(paragraph.getAttribute("title")).contains("场次 612").contains("志愿者 36,118 人次");
        String edited = drafted.replace("开展活动较为活跃。", "开展活动最为活跃，经验值得推广。");
        setValue(leader, paragraph, edited);

        leader.findElement(By.id("briefing-draft-docx")).click();
        Path draftDocx = awaitDownload(downloads, ".docx");
        leader.findElement(By.id("briefing-draft-pdf")).click();
        Path draftPdf = awaitDownload(downloads, ".pdf");
        assertThat(Files.readAllBytes(draftDocx)).startsWith('P', 'K');
        assertThat(new String(Files.readAllBytes(draftPdf), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        leader.findElement(By.id("briefing-issue")).click();
        WebElement row = visible(leader, By.cssSelector("#briefing-list tbody tr"));
        assertThat(row.getText()).contains("第 1 期").contains("总第 2150 期").contains("leader");
        String briefingId = row.getAttribute("data-briefing");
        JsonNode issued = api.get("/api/briefings/" + briefingId);
        assertThat(issued.path("issuedBy").asText()).isEqualTo("leader");
        assertThat(issued.path("briefing").path("sections").get(0).path("paragraphs").get(0).asText())
                .contains("开展活动最为活跃，经验值得推广。").contains("600多场次");
        assertThat(issued.path("briefing").path("sections").get(0).path("figures").path("sessions").asLong())
                .isEqualTo(612);

        clearDownloads(downloads);
        row.findElement(By.cssSelector("a.briefing-docx")).click();
        Path docx = awaitDownload(downloads, ".docx");
        row.findElement(By.cssSelector("a.briefing-pdf")).click();
        Path pdf = awaitDownload(downloads, ".pdf");
        assertThat(docx.getFileName().toString()).contains("第1期");
        assertThat(Files.readAllBytes(docx)).startsWith('P', 'K');
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        Browsers.fullPage(leader, "briefing-issued");
        assertThat(Browsers.scriptErrors(leader)).isEmpty();
    }

    private static String chinese(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** A finished download (Chromium writes .crdownload until done). */
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

    private static void clearDownloads(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }

    private static WebElement visible(WebDriver driver, By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void setValue(WebDriver driver, WebElement input, String value) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1];"
                        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input, value);
    }
}
