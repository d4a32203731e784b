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
        // one name under two parents: pickers tell them apart by the parent
        api.unit("roles-suo3", "甘家口街道新时代文明实践所", "实践所", "海淀区", "roles-hd-c");
        api.unit("roles-dup-a", "和平社区新时代文明实践站", "实践站", "海淀区", "roles-suo2");
        api.unit("roles-dup-b", "和平社区新时代文明实践站", "实践站", "海淀区", "roles-suo3");
        api.enroll("roles-hd", "roles-dup-a");
        api.enroll("roles-hd", "roles-dup-b");
        // a correction by the admin, for 活动明细's "who corrected"
        Map<String, Object> fix = new java.util.HashMap<>(Map.of("date", today.toString(), "title", "排行测试活动",
                "sessions", 5, "participations", 2, "serviceHours", 1, "beneficiaries", 1));
        fix.put("reason", "场次录错");
        api.put("/api/campaigns/roles-hd/activities/rank-a-5", fix);
        // a closed campaign shows where it ended, not its pacing
        api.campaign("roles-closed", "海淀区已结束的活动", "海淀区", List.of("实践所", "实践站"), today.minusDays(10),
                today.plusDays(20), Map.of("sessions", 100));
        api.post("/api/campaigns/roles-closed/close", Map.of());
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
        assertFitsTheScreen(unit, "我的活动");
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
        assertFitsTheScreen(unit, "报到与填报");
        Browsers.fullPage(unit, "roles-unit-" + size + "-batch");

        // no coordinator screen by its address either
        unit.get(product.baseUrl() + "/#/campaigns/new");
        visible(unit, By.id("forbidden"));
        unit.get(product.baseUrl() + "/#/campaigns/roles-hd");
        visible(unit, By.id("dash-title"));
        assertThat(unit.findElements(By.linkText("修改"))).isEmpty();
        assertThat(unit.findElements(By.linkText("结束"))).isEmpty();
        waitUntil(unit, d -> !d.findElements(By.cssSelector("#leaderboard-table tbody tr")).isEmpty()
                && !d.findElements(By.id("drill-units")).isEmpty());
        assertFitsTheScreen(unit, "活动看板");
        if (size.equals("phone")) {
            // the key figures come first, right under the title; the unit column stays in view
            Number kpiTop = (Number) script(unit, "return document.getElementById('kpis').getBoundingClientRect().top");
            Number toolbarTop = (Number) script(unit,
                    "return document.querySelector('.dashboard > .toolbar').getBoundingClientRect().top");
            assertThat(kpiTop.doubleValue()).isLessThan(toolbarTop.doubleValue());
            assertThat(script(unit, "return getComputedStyle(document.querySelector("
                    + "'#leaderboard-table tbody tr > :nth-child(2)')).position")).isEqualTo("sticky");
            assertThat(script(unit, "return getComputedStyle(document.querySelector("
                    + "'#drill-units tbody tr > :first-child')).position")).isEqualTo("sticky");
        }
        Browsers.fullPage(unit, "roles-unit-" + size + "-dashboard");
        unit.get(product.baseUrl() + "/#/campaigns/roles-hd/history");
        waitUntil(unit, d -> !d.findElements(By.cssSelector("#history-table tbody tr")).isEmpty());
        assertFitsTheScreen(unit, "审计记录");
        Browsers.fullPage(unit, "roles-unit-" + size + "-history");
        unit.get(product.baseUrl() + "/#/campaigns/roles-hd/history?tab=activities");
        waitUntil(unit, d -> !d.findElements(By.cssSelector("#activities-table tbody tr")).isEmpty());
        assertFitsTheScreen(unit, "活动明细");
        Browsers.fullPage(unit, "roles-unit-" + size + "-activities");
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
        // each unit against its share of the expected progress; any N of the bottom; sortable by a column
        assertThat(text(leader, By.id("pace-head"))).contains("应完成进度");
        assertThat(leader.findElements(By.cssSelector("#leaderboard-table td.pace .badge"))).hasSize(20);
        WebElement n = leader.findElement(By.id("rank-n"));
        setValue(leader, n, "5");
        waitUntil(leader, d -> d.findElements(By.cssSelector("#leaderboard-table tbody tr")).size() == 5);
        assertThat(text(leader, By.cssSelector("[data-rank=bottom]"))).isEqualTo("后5名");
        click(leader, By.cssSelector("#leaderboard-table th[data-sort=sessions]"));
        waitUntil(leader, d -> "ascending".equals(d.findElement(By.cssSelector("#leaderboard-table th[data-sort=sessions]"))
                .getAttribute("aria-sort")));
        click(leader, By.cssSelector("[data-rank=top]"));
        waitUntil(leader, d -> text(d, By.cssSelector("#leaderboard-table tbody tr:first-child")).contains("排行测试站01"));
        assertThat(leader.findElements(By.cssSelector("#leaderboard-table tbody tr"))).hasSize(5);
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
        // another district's dashboard: refused, and its live stream is never opened (so never retried)
        script(leader, "window.__streams = 0; const E = window.EventSource;"
                + " window.EventSource = class extends E { constructor(...a) { super(...a); window.__streams++; } };");
        script(leader, "location.hash = '#/campaigns/roles-cy'");
        waitUntil(leader, d -> d.findElement(By.id("app")).getText().contains("海淀区"));
        assertThat(leader.findElements(By.id("dash-title"))).isEmpty();
        assertThat(script(leader, "return window.__streams")).isEqualTo(0L);
        script(leader, "location.hash = '#/campaigns/roles-hd'");
        visible(leader, By.id("dash-title"));
        waitUntil(leader, d -> Long.valueOf(1).equals(script(d, "return window.__streams")));

        // a closed campaign: its final state, no pacing
        leader.get(product.baseUrl() + "/#/campaigns/roles-closed");
        visible(leader, By.id("final-state"));
        assertThat(text(leader, By.id("dash-head"))).contains("已结束").doesNotContain("应完成进度");
        assertThat(leader.findElements(By.id("pace-head"))).isEmpty();

        // 审计记录: the campaign's units only, named apart where names repeat; filtered by unit and event type
        leader.get(product.baseUrl() + "/#/campaigns/roles-hd/history");
        WebElement unitFilter = visible(leader, By.cssSelector("#history-filter [name=unitId]"));
        waitUntil(leader, d -> !d.findElements(By.cssSelector("#history-table tbody tr")).isEmpty());
        String options = unitFilter.getText();
        assertThat(options).contains("和平社区新时代文明实践站（八里庄街道新时代文明实践所）",
                "和平社区新时代文明实践站（甘家口街道新时代文明实践所）", "排行测试站07").doesNotContain("朝阳区");
        new org.openqa.selenium.support.ui.Select(unitFilter).selectByVisibleText("排行测试站05");
        new org.openqa.selenium.support.ui.Select(leader.findElement(By.cssSelector("#history-filter [name=type]")))
                .selectByVisibleText("更正活动");
        click(leader, By.id("history-apply"));
        waitUntil(leader, d -> d.findElements(By.cssSelector("#history-table tbody tr")).size() == 1
                && text(d, By.id("history-table")).contains("场次录错"));
        assertThat(text(leader, By.cssSelector("#history-table td.operator"))).contains("admin");
        Browsers.fullPage(leader, "roles-leader-history-filtered");
        leader.get(product.baseUrl() + "/#/campaigns/roles-hd/history?tab=activities&unitId=roles-rank-05");
        waitUntil(leader, d -> text(d, By.id("activities-table")).contains("场次录错"));
        assertThat(text(leader, By.cssSelector("#activities-table td.corrections"))).contains("admin：场次录错");

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

    @Test
    void aCoordinatorsFormMarksEveryWrongFieldAtOnceAndChecksThePeriodOnScreen() {
        WebDriver coordinator = browsers.desktop("coordinator-forms");
        Browsers.signIn(coordinator, product.baseUrl(), Accounts.COORDINATOR);
        coordinator.get(product.baseUrl() + "/#/campaigns/new");
        WebElement form = visible(coordinator, By.id("launch-form"));
        type(form.findElement(By.name("title")), "期间检查");
        type(form.findElement(By.name("theme")), "爱国卫生");
        LocalDate today = LocalDate.now(SHANGHAI);
        setValue(coordinator, form.findElement(By.name("startDate")), today.toString());
        setValue(coordinator, form.findElement(By.name("endDate")), today.plusYears(4).toString());
        click(coordinator, By.id("launch-submit"));
        assertThat(visible(coordinator, By.id("err-endDate")).getText())
                .isEqualTo("活动期间最长 3 年：自开始日期 " + today + " 起，结束日期最晚为 "
                        + today.plusYears(3).minusDays(1));
        setValue(coordinator, form.findElement(By.name("endDate")), today.minusDays(1).toString());
        click(coordinator, By.id("launch-submit"));
        waitUntil(coordinator, d -> text(d, By.id("err-endDate")).equals("结束日期不能早于开始日期（" + today + "）"));

        // two targets beyond the server's bound: the server names both, each appears under its own field
        setValue(coordinator, form.findElement(By.name("endDate")), today.plusDays(30).toString());
        type(form.findElement(By.name("target_sessions")), "2000000000");
        type(form.findElement(By.name("target_beneficiaries")), "3000000000");
        click(coordinator, By.id("launch-submit"));
        waitUntil(coordinator, d -> !text(d, By.id("err-target_sessions")).isEmpty()
                && !text(d, By.id("err-target_beneficiaries")).isEmpty());
        assertThat(text(coordinator, By.id("err-target_sessions"))).startsWith("目标场次");
        assertThat(text(coordinator, By.id("err-target_beneficiaries"))).startsWith("目标受益人次");
        assertThat(text(coordinator, By.cssSelector("#launch-form .form-error"))).contains("有 2 处需要修改")
                .doesNotContainPattern("[A-Za-z]");
        assertThat(text(coordinator, By.id("err-endDate"))).isEmpty();
        Browsers.screenshot(coordinator, "roles-coordinator-launch-two-errors");
        assertThat(Browsers.scriptErrors(coordinator)).isEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static Object script(WebDriver driver, String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    /** On a phone the page never scrolls sideways: wide tables scroll inside their frame. */
    private static void assertFitsTheScreen(WebDriver driver, String page) {
        Number scroll = (Number) script(driver, "return document.scrollingElement.scrollWidth");
        Number width = (Number) script(driver, "return window.innerWidth");
        assertThat(scroll.longValue()).as("page width of %s", page).isLessThanOrEqualTo(width.longValue());
    }

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
