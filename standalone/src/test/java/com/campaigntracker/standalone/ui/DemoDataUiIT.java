package com.campaigntracker.standalone.ui;

import com.campaigntracker.standalone.ProductProcess;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code --demo} on an empty store gives a first run a living product: campaigns from the seed briefings with
 * progress, charts, a hierarchy, silent units and an audit trail; starting again with {@code --demo} adds nothing.
 */
class DemoDataUiIT {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void theDemoFillsAnEmptyStoreWithALivingDashboardOnce() throws Exception {
        Path dataDir = ProductProcess.tempDataDir();
        int httpPort = ProductProcess.freePort();
        int mongoPort = ProductProcess.freePort();
        String activitiesBefore;
        try (ProductProcess product = ProductProcess.start(dataDir, httpPort, mongoPort, withDemo())) {
            Api api = new Api(product.baseUrl());
            // the loader runs once the product is up: wait for its last campaign to be closed and projected
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                JsonNode list = api.get("/api/campaigns");
                return list != null && list.toString().contains("学雷锋志愿服务月") && list.toString().contains("CLOSED");
            });
            activitiesBefore = activityLedger(api);

            WebDriver leader = browsers.desktop("leader");
            Browsers.signIn(leader, product.baseUrl(), Accounts.ADMIN); // the leader's screens, and the admin's
            leader.get(product.baseUrl() + "/#/");
            waitUntil(leader, d -> d.findElements(By.cssSelector(".campaign-card")).size() >= 4);
            String overview = leader.findElement(By.id("campaign-list")).getText();
            assertThat(overview).contains("文明路口引导行动\"百日大战\"", "海淀区爱国卫生月", "密云区", "学雷锋志愿服务月",
                    "顺义区", "剩余", "已结束");
            assertThat(leader.findElements(By.cssSelector(".campaign-card .badge.ok, .campaign-card .badge.lag, "
                    + ".campaign-card .badge.risk, .campaign-card .badge.done"))).isNotEmpty();
            Browsers.fullPage(leader, "demo-overview");

            leader.get(product.baseUrl() + "/#/campaigns/sy-bairi");
            waitUntil(leader, d -> !text(d, By.cssSelector("#kpi-sessions .metric-total")).matches("0|"));
            waitUntil(leader, d -> d.findElements(By.cssSelector("#chart-cumulative canvas")).size() > 0);
            waitUntil(leader, d -> d.findElements(By.cssSelector("#leaderboard-table tbody tr")).size() >= 10);
            assertThat(text(leader, By.id("silent-units"))).contains("北京市顺义区医院", "从未填报");
            // drill down 中心 → 所 → 站 (a district with a single root opens at its 实践所 already)
            if (!text(leader, By.id("drill-table")).contains("胜利街道新时代文明实践所")) {
                click(leader, By.xpath("//div[@id='drill-table']//a[starts-with(normalize-space(),'顺义区新时代文明实践中心')]"));
            }
            waitUntil(leader, d -> text(d, By.id("drill-table")).contains("胜利街道新时代文明实践所"));
            assertThat(text(leader, By.id("drill-crumbs"))).contains("顺义区新时代文明实践中心");
            click(leader, By.xpath("//div[@id='drill-table']//a[starts-with(normalize-space(),'胜利街道新时代文明实践所')]"));
            waitUntil(leader, d -> text(d, By.id("drill-table")).contains("胜利街道建新南区社区新时代文明实践站"));
            assertThat(text(leader, By.id("drill-crumbs"))).contains("胜利街道新时代文明实践所");
            Browsers.fullPage(leader, "demo-dashboard-bairi");

            leader.get(product.baseUrl() + "/#/campaigns/my-qingjie");
            waitUntil(leader, d -> text(d, By.id("leaderboard")).contains("密云蓝天救援队"));
            WebElement lantian = leader.findElement(By.xpath("//table[@id='leaderboard-table']//tr[.//a[text()='密云蓝天救援队']]"));
            assertThat(lantian.getText()).contains("173", "460.5", "85,300");
            Browsers.fullPage(leader, "demo-dashboard-miyun");

            leader.get(product.baseUrl() + "/#/units");
            waitUntil(leader, d -> text(d, By.id("unit-tree")).contains("学院路街道新时代文明实践所"));
            assertThat(text(leader, By.id("unit-tree"))).contains("海淀区", "顺义区", "密云区", "密云蓝天救援队");
            // 实践所 start folded (Haidian alone has 29); searching opens the way to a 实践站
            leader.findElement(By.id("unit-search")).sendKeys("颐慧佳园");
            waitUntil(leader, d -> text(d, By.id("unit-tree")).contains("八里庄街道颐慧佳园社区新时代文明实践站"));
            assertThat(text(leader, By.id("unit-tree"))).contains("八里庄街道新时代文明实践所").doesNotContain("顺义区");
            Browsers.fullPage(leader, "demo-units");

            leader.get(product.baseUrl() + "/#/campaigns/sy-bairi/history");
            // newest first: the trail ends with the units' corrections and retractions
            waitUntil(leader, d -> text(d, By.id("history-table")).contains("撤回活动"));
            assertThat(text(leader, By.id("history-table"))).contains("更正活动", "原因");
            Browsers.screenshot(leader, "demo-history");
            // and it began with the coordinator's launch: the event-type filter finds it without paging back
            new org.openqa.selenium.support.ui.Select(leader.findElement(By.cssSelector("#history-filter [name=type]")))
                    .selectByVisibleText("发起活动");
            click(leader, By.id("history-apply"));
            waitUntil(leader, d -> text(d, By.id("history-table")).contains("发起活动")
                    && !text(d, By.id("history-table")).contains("撤回活动"));
            assertThat(text(leader, By.id("history-table"))).contains("协调员");

            // an admin rebuilds the read model from the first event; the figures come back the same
            String totalsBefore = api.get("/api/campaigns/sy-bairi/progress").path("totals").toString();
            leader.get(product.baseUrl() + "/#/admin");
            waitUntil(leader, d -> text(d, By.id("projections")).contains("进度"));
            click(leader, By.id("rebuild-btn"));
            new WebDriverWait(leader, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());
            leader.switchTo().alert().accept();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
                JsonNode after = api.get("/api/campaigns/sy-bairi/progress");
                return after != null && after.path("totals").toString().equals(totalsBefore);
            });
            waitUntil(leader, d -> text(d, By.id("projections")).contains("进度 100%")
                    && d.findElement(By.id("rebuild-btn")).isEnabled());
            Browsers.screenshot(leader, "demo-admin-after-rebuild");
            assertThat(Browsers.scriptErrors(leader)).isEmpty();
        }

        // a second start with --demo on the same store loads nothing more
        try (ProductProcess again = ProductProcess.start(dataDir, httpPort, mongoPort, withDemo())) {
            Api api = new Api(again.baseUrl());
            await().atMost(Duration.ofMinutes(1)).until(() -> api.get("/api/campaigns") != null);
            assertThat(activityLedger(api)).isEqualTo(activitiesBefore);
            JsonNode list = api.get("/api/campaigns");
            assertThat(count(list)).isEqualTo(4);
        }
    }

    private static String[] withDemo() {
        String[] accounts = Accounts.productArgs();
        String[] args = java.util.Arrays.copyOf(accounts, accounts.length + 1);
        args[accounts.length] = "--demo";
        return args;
    }

    /** What the demo put in: each campaign's status, enrolment and totals, and the number of units. */
    private static String activityLedger(Api api) {
        JsonNode all = api.get("/api/campaigns");
        JsonNode units = api.get("/api/units");
        assertThat(all).isNotNull();
        assertThat(units).isNotNull();
        java.util.TreeMap<String, String> byCampaign = new java.util.TreeMap<>();
        for (JsonNode c : all.isArray() ? all : all.path("campaigns")) {
            byCampaign.put(c.path("campaignId").asText(), c.path("status").asText() + " "
                    + c.path("enrolledUnits").asText() + " " + c.path("totals"));
        }
        return byCampaign + " units=" + units.size();
    }

    private static int count(JsonNode list) {
        if (list.isArray()) {
            return list.size();
        }
        for (String key : List.of("campaigns", "items", "content")) {
            if (list.path(key).isArray()) {
                return list.path(key).size();
            }
        }
        return -1;
    }

    private static void waitUntil(WebDriver driver, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(RuntimeException.class).until(condition::apply);
    }

    /** Clicks what {@code by} finds, again if a live update redrew it between finding and clicking. */
    private static void click(WebDriver driver, By by) {
        waitUntil(driver, d -> {
            d.findElement(by).click();
            return true;
        });
    }

    private static String text(WebDriver driver, By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? "" : found.get(0).getText().trim();
    }
}
