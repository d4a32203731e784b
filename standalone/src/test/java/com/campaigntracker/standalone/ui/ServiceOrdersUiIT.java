package com.campaigntracker.standalone.ui;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.campaigntracker.standalone.ui.Pages.click;
import static com.campaigntracker.standalone.ui.Pages.text;
import static com.campaigntracker.standalone.ui.Pages.type;
import static com.campaigntracker.standalone.ui.Pages.visible;
import static com.campaigntracker.standalone.ui.Pages.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 点单 → 审单 → 派单 → 接单 → 结项 → 评单 in the browser, by the accounts that do it: a 实践站 orders from the 服务菜单 on a
 * phone, its 实践所 approves and dispatches to the menu item's volunteer team, the team accepts and completes with its
 * report, the station rates the service; a district leader's 服务统计 then shows the order. Each step in a dialog;
 * a missing reason, figure or comment is named next to its field.
 */
class ServiceOrdersUiIT extends ProductUiTest {
    private static final Accounts STATION = new Accounts("svc-ui-zhan", "unit-pw", "UNIT", "svc-ui-st");
    private static final Accounts INSTITUTE = new Accounts("svc-ui-suo", "unit-pw", "UNIT", "svc-ui-ins");
    private static final Accounts TEAM = new Accounts("svc-ui-team", "unit-pw", "UNIT", "svc-ui-team");
    private static final Accounts LEADER_HD = new Accounts("svc-ui-leader", "leader-pw", "LEADER", null);
    private static final String PROJECT = "svc-ui-project";

    @BeforeAll
    static void startProduct() {
        int n = Accounts.ALL.size();
        List<Accounts> extra = List.of(STATION, INSTITUTE, TEAM, LEADER_HD);
        Stream<String> args = Stream.of(Accounts.productArgs());
        for (int i = 0; i < extra.size(); i++) {
            Accounts a = extra.get(i);
            String p = "--tracker.security.users[" + (n + i) + "].";
            args = Stream.concat(args, Stream.of(p + "username=" + a.username(), p + "password={noop}" + a.password(),
                    p + "roles=" + a.role(), a.unit() == null ? p + "district=海淀区" : p + "unit=" + a.unit()));
        }
        start(args.toArray(String[]::new));
        api.unit("svc-ui-c", "海淀区新时代文明实践中心", "实践中心", "海淀区", null);
        api.unit("svc-ui-ins", "学院路街道新时代文明实践所", "实践所", "海淀区", "svc-ui-c");
        api.unit("svc-ui-st", "石油社区新时代文明实践站", "实践站", "海淀区", "svc-ui-ins");
        api.unit("svc-ui-team", "夕阳再晨志愿服务队", "志愿服务队", "海淀区", "svc-ui-c");
        JsonNode published = api.post("/api/service-projects", Map.of("projectId", PROJECT,
                "title", "夕阳再晨科技助老", "category", "助老助残", "description", "大学生志愿者教老人使用智能手机",
                "providerUnitId", "svc-ui-team", "districts", List.of("海淀区"), "weeklyCapacity", 5));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.caughtUp("/api/service-projects/" + PROJECT, published));
    }

    @Test
    void aStationOrdersItsInstituteDispatchesATeamServesAndTheStationRates() {
        // 点单: the station, on a phone, from the menu
        WebDriver station = browsers.phone("station");
        Browsers.signIn(station, product.baseUrl(), STATION);
        station.get(product.baseUrl() + "/#/service/menu");
        WebElement card = visible(station, By.cssSelector("[data-project-id=" + PROJECT + "]"));
        assertThat(card.getText()).contains("夕阳再晨科技助老", "夕阳再晨志愿服务队");
        assertThat(card.findElements(By.cssSelector("[data-action=REVISE]"))).isEmpty();
        Browsers.fullPage(station, "service-1-station-menu-phone");
        click(station, By.cssSelector("[data-project-id=" + PROJECT + "] [data-action=ORDER]"));
        WebElement form = visible(station, By.id("order-form"));
        assertThat(new Select(form.findElement(By.name("projectId"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(PROJECT);
        assertThat(new Select(form.findElement(By.name("requestingUnitId"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("svc-ui-st");
        type(form.findElement(By.name("peopleToServe")), "30");
        type(form.findElement(By.name("contact")), "王老师 13800000000");
        click(station, By.id("order-submit"));
        // the place is required: said next to it, nothing sent
        waitUntil(station, d -> text(d, By.id("err-place")).contains("服务地点"));
        Browsers.fullPage(station, "service-2-station-order-form-error-phone");
        type(form.findElement(By.name("place")), "石油大院社区活动室");
        type(form.findElement(By.name("notes")), "二十位老人学用健康码和视频通话");
        click(station, By.id("order-submit"));
        waitUntil(station, d -> d.getCurrentUrl().contains("#/service/orders/"));
        visible(station, By.cssSelector("#order-detail [data-state=PLACED]"));
        String orderId = station.getCurrentUrl().replaceAll(".*#/service/orders/", "");
        assertThat(text(station, By.id("order-timeline"))).contains("点单", "石油社区新时代文明实践站");
        Browsers.fullPage(station, "service-3-station-order-placed-phone");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/service-orders/" + orderId) != null);

        // 审单 and 派单: the 实践所, its review queue first
        WebDriver institute = browsers.desktop("institute");
        Browsers.signIn(institute, product.baseUrl(), INSTITUTE);
        institute.get(product.baseUrl() + "/#/service");
        By order = By.cssSelector("[data-order-id=" + orderId + "]");
        visible(institute, order);
        assertThat(text(institute, By.cssSelector("[data-inbox].primary"))).isEqualTo("待本单位审派");
        assertThat(text(institute, order)).contains("待审核", "石油社区新时代文明实践站");
        Browsers.fullPage(institute, "service-4-institute-review-queue");
        step(institute, orderId, "APPROVE");
        waitUntil(institute, d -> d.findElement(order).getAttribute("data-state").equals("APPROVED"));
        click(institute, By.cssSelector("[data-order-id=" + orderId + "] [data-action=DISPATCH]"));
        WebElement to = visible(institute, By.cssSelector("#form-dialog select[name=providerUnitId]"));
        assertThat(new Select(to).getFirstSelectedOption().getAttribute("value")).isEqualTo("svc-ui-team");
        Browsers.screenshot(institute, "service-5-institute-dispatch-dialog");
        click(institute, By.id("dialog-confirm"));
        waitUntil(institute, d -> d.findElement(order).getAttribute("data-state").equals("DISPATCHED"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/service-orders/" + orderId).path("state").asText().equals("DISPATCHED"));

        // 接单 and 结项: the team, its inbox first
        WebDriver team = browsers.desktop("team");
        Browsers.signIn(team, product.baseUrl(), TEAM);
        team.get(product.baseUrl() + "/#/service");
        visible(team, order);
        assertThat(text(team, By.cssSelector("[data-inbox].primary"))).isEqualTo("派给本单位");
        assertThat(text(team, order)).contains("待接单", "王老师");
        step(team, orderId, "ACCEPT");
        waitUntil(team, d -> d.findElement(order).getAttribute("data-state").equals("ACCEPTED"));
        click(team, By.cssSelector("[data-order-id=" + orderId + "] [data-action=COMPLETE]"));
        WebElement report = visible(team, By.id("complete-dialog"));
        click(team, By.id("dialog-confirm"));
        // participations and hours are required: each said next to its field
        waitUntil(team, d -> text(d, By.id("err-participations")).contains("志愿者人次")
                && text(d, By.id("err-serviceHours")).contains("服务时长"));
        Browsers.screenshot(team, "service-6-team-completion-errors");
        type(report.findElement(By.name("sessions")), "2");
        type(report.findElement(By.name("participations")), "8");
        type(report.findElement(By.name("serviceHours")), "6.5");
        type(report.findElement(By.name("summary")), "教会 30 位老人使用智能手机");
        click(team, By.id("dialog-confirm"));
        waitUntil(team, d -> d.findElement(order).getAttribute("data-state").equals("COMPLETED"));
        Browsers.fullPage(team, "service-7-team-inbox-completed");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/service-orders/" + orderId).path("state").asText().equals("COMPLETED"));

        // 评单: the station; a low score asks for a comment
        station.get(product.baseUrl() + "/#/service/orders/" + orderId);
        station.navigate().refresh(); // the phone still shows this order as it was when placed
        click(station, By.cssSelector("#order-actions [data-action=RATE]"));
        WebElement rate = visible(station, By.id("rate-dialog"));
        rate.findElement(By.cssSelector("input[name=score][value='2']")).click();
        click(station, By.id("dialog-confirm"));
        waitUntil(station, d -> text(d, By.id("err-comment")).contains("评语"));
        Browsers.screenshot(station, "service-8-station-rate-needs-comment-phone");
        rate.findElement(By.cssSelector("input[name=score][value='5']")).click();
        type(rate.findElement(By.name("comment")), "志愿者很耐心，老人们都学会了");
        click(station, By.id("dialog-confirm"));
        waitUntil(station, d -> !d.findElements(By.cssSelector("#order-detail [data-state=RATED]")).isEmpty());
        waitUntil(station, d -> d.findElements(By.cssSelector("#order-timeline li")).size() == 6);
        assertThat(text(station, By.id("order-timeline"))).contains("审核通过", "学院路街道新时代文明实践所", "接单",
                "夕阳再晨志愿服务队", "结项", "评单", "评分 5");
        assertThat(text(station, By.id("completion"))).contains("6.5 小时", "教会 30 位老人");
        assertThat(text(station, By.id("order-detail"))).doesNotContain("null");
        Browsers.fullPage(station, "service-9-station-order-rated-phone");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/service-orders/" + orderId).path("state").asText().equals("RATED"));

        // 服务统计: the district leader sees the order, its times, the team's rating
        WebDriver leader = browsers.desktop("leader");
        Browsers.signIn(leader, product.baseUrl(), LEADER_HD);
        leader.get(product.baseUrl() + "/#/service/stats");
        waitUntil(leader, d -> text(d, By.cssSelector("#kpi-orders .kpi-value")).equals("1"));
        assertThat(text(leader, By.cssSelector("#kpi-rate .kpi-value"))).isEqualTo("100%");
        assertThat(text(leader, By.cssSelector("#kpi-rating .kpi-value"))).isEqualTo("5 / 5");
        assertThat(text(leader, By.id("provider-table"))).contains("夕阳再晨志愿服务队");
        assertThat(text(leader, By.cssSelector("#service-medians [data-step=COMPLETE]"))).contains("小时");
        assertThat(leader.findElements(By.cssSelector("#chart-service-states canvas"))).isNotEmpty();
        assertThat(leader.findElement(By.id("stats-xlsx")).getAttribute("href")).contains("/api/service-orders/stats.xlsx");
        Browsers.fullPage(leader, "service-10-leader-statistics");
        leader.get(product.baseUrl() + "/#/service");
        visible(leader, order);
        assertThat(leader.findElements(By.cssSelector("[data-order-id=" + orderId + "] [data-action]"))).isEmpty();
        assertThat(text(leader, order)).doesNotContain("王老师");

        for (WebDriver d : List.of(station, institute, team, leader)) {
            assertThat(Browsers.scriptErrors(d)).isEmpty();
        }
    }

    /** Takes a step that needs no input: its button on the order's card, then the dialog's confirmation. */
    private static void step(WebDriver driver, String orderId, String action) {
        click(driver, By.cssSelector("[data-order-id=" + orderId + "] [data-action=" + action + "]"));
        visible(driver, By.id("form-dialog"));
        click(driver, By.id("dialog-confirm"));
        waitUntil(driver, d -> d.findElements(By.id("form-dialog")).isEmpty());
    }
}
