package com.campaigntracker.standalone.ui;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.campaigntracker.standalone.ui.Pages.click;
import static com.campaigntracker.standalone.ui.Pages.setValue;
import static com.campaigntracker.standalone.ui.Pages.text;
import static com.campaigntracker.standalone.ui.Pages.type;
import static com.campaigntracker.standalone.ui.Pages.visible;
import static com.campaigntracker.standalone.ui.Pages.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The UI follows the signed-in account (GET /api/me): a 实践所's account lands on 我的活动 — the campaigns it and its
 * 实践站 may join, nothing of another district — reports in with one tap and records three activities in a row
 * (再填一条 keeps date, category and site; 复制上一条), on a phone and on a desktop; a district leader sees no write
 * action anywhere and cannot open a write screen by its address; both see who they are and can sign out.
 */
class RolesUiIT extends ProductUiTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String SUO = "roles-suo";
    private static final String ZHAN = "roles-zhan";
    /** A 实践所 account (phone), a 实践站 account (desktop), a 海淀 district leader. */
    private static final Accounts UNIT_SUO = new Accounts("roles-suo-account", "unit-pw", "UNIT", SUO);
    private static final Accounts UNIT_ZHAN = new Accounts("roles-zhan-account", "unit-pw", "UNIT", ZHAN);
    private static final Accounts LEADER_HD = new Accounts("roles-leader-hd", "leader-pw", "LEADER", null);
    private static final int RANKED = 22;

    @BeforeAll
    static void startProduct() {
        int n = Accounts.ALL.size();
        String[] args = Stream.concat(Stream.of(Accounts.productArgs()), Stream.of(
                user(n, UNIT_SUO), "--tracker.security.users[" + n + "].unit=" + SUO,
                user(n + 1, UNIT_ZHAN), "--tracker.security.users[" + (n + 1) + "].unit=" + ZHAN,
                user(n + 2, LEADER_HD), "--tracker.security.users[" + (n + 2) + "].district=海淀区")
                .flatMap(s -> Stream.of(s.split("\n")))).toArray(String[]::new);
        start(args);
        LocalDate today = LocalDate.now(SHANGHAI);
        api.unit("roles-hd-c", "海淀区新时代文明实践中心", "实践中心", "海淀区", null);
        api.unit(SUO, "学院路街道新时代文明实践所", "实践所", "海淀区", "roles-hd-c");
        api.unit(ZHAN, "石油社区新时代文明实践站", "实践站", "海淀区", SUO);
        api.unit("roles-cy-c", "朝阳区新时代文明实践中心", "实践中心", "朝阳区", null);
        api.campaign("roles-hd", "海淀区爱国卫生月", "海淀区", List.of("实践所", "实践站"), today.minusDays(10),
                today.plusDays(20), Map.of("sessions", 100));
        api.campaign("roles-cy", "朝阳区文明交通月", "朝阳区", List.of("实践所", "实践站"), today.minusDays(10),
                today.plusDays(20), Map.of("sessions", 100));
        // another 实践所 with 22 ranked 实践站 (站01 the last, with 1 场次) and one that never reports in
        api.unit("roles-suo2", "八里庄街道新时代文明实践所", "实践所", "海淀区", "roles-hd-c");
        api.unit("roles-quiet", "二里庄社区新时代文明实践站", "实践站", "海淀区", "roles-suo2");
        for (int i = 1; i <= RANKED; i++) {
            String station = String.format("roles-rank-%02d", i);
            api.unit(station, String.format("排行测试站%02d", i), "实践站", "海淀区", "roles-suo2");
            api.enroll("roles-hd", station);
            api.activity("roles-hd", "rank-a-" + i, station, today, "排行测试活动", i, 1, 1, 1);
        }
        JsonNode last = api.campaign("roles-team", "蓝天救援队专项行动", null, List.of("志愿服务队"), today.minusDays(10),
                today.plusDays(20), Map.of("sessions", 100));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.caughtUp("/api/units/" + ZHAN, last));
    }

    private static String user(int i, Accounts a) {
        String p = "--tracker.security.users[" + i + "].";
        return String.join("\n", p + "username=" + a.username(), p + "password={noop}" + a.password(),
                p + "roles=" + a.role());
    }

    @Test
    void aUnitOnAPhoneLandsOnItsCampaignsAndRecordsThreeActivitiesInARow() {
        WebDriver unit = browsers.phone("unit-suo");
        unitFlow(unit, UNIT_SUO, "phone");
        // a 实践所 reports for itself and its 实践站: both are listed under the campaign
        unit.get(product.baseUrl() + "/#/mine");
        WebElement card = visible(unit, By.cssSelector("[data-campaign-id=roles-hd]"));
        waitUntil(unit, d -> d.findElements(By.cssSelector("[data-campaign-id=roles-hd] .mine-unit")).size() == 2);
        assertThat(card.getText()).contains("石油社区新时代文明实践站", "已填报 7 条");
        Browsers.fullPage(unit, "roles-unit-phone-mine-after");
        assertThat(Browsers.scriptErrors(unit)).isEmpty();
    }

    @Test
    void aUnitOnADesktopDoesTheSame() {
        WebDriver unit = browsers.desktop("unit-zhan");
        unitFlow(unit, UNIT_ZHAN, "desktop");
        assertThat(Browsers.scriptErrors(unit)).isEmpty();
    }

    private void unitFlow(WebDriver unit, Accounts account, String size) {
        String own = account.unit();
        Browsers.signIn(unit, product.baseUrl(), account);
        unit.get(product.baseUrl() + "/");
        // 我的活动: its district's campaign only (not 朝阳's, not one for 志愿服务队)
        WebElement card = visible(unit, By.cssSelector("[data-campaign-id=roles-hd]"));
        assertThat(unit.getCurrentUrl()).endsWith("#/mine");
        assertThat(text(unit, By.id("my-campaigns"))).doesNotContain("朝阳区文明交通月", "蓝天救援队专项行动");
        assertThat(text(unit, By.id("whoami-role"))).isEqualTo("单位");
        assertThat(text(unit, By.id("whoami-where"))).isEqualTo(own.equals(SUO) ? "学院路街道新时代文明实践所"
                : "石油社区新时代文明实践站");
        assertNoCoordinatorMenu(unit);
        Browsers.fullPage(unit, "roles-unit-" + size + "-mine");

        // 报到 with one tap (填报 when a coordinator has enrolled it already), then straight to the form, bound to its
        // own unit
        click(unit, By.cssSelector("[data-campaign-id=roles-hd] [data-unit-id=" + own + "] [data-action]"));
        WebElement form = visible(unit, By.id("activity-form"));
        waitUntil(unit, d -> text(d, By.id("enrol-state")).equals("已报到"));
        assertThat(unit.findElement(By.id("report-unit")).getAttribute("value")).isEqualTo(own);
        form = unit.findElement(By.id("activity-form"));
        String date = LocalDate.now(SHANGHAI).minusDays(2).toString();
        setValue(unit, form.findElement(By.name("date")), date);
        type(form.findElement(By.name("title")), "楼道环境清洁");
        type(form.findElement(By.name("category")), "环境清洁");
        type(form.findElement(By.name("site")), "石油大院");
        type(form.findElement(By.name("sessions")), "2");
        type(form.findElement(By.name("participations")), "10");
        submit(unit);
        waitUntil(unit, d -> text(d, By.id("ledger-table")).contains("楼道环境清洁"));

        // 再填一条: date, category and site kept; the title asked again
        form = visible(unit, By.id("activity-form"));
        assertThat(text(unit, By.cssSelector("#activity-form h2"))).isEqualTo("再填一条");
        assertThat(form.findElement(By.name("date")).getAttribute("value")).isEqualTo(date);
        assertThat(form.findElement(By.name("category")).getAttribute("value")).isEqualTo("环境清洁");
        assertThat(form.findElement(By.name("site")).getAttribute("value")).isEqualTo("石油大院");
        assertThat(form.findElement(By.name("title")).getAttribute("value")).isEmpty();
        type(form.findElement(By.name("title")), "垃圾分类桶站值守");
        type(form.findElement(By.name("sessions")), "3");
        submit(unit);
        waitUntil(unit, d -> text(d, By.id("ledger-table")).contains("垃圾分类桶站值守"));

        // 复制上一条: everything of the last one, a new activity when sent
        click(unit, By.id("copy-last"));
        form = unit.findElement(By.id("activity-form"));
        assertThat(form.findElement(By.name("title")).getAttribute("value")).isEqualTo("垃圾分类桶站值守");
        assertThat(form.findElement(By.name("sessions")).getAttribute("value")).isEqualTo("3");
        submit(unit);
        waitUntil(unit, d -> d.findElements(By.cssSelector("#ledger-table tbody tr:not(.pending-row)")).size() == 3);
        waitUntil(unit, d -> text(d, By.id("ledger-sum")).contains("共 3 条有效记录：8 场次"));
        Browsers.fullPage(unit, "roles-unit-" + size + "-three-in-a-row");

        // 批量填报: five rows, one dated before the campaign began — four are recorded, the bad one stays, explained
        click(unit, By.cssSelector("#batch-panel summary"));
        List<WebElement> rows = unit.findElements(By.cssSelector("#batch-rows .batch-row"));
        assertThat(rows).hasSize(5);
        for (int i = 0; i < 5; i++) {
            WebElement row = rows.get(i);
            type(row.findElement(By.name("title")), "批量活动" + (i + 1));
            type(row.findElement(By.name("sessions")), "1");
            type(row.findElement(By.name("participations")), "4");
        }
        setValue(unit, rows.get(2).findElement(By.name("date")), LocalDate.now(SHANGHAI).minusDays(30).toString());
        click(unit, By.id("batch-submit"));
        waitUntil(unit, d -> !text(d, By.id("batch-summary")).isEmpty());
        assertThat(text(unit, By.id("batch-summary"))).contains("已提交 4 条", "1 条未提交");
        WebElement bad = unit.findElement(By.cssSelector("#batch-rows .batch-row.invalid"));
        assertThat(bad.findElement(By.name("title")).getAttribute("value")).isEqualTo("批量活动3");
        assertThat(bad.findElement(By.cssSelector(".batch-error")).getText()).matches("(?s).*\\p{IsHan}.*");
        waitUntil(unit, d -> text(d, By.id("ledger-sum")).contains("共 7 条有效记录：12 场次"));
        assertThat(text(unit, By.id("ledger-table"))).contains("批量活动1", "批量活动5").doesNotContain("批量活动3");
        Browsers.fullPage(unit, "roles-unit-" + size + "-batch");

        // no coordinator screen by its address either
        unit.get(product.baseUrl() + "/#/campaigns/new");
        visible(unit, By.id("forbidden"));
        unit.get(product.baseUrl() + "/#/campaigns/roles-hd");
        visible(unit, By.id("dash-title"));
        assertThat(unit.findElements(By.linkText("修改"))).isEmpty();
        assertThat(unit.findElements(By.linkText("结束"))).isEmpty();
    }

    @Test
    void aDistrictLeaderSeesNoWriteActionAndSignsOut() {
        WebDriver leader = browsers.desktop("leader-hd");
        Browsers.signIn(leader, product.baseUrl(), LEADER_HD);
        leader.get(product.baseUrl() + "/");
        visible(leader, By.cssSelector("[data-campaign-id=roles-hd]"));
        assertThat(text(leader, By.id("whoami-role"))).isEqualTo("领导");
        assertThat(text(leader, By.id("whoami-where"))).isEqualTo("海淀区");
        assertThat(text(leader, By.id("campaign-list"))).doesNotContain("朝阳区文明交通月");
        assertNoCoordinatorMenu(leader);
        assertThat(navVisible(leader, "report")).isFalse();
        assertThat(navVisible(leader, "mine")).isFalse();
        assertThat(navVisible(leader, "briefings")).isTrue();
        assertThat(leader.findElements(By.partialLinkText("发起"))).isEmpty();
        assertThat(leader.findElements(By.linkText("报到与填报"))).isEmpty();
        Browsers.fullPage(leader, "roles-leader-overview");

        leader.get(product.baseUrl() + "/#/campaigns/roles-hd");
        visible(leader, By.id("dash-title"));
        assertThat(leader.findElements(By.linkText("修改"))).isEmpty();
        assertThat(leader.findElements(By.linkText("延期"))).isEmpty();
        assertThat(leader.findElements(By.linkText("报到与填报"))).isEmpty();
        // 未报到 next to 沉默单位, and the bottom of the ranking
        waitUntil(leader, d -> text(d, By.id("not-enrolled")).contains("二里庄社区新时代文明实践站"));
        assertThat(text(leader, By.id("not-enrolled"))).doesNotContain("排行测试站").doesNotContain("null");
        waitUntil(leader, d -> text(d, By.id("leaderboard")).contains("排行测试站22"));
        assertThat(text(leader, By.id("leaderboard"))).doesNotContain("排行测试站01");
        click(leader, By.cssSelector("[data-rank=all]"));
        waitUntil(leader, d -> d.findElements(By.cssSelector("#leaderboard-table tbody tr")).size() >= RANKED);
        int ranked = leader.findElements(By.cssSelector("#leaderboard-table tbody tr")).size();
        click(leader, By.cssSelector("[data-rank=bottom]"));
        waitUntil(leader, d -> text(d, By.id("leaderboard")).contains("排行测试站01"));
        List<WebElement> rows = leader.findElements(By.cssSelector("#leaderboard-table tbody tr"));
        assertThat(rows).hasSize(20);
        WebElement lastRow = rows.get(rows.size() - 1);
        assertThat(lastRow.getText()).contains("排行测试站01");
        assertThat(lastRow.findElement(By.tagName("td")).getText()).isEqualTo(String.valueOf(ranked));
        Browsers.fullPage(leader, "roles-leader-dashboard");
        leader.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        Browsers.fullPage(leader, "roles-leader-dashboard-phone");
        leader.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 1000));

        leader.get(product.baseUrl() + "/#/units");
        waitUntil(leader, d -> text(d, By.id("unit-tree")).contains("学院路街道新时代文明实践所"));
        assertThat(leader.findElements(By.id("unit-form"))).isEmpty();
        assertThat(leader.findElements(By.xpath("//button[text()='改名' or text()='停用']"))).isEmpty();
        Browsers.fullPage(leader, "roles-leader-units");

        for (String screen : List.of("/#/campaigns/new", "/#/campaigns/roles-hd/edit?tab=close", "/#/report", "/#/admin")) {
            leader.get(product.baseUrl() + screen);
            visible(leader, By.id("forbidden"));
        }
        leader.get(product.baseUrl() + "/#/campaigns/roles-cy");
        waitUntil(leader, d -> d.findElement(By.id("app")).getText().contains("海淀区"));
        assertThat(leader.findElements(By.id("dash-title"))).isEmpty();

        // 退出登录: back to the sign-in page, and the session is over
        leader.get(product.baseUrl() + "/#/");
        click(leader, By.id("logout"));
        waitUntil(leader, d -> d.getCurrentUrl().contains("/login.html"));
        leader.get(product.baseUrl() + "/");
        waitUntil(leader, d -> d.getCurrentUrl().contains("/login.html"));
    }

    @Test
    void aCoordinatorStillSeesEveryAction() {
        WebDriver coordinator = browsers.desktop("coordinator");
        Browsers.signIn(coordinator, product.baseUrl(), Accounts.COORDINATOR);
        coordinator.get(product.baseUrl() + "/#/campaigns/roles-hd");
        visible(coordinator, By.linkText("修改"));
        assertThat(text(coordinator, By.id("whoami-role"))).isEqualTo("协调员");
        assertThat(text(coordinator, By.id("whoami-where"))).isEqualTo("全市");
        for (String nav : List.of("launch", "units", "report", "briefings")) {
            assertThat(navVisible(coordinator, nav)).as(nav).isTrue();
        }
        assertThat(navVisible(coordinator, "admin")).isFalse();
        assertThat(navVisible(coordinator, "mine")).isFalse();

        // 批量报到: every 实践所 of the district that has not reported in, in one action
        By suo2 = By.cssSelector("#not-enrolled [data-unit-id=roles-suo2]");
        visible(coordinator, suo2);
        new org.openqa.selenium.support.ui.Select(coordinator.findElement(By.id("bulk-type")))
                .selectByVisibleText("全部实践所");
        assertThat(text(coordinator, By.id("bulk-enrol"))).matches("为所选 \\d 家单位报到");
        click(coordinator, By.id("bulk-enrol"));
        waitUntil(coordinator, d -> d.findElements(suo2).isEmpty()
                && !d.findElements(By.cssSelector("#not-enrolled [data-unit-id=roles-quiet]")).isEmpty());
        assertThat(coordinator.findElements(By.cssSelector("#not-enrolled [data-unit-id=" + SUO + "]"))).isEmpty();
        assertThat(api.get("/api/units/roles-suo2/participation").toString()).contains("\"enrolled\":true");
        Browsers.fullPage(coordinator, "roles-coordinator-bulk-enrolled");

        // 改名 in a dialog (no prompt()), the current name filled in
        api.unit("roles-rename", "待改名实践站", "实践站", "海淀区", "roles-suo2");
        coordinator.get(product.baseUrl() + "/#/units");
        waitUntil(coordinator, d -> text(d, By.id("unit-tree")).contains("海淀区"));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/units/roles-rename") != null);
        coordinator.navigate().refresh();
        visible(coordinator, By.id("unit-search")).sendKeys("待改名");
        click(coordinator, By.xpath("//li[@data-unit-id='roles-rename']//button[text()='改名']"));
        WebElement name = visible(coordinator, By.id("dialog-value"));
        assertThat(name.getAttribute("value")).isEqualTo("待改名实践站");
        Browsers.screenshot(coordinator, "roles-coordinator-rename-dialog");
        type(name, "已改名实践站");
        click(coordinator, By.id("dialog-confirm"));
        waitUntil(coordinator, d -> api.get("/api/units/roles-rename").path("name").asText().equals("已改名实践站"));
        assertThat(Browsers.scriptErrors(coordinator)).isEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static void assertNoCoordinatorMenu(WebDriver driver) {
        for (String nav : List.of("launch", "admin")) {
            assertThat(navVisible(driver, nav)).as(nav).isFalse();
        }
    }

    private static boolean navVisible(WebDriver driver, String nav) {
        return !Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return document.querySelector('[data-nav=' + arguments[0] + ']').hidden", nav));
    }

    /** Submits the activity form; the page stays where the user is (no jump to the top). */
    private static void submit(WebDriver driver) {
        WebElement button = driver.findElement(By.id("activity-submit"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        long before = ((Number) ((JavascriptExecutor) driver).executeScript("return window.scrollY")).longValue();
        button.click();
        waitUntil(driver, d -> d.findElements(By.cssSelector("#activity-form .field-error:not(:empty)")).isEmpty()
                && d.findElement(By.id("activity-submit")).isEnabled());
        waitUntil(driver, d -> d.findElement(By.id("activity-form")).findElement(By.name("title"))
                .getAttribute("value").isEmpty());
        long after = ((Number) ((JavascriptExecutor) driver).executeScript("return window.scrollY")).longValue();
        assertThat(after).as("scroll position after submitting").isGreaterThanOrEqualTo(before / 2);
    }
}
