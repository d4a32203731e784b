package com.campaigntracker.standalone.ui;

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

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The product's web UI driven in headless Chromium as its users would drive it: a coordinator launches a
 * campaign through the form, a bad input is explained next to its field, a unit reports in and records an
 * activity from a phone-sized window while the leader's dashboard — opened before, in another browser —
 * shows the new figures without a reload, and the as-of picker shows the earlier state.
 */
class CampaignFlowsUiIT extends ProductUiTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @BeforeAll
    static void startProduct() {
        start(Accounts.productArgs());
    }

    private static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void coordinatorLaunchesACampaignThroughTheForm() {
        WebDriver coordinator = browsers.desktop("coordinator");
        Browsers.signIn(coordinator, product.baseUrl(), Accounts.COORDINATOR);
        String title = "石景山区文明路口引导行动 " + suffix();
        coordinator.get(product.baseUrl() + "/#/campaigns/new");
        WebElement form = visible(coordinator, By.id("launch-form"));

        type(form.findElement(By.name("title")), title);
        type(form.findElement(By.name("theme")), "文明交通");
        new Select(form.findElement(By.name("district"))).selectByVisibleText("石景山区");
        setValue(coordinator, form.findElement(By.name("startDate")), today().minusDays(3).toString());
        setValue(coordinator, form.findElement(By.name("endDate")), today().plusDays(27).toString());
        type(form.findElement(By.name("description")), "重点围绕路口文明秩序引导、不文明行为劝导开展志愿服务");
        type(form.findElement(By.name("target_sessions")), "200");
        type(form.findElement(By.name("target_participations")), "2000");
        type(form.findElement(By.name("target_enrolledUnits")), "10");
        coordinator.findElement(By.id("launch-submit")).click();

        // the coordinator lands on the new campaign's dashboard
        waitUntil(coordinator, d -> title.equals(text(d, By.id("dash-title"))));
        assertThat(coordinator.getCurrentUrl()).contains("#/campaigns/").doesNotContain("new");
        waitUntil(coordinator, d -> text(d, By.cssSelector("#kpi-sessions")).contains("200"));
        assertThat(text(coordinator, By.id("kpi-sessions"))).contains("场次");

        // the overview lists it with its district, period, days left and a pacing badge
        coordinator.get(product.baseUrl() + "/#/");
        By card = By.xpath("//article[contains(@class,'campaign-card')][.//a[normalize-space()='" + title + "']]");
        WebElement c = visible(coordinator, card);
        assertThat(c.getText()).contains("石景山区", "文明交通", today().minusDays(3).toString(), "剩余");
        assertThat(c.findElement(By.cssSelector(".card-head .badge")).getText()).isIn("正常", "滞后", "风险", "已完成");
        assertThat(c.findElements(By.cssSelector(".metric .bar"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(Browsers.fullPage(coordinator, "overview-after-launch")).isRegularFile()
                .startsWith(Browsers.SCREENSHOTS);

        JsonNode campaigns = api.get("/api/campaigns");
        assertThat(campaigns.toString()).contains(title);
        assertThat(Browsers.scriptErrors(coordinator)).isEmpty();
    }

    @Test
    void aBadInputShowsItsMessageNextToTheField() {
        WebDriver coordinator = browsers.desktop("coordinator");
        Browsers.signIn(coordinator, product.baseUrl(), Accounts.COORDINATOR);
        coordinator.get(product.baseUrl() + "/#/campaigns/new");
        WebElement form = visible(coordinator, By.id("launch-form"));

        // nothing typed: the form says what is missing, next to the field
        coordinator.findElement(By.id("launch-submit")).click();
        WebElement titleError = visible(coordinator, By.id("err-title"));
        assertThat(titleError.getText()).isEqualTo("请填写活动名称");
        assertThat(titleError.findElement(By.xpath("./ancestor::div[@data-field][1]")).getAttribute("data-field"))
                .isEqualTo("title");

        // an end date before the start date: the server's Chinese detail appears under 结束日期
        String title = "日期有误的活动 " + suffix();
        type(form.findElement(By.name("title")), title);
        type(form.findElement(By.name("theme")), "爱国卫生");
        setValue(coordinator, form.findElement(By.name("startDate")), today().toString());
        setValue(coordinator, form.findElement(By.name("endDate")), today().minusDays(10).toString());
        coordinator.findElement(By.id("launch-submit")).click();

        WebElement endError = visible(coordinator, By.id("err-endDate"));
        waitUntil(coordinator, d -> !d.findElement(By.id("err-endDate")).getText().isBlank());
        assertThat(endError.getText()).matches("(?s).*\\p{IsHan}.*");
        assertThat(coordinator.findElement(By.cssSelector("[data-field=endDate]")).getAttribute("class")).contains("invalid");
        assertThat(coordinator.findElement(By.cssSelector("[data-field=title]")).getAttribute("class")).doesNotContain("invalid");
        assertThat(coordinator.findElement(By.cssSelector("#launch-form .form-error")).isDisplayed()).isTrue();
        assertThat(coordinator.getCurrentUrl()).endsWith("#/campaigns/new");
        Browsers.screenshot(coordinator, "launch-form-bad-input");

        // a rejected command changed nothing
        assertThat(api.get("/api/campaigns").toString()).doesNotContain(title);
        assertThat(Browsers.scriptErrors(coordinator)).isEmpty();
    }

    @Test
    void aUnitReportsInAndRecordsAnActivityAndTheLeadersDashboardShowsItLive() {
        String s = suffix();
        String center = "uit-center-" + s;
        String suo = Accounts.UNIT_LIVE.unit();
        String campaign = "uit-live-" + s;
        api.unit(center, "海淀区新时代文明实践中心", "实践中心", "海淀区", null);
        api.unit(suo, "学院路街道新时代文明实践所 " + s, "实践所", "海淀区", center);
        JsonNode launched = api.campaign(campaign, "海淀区爱国卫生月 " + s, "海淀区", List.of("实践所", "实践站"),
                today().minusDays(10), today().plusDays(20),
                Map.of("sessions", 50, "participations", 500, "serviceHours", 1000, "beneficiaries", 5000, "enrolledUnits", 3));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.caughtUp("/api/campaigns/" + campaign + "/progress", launched));

        // the leader opens the dashboard first, in a browser of their own
        WebDriver leader = browsers.desktop("leader");
        Browsers.signIn(leader, product.baseUrl(), Accounts.LEADER);
        leader.get(product.baseUrl() + "/#/campaigns/" + campaign);
        waitUntil(leader, d -> "0".equals(text(d, By.cssSelector("#kpi-sessions .metric-total"))));
        waitUntil(leader, d -> text(d, By.id("live-status")).contains("实时"));
        ((JavascriptExecutor) leader).executeScript("window.__openedOnce = 'still the same page';");

        // the unit reports in and records from a phone
        WebDriver unit = browsers.phone("unit");
        Browsers.signIn(unit, product.baseUrl(), Accounts.UNIT_LIVE);
        unit.get(product.baseUrl() + "/#/report?campaign=" + campaign + "&unit=" + suo);
        visible(unit, By.id("enroll-btn"));
        click(unit, By.id("enroll-btn"));
        WebElement form = visible(unit, By.id("activity-form"));
        waitUntil(unit, d -> text(d, By.id("enrol-state")).equals("已报到"));
        form = unit.findElement(By.id("activity-form"));
        type(form.findElement(By.name("title")), "二里庄社区环境清洁");
        type(form.findElement(By.name("category")), "环境清洁");
        type(form.findElement(By.name("site")), "学院路街道二里庄社区");
        type(form.findElement(By.name("sessions")), "3");
        type(form.findElement(By.name("participations")), "12");
        type(form.findElement(By.name("serviceHours")), "24.5");
        type(form.findElement(By.name("beneficiaries")), "300");
        unit.findElement(By.id("activity-submit")).click();

        // the row shows at once; once the server has it, it is a row like any other
        waitUntil(unit, d -> text(d, By.cssSelector("#ledger-table tbody tr:not(.pending-row)")).contains("二里庄社区环境清洁"));
        assertThat(text(unit, By.id("ledger-sum"))).contains("3 场次", "12 志愿者人次", "24.5 小时", "300 受益人次");
        Browsers.fullPage(unit, "unit-phone-ledger");

        // the leader's dashboard, never reloaded, shows the new figures
        waitUntil(leader, d -> "3".equals(text(d, By.cssSelector("#kpi-sessions .metric-total"))));
        waitUntil(leader, d -> "12".equals(text(d, By.cssSelector("#kpi-participations .metric-total"))));
        waitUntil(leader, d -> "24.5".equals(text(d, By.cssSelector("#kpi-serviceHours .metric-total"))));
        waitUntil(leader, d -> "300".equals(text(d, By.cssSelector("#kpi-beneficiaries .metric-total"))));
        waitUntil(leader, d -> "1".equals(text(d, By.cssSelector("#kpi-enrolledUnits .metric-total"))));
        assertThat(((JavascriptExecutor) leader).executeScript("return window.__openedOnce")).isEqualTo("still the same page");
        waitUntil(leader, d -> text(d, By.id("leaderboard")).contains("学院路街道新时代文明实践所 " + s));
        Browsers.fullPage(leader, "leader-dashboard-live");

        assertThat(Browsers.scriptErrors(leader)).isEmpty();
        assertThat(Browsers.scriptErrors(unit)).isEmpty();
    }

    @Test
    void theAsOfPickerShowsTheEarlierState() {
        String s = suffix();
        String center = "asof-center-" + s;
        String station = "asof-zhan-" + s;
        String suo = "asof-suo-" + s;
        String campaign = "uit-asof-" + s;
        api.unit(center, "顺义区新时代文明实践中心", "实践中心", "顺义区", null);
        api.unit(suo, "胜利街道新时代文明实践所 " + s, "实践所", "顺义区", center);
        api.unit(station, "胜利街道建新南区社区新时代文明实践站 " + s, "实践站", "顺义区", suo);
        api.campaign(campaign, "文明路口引导行动\"百日大战\" " + s, "顺义区", List.of("实践所", "实践站"),
                today().minusDays(10), today().plusDays(89), Map.of("sessions", 100));
        api.enroll(campaign, station);
        JsonNode recorded = api.activity(campaign, "asof-a1", station, today(), "路口文明秩序引导", 5, 20, 40, 800);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.caughtUp("/api/campaigns/" + campaign + "/progress", recorded));

        WebDriver leader = browsers.desktop("leader");
        Browsers.signIn(leader, product.baseUrl(), Accounts.LEADER);
        leader.get(product.baseUrl() + "/#/campaigns/" + campaign);
        waitUntil(leader, d -> "5".equals(text(d, By.cssSelector("#kpi-sessions .metric-total"))));
        waitUntil(leader, d -> text(d, By.id("drill-table")).contains("胜利街道新时代文明实践所 " + s));

        // at the end of yesterday nothing had been recorded yet (the campaign was launched today)
        String yesterday = today().minusDays(1).toString();
        setValue(leader, leader.findElement(By.id("asof")), yesterday);
        waitUntil(leader, d -> "0".equals(text(d, By.cssSelector("#kpi-sessions .metric-total"))));
        assertThat(text(leader, By.id("asof-note"))).contains(yesterday);
        assertThat(text(leader, By.id("leaderboard"))).doesNotContain("胜利街道建新南区社区新时代文明实践站 " + s);
        assertThat(text(leader, By.id("drill-table"))).doesNotContain("800");
        Browsers.fullPage(leader, "leader-dashboard-asof-yesterday");

        // the end of today: the as-of view agrees with the live one
        setValue(leader, leader.findElement(By.id("asof")), today().toString());
        waitUntil(leader, d -> "5".equals(text(d, By.cssSelector("#kpi-sessions .metric-total"))));
        assertThat(text(leader, By.id("asof-note"))).contains(today().toString());
        waitUntil(leader, d -> text(d, By.id("leaderboard")).contains("胜利街道建新南区社区新时代文明实践站 " + s));

        // back to the live view
        click(leader, By.id("asof-live"));
        waitUntil(leader, d -> "5".equals(text(d, By.cssSelector("#kpi-sessions .metric-total"))));
        assertThat(text(leader, By.id("asof-note"))).isEmpty();

        // an activity of yesterday entered today counts as of yesterday; as the system knew it yesterday, it did not
        JsonNode late = api.activity(campaign, "asof-late", station, today().minusDays(1), "补录活动", 3, 6, 6, 60);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.caughtUp("/api/campaigns/" + campaign + "/progress",
                late));
        waitUntil(leader, d -> "8".equals(text(d, By.cssSelector("#kpi-sessions .metric-total"))));
        setValue(leader, leader.findElement(By.id("asof")), yesterday);
        waitUntil(leader, d -> "3".equals(text(d, By.cssSelector("#kpi-sessions .metric-total"))));
        assertThat(text(leader, By.id("asof-note"))).contains("活动日期截至 " + yesterday);
        click(leader, By.id("asof-known"));
        waitUntil(leader, d -> "0".equals(text(d, By.cssSelector("#kpi-sessions .metric-total"))));
        assertThat(text(leader, By.id("dash-banner"))).contains("尚未录入系统");
        assertThat(text(leader, By.id("asof-note"))).contains("系统所知");
        Browsers.fullPage(leader, "leader-dashboard-known-at-yesterday");
        assertThat(Browsers.scriptErrors(leader)).isEmpty();
    }

    @Test
    void aLeaderFollowsACampaignsThemeToEveryDistrictsProgress() {
        String s = suffix();
        String yanqing = "uit-theme-yq-" + s;
        String miyun = "uit-theme-my-" + s;
        String center = "theme-center-" + s;
        String station = "theme-suo-" + s;
        api.unit(center, "延庆区新时代文明实践中心 " + s, "实践中心", "延庆区", null);
        api.unit(station, "延庆镇新时代文明实践所 " + s, "实践所", "延庆区", center);
        api.campaign(yanqing, "延庆区爱国卫生月 " + s, "延庆区", List.of("实践所"), today().minusDays(5),
                today().plusDays(24), Map.of("sessions", 10));
        api.campaign(miyun, "密云区爱国卫生月 " + s, "密云区", List.of("实践所"), today().minusDays(5),
                today().plusDays(24), Map.of("sessions", 40));
        api.enroll(yanqing, station);
        JsonNode recorded = api.activity(yanqing, "theme-a1-" + s, station, today(), "清洁家园", 12, 30, 24, 300);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.caughtUp("/api/campaigns/" + yanqing + "/progress",
                recorded));

        WebDriver leader = browsers.desktop("leader");
        Browsers.signIn(leader, product.baseUrl(), Accounts.LEADER);
        leader.get(product.baseUrl() + "/#/");
        click(leader, By.cssSelector("[data-campaign-id='" + yanqing + "'] .theme-link"));
        waitUntil(leader, d -> text(d, By.id("theme-districts")).contains("延庆区"));
        assertThat(leader.getCurrentUrl()).contains("#/themes/");
        assertThat(text(leader, By.id("theme-districts"))).contains("延庆区爱国卫生月 " + s, "密云区爱国卫生月 " + s);
        String ranking = text(leader, By.id("theme-ranking"));
        assertThat(ranking.indexOf("延庆区")).as("延庆 (over target) ranks above 密云 (silent)")
                .isLessThan(ranking.indexOf("密云区"));
        assertThat(leader.findElement(By.cssSelector("#theme-ranking tr[data-district='延庆区']")).getText())
                .contains("120%", "已完成");
        Browsers.fullPage(leader, "leader-theme-progress");
        assertThat(Browsers.scriptErrors(leader)).isEmpty();

        WebDriver phone = browsers.phone("leader-phone");
        Browsers.signIn(phone, product.baseUrl(), Accounts.LEADER);
        phone.get(leader.getCurrentUrl());
        waitUntil(phone, d -> text(d, By.id("theme-districts")).contains("密云区"));
        Browsers.fullPage(phone, "leader-theme-progress-phone");
        assertThat(Browsers.scriptErrors(phone)).isEmpty();
    }

    @Test
    void aCoordinatorRegistersUnitsAndSeesTheHierarchy() {
        WebDriver coordinator = browsers.desktop("coordinator");
        Browsers.signIn(coordinator, product.baseUrl(), Accounts.COORDINATOR);
        String s = suffix();
        String center = "朝阳区新时代文明实践中心 " + s;
        String suo = "酒仙桥街道新时代文明实践所 " + s;
        coordinator.get(product.baseUrl() + "/#/units");
        WebElement form = visible(coordinator, By.id("unit-form"));

        type(form.findElement(By.name("name")), center);
        new Select(form.findElement(By.name("type"))).selectByVisibleText("实践中心");
        new Select(form.findElement(By.name("district"))).selectByVisibleText("朝阳区");
        click(coordinator, By.id("unit-submit"));
        waitUntil(coordinator, d -> text(d, By.id("unit-tree")).contains(center));

        form = coordinator.findElement(By.id("unit-form"));
        type(form.findElement(By.name("name")), suo);
        new Select(form.findElement(By.name("type"))).selectByVisibleText("实践所");
        new Select(form.findElement(By.name("district"))).selectByVisibleText("朝阳区");
        Select parent = new Select(coordinator.findElement(By.name("parentUnitId")));
        // the server's hierarchy rule: a 实践所 sits under a 实践中心, never directly under the district
        waitUntil(coordinator, d -> text(d, By.id("parent-rule")).equals("实践所可挂在实践中心下"));
        assertThat(parent.getOptions()).allSatisfy(o -> assertThat(o.getText()).endsWith("（实践中心）"));
        parent.selectByVisibleText(center + "（实践中心）");
        click(coordinator, By.id("unit-submit"));

        // the 实践所 sits under its 实践中心 in the tree
        By nested = By.xpath("//li[./details/summary//span[contains(normalize-space(),'" + center + "')]]"
                + "//li[.//span[contains(normalize-space(),'" + suo + "')]]");
        visible(coordinator, nested);
        assertThat(api.get("/api/units").toString()).contains(center, suo);
        Browsers.fullPage(coordinator, "units-registered");
        assertThat(Browsers.scriptErrors(coordinator)).isEmpty();
    }

    @Test
    void theBrowserTestsCatchAFieldTheServerDoesNotSend() {
        WebDriver leader = browsers.desktop("leader");
        Browsers.signIn(leader, product.baseUrl(), Accounts.LEADER);
        leader.get(product.baseUrl() + "/#/units");
        visible(leader, By.id("unit-tree"));
        assertThat(Browsers.scriptErrors(leader)).isEmpty();
        // a screen reading an old spelling of a field, as the UI once did (`subUnits` for `children`)
        ((JavascriptExecutor) leader).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/unit-types').then((r) => r.text()).then((t) => {"
                + "  const types = JSON.parse(t); done([types[0].label, types[0].subUnits]); });");
        assertThat(Browsers.scriptErrors(leader)).singleElement().asString()
                .contains("UI read a field the server does not send: GET /api/unit-types[].subUnits");
    }

    @Test
    void aReadRefusedAsBusyIsAskedAgainAfterRetryAfter() {
        WebDriver leader = browsers.desktop("leader");
        Browsers.signIn(leader, product.baseUrl(), Accounts.LEADER);
        // the server's answer while every expensive-query permit is taken (429, Retry-After: 1), then the view
        Object result = ((JavascriptExecutor) leader).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import('/js/api.js').then(async ({ api }) => {"
                + "  const real = window.fetch; let calls = 0;"
                + "  window.fetch = async () => ++calls === 1"
                + "    ? new Response('{\"title\":\"查询繁忙\"}', { status: 429, headers: { 'Retry-After': '1' } })"
                + "    : new Response('{\"campaignId\":\"c\"}', { status: 200 });"
                + "  try { const view = await api.progress('c'); done([calls, view.campaignId]); }"
                + "  catch (e) { done([calls, String(e)]); } finally { window.fetch = real; } });");
        assertThat(result).asList().containsExactly(2L, "c");
    }

    @Test
    void aCoordinatorRevisesExtendsAndClosesACampaignThroughTheForms() {
        String s = suffix();
        String campaign = "uit-edit-" + s;
        String title = "学雷锋志愿服务月 " + s;
        JsonNode launched = api.campaign(campaign, title, null, List.of("志愿服务队"), today().minusDays(5),
                today().plusDays(10), Map.of("sessions", 10));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.caughtUp("/api/campaigns/" + campaign + "/progress", launched));
        WebDriver coordinator = browsers.desktop("coordinator");
        Browsers.signIn(coordinator, product.baseUrl(), Accounts.COORDINATOR);

        // 修改: new title and target
        coordinator.get(product.baseUrl() + "/#/campaigns/" + campaign + "/edit?tab=revise");
        WebElement revise = visible(coordinator, By.id("revise-form"));
        type(revise.findElement(By.name("title")), title + " 修订");
        type(revise.findElement(By.name("target_sessions")), "20");
        revise.findElement(By.cssSelector("[type=submit]")).click();
        waitUntil(coordinator, d -> (title + " 修订").equals(text(d, By.id("dash-title"))));
        waitUntil(coordinator, d -> text(d, By.id("kpi-sessions")).contains("20"));

        // 延期: a later end date
        String newEnd = today().plusDays(30).toString();
        click(coordinator, By.linkText("延期"));
        WebElement extend = visible(coordinator, By.id("extend-form"));
        setValue(coordinator, extend.findElement(By.name("endDate")), newEnd);
        extend.findElement(By.cssSelector("[type=submit]")).click();
        waitUntil(coordinator, d -> text(d, By.id("dash-head")).contains("至 " + newEnd));

        // 结束: not without the confirmation, then for good
        click(coordinator, By.linkText("结束"));
        WebElement close = visible(coordinator, By.id("close-form"));
        close.findElement(By.cssSelector("[type=submit]")).click();
        assertThat(visible(coordinator, By.id("err-confirm")).getText()).isEqualTo("请先勾选确认");
        close.findElement(By.name("confirm")).click();
        close.findElement(By.cssSelector("[type=submit]")).click();
        waitUntil(coordinator, d -> text(d, By.cssSelector("#dash-head .badge")).equals("已结束"));
        assertThat(coordinator.findElements(By.linkText("延期"))).isEmpty();
        // its final state, no pacing any more
        assertThat(text(coordinator, By.id("dash-head"))).doesNotContain("应完成进度");
        assertThat(text(coordinator, By.id("final-state"))).startsWith("已结束，最终完成：场次");
        assertThat(coordinator.findElements(By.cssSelector("#kpis .badge"))).isEmpty();
        Browsers.fullPage(coordinator, "campaign-closed");
        assertThat(Browsers.scriptErrors(coordinator)).isEmpty();
    }

    @Test
    void aUnitCorrectsAndRetractsItsActivityAndTheAuditTrailShowsWhy() {
        String s = suffix();
        String center = "fix-center-" + s;
        String team = Accounts.UNIT_FIX.unit();
        String campaign = "uit-fix-" + s;
        api.unit(center, "密云区新时代文明实践中心", "实践中心", "密云区", null);
        api.unit(team, "密云蓝天救援队 " + s, "志愿服务队", "密云区", center);
        api.campaign(campaign, "清洁家园行动 " + s, "密云区", List.of("志愿服务队"), today().minusDays(20),
                today().plusDays(20), Map.of("sessions", 200));
        api.enroll(campaign, team);
        JsonNode recorded = api.activity(campaign, "fix-a1", team, today().minusDays(1), "疫情防控消杀任务", 9, 20, 24, 4300);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.caughtUp("/api/campaigns/" + campaign + "/progress", recorded));

        WebDriver unit = browsers.phone("unit");
        Browsers.signIn(unit, product.baseUrl(), Accounts.UNIT_FIX);
        unit.get(product.baseUrl() + "/#/report?campaign=" + campaign + "&unit=" + team);
        waitUntil(unit, d -> text(d, By.id("ledger-sum")).contains("9 场次"));

        // 更正: fewer sessions, with a reason
        click(unit, By.xpath("//tr[@data-activity-id='fix-a1']//button[text()='更正']"));
        WebElement form = visible(unit, By.id("activity-form"));
        assertThat(form.getText()).contains("更正活动");
        type(form.findElement(By.name("sessions")), "8");
        form.findElement(By.id("activity-submit")).click();
        assertThat(visible(unit, By.id("err-reason")).getText()).isEqualTo("更正须填写原因");
        type(unit.findElement(By.name("reason")), "场次统计有误,按台账更正");
        unit.findElement(By.id("activity-submit")).click();
        waitUntil(unit, d -> text(d, By.id("ledger-sum")).contains("8 场次"));
        waitUntil(unit, d -> text(d, By.id("ledger-table")).contains("更正 1 次"));

        // 撤回: a dialog asks for the reason, and will not close without one
        click(unit, By.xpath("//tr[@data-activity-id='fix-a1']//button[text()='撤回']"));
        visible(unit, By.id("ask-dialog"));
        unit.findElement(By.id("dialog-confirm")).click();
        assertThat(visible(unit, By.id("dialog-error")).getText()).isEqualTo("撤回须填写原因");
        Browsers.screenshot(unit, "unit-retract-dialog");
        type(unit.findElement(By.id("dialog-value")), "与当日另一条记录重复");
        unit.findElement(By.id("dialog-confirm")).click();
        waitUntil(unit, d -> text(d, By.id("ledger-table")).contains("已撤回"));
        assertThat(text(unit, By.id("ledger-sum"))).contains("共 0 条有效记录");
        Browsers.fullPage(unit, "unit-corrected-retracted");

        // the audit trail says who did what and why
        WebDriver leader = browsers.desktop("leader");
        Browsers.signIn(leader, product.baseUrl(), Accounts.LEADER);
        leader.get(product.baseUrl() + "/#/campaigns/" + campaign + "/history");
        waitUntil(leader, d -> text(d, By.id("history-table")).contains("撤回活动"));
        assertThat(text(leader, By.id("history-table")))
                .contains("发起活动", "单位报到", "填报活动", "更正活动", "场次统计有误,按台账更正", "与当日另一条记录重复");
        Browsers.fullPage(leader, "audit-trail");
        assertThat(Browsers.scriptErrors(unit)).isEmpty();
        assertThat(Browsers.scriptErrors(leader)).isEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static WebElement visible(WebDriver driver, By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
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

    private static void type(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    /** Date inputs take their value in the browser's locale format when typed; set the ISO value directly. */
    private static void setValue(WebDriver driver, WebElement input, String value) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1];"
                        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
    }
}
