package com.campaigntracker.standalone.demo;

import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.service.CompletionReport;
import com.campaigntracker.shared.service.OrderState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.campaigntracker.shared.unit.UnitType.DISTRICT_AGENCY;
import static com.campaigntracker.shared.unit.UnitType.PRACTICE_CENTER;
import static com.campaigntracker.shared.unit.UnitType.PRACTICE_INSTITUTE;
import static com.campaigntracker.shared.unit.UnitType.PRACTICE_STATION;
import static com.campaigntracker.shared.unit.UnitType.VOLUNTEER_TEAM;

/**
 * The 服务菜单 and service orders of the demo, from the seeds: 海淀 "夕阳再晨" 科技助老, 门头沟 石门营七区社区
 * "一米阳光——八送六代", 密云蓝天救援队 消杀, and the 17 projects 延庆区民政局 published on its "点单派单" platform.
 * Orders stand in every {@link OrderState}; the steps of each are issued as the unit whose step it is. Only
 * projects without a campaign have completed orders, so the demo's campaign figures stay those of
 * {@link DemoPlan} (a completion linked to an active campaign becomes an activity there asynchronously).
 */
public record DemoServices(List<DemoPlan.Unit> units, List<Project> projects, List<String> withdrawn,
                           List<Order> orders) {

    public record Project(String id, String title, String category, String description, String providerId,
                          String district, Integer weeklyCapacity, String campaignId) {
    }

    /** One step after placing: approve, reject, dispatch, accept, decline, complete, rate or cancel. */
    public record Step(String action, String unitId, String text, Integer score, CompletionReport report) {
    }

    public record Order(String id, String projectId, String category, String stationId, String reviewerId,
                        LocalDate wantedFrom, LocalDate wantedTo, String place, int people, String contact,
                        String notes, List<Step> steps, OrderState expected) {
    }

    static final String XIYANG = "hd-team-xyzc";
    static final String YIMI = "mtg-team-ymyg";
    static final String LANTIAN = "my-team-lt";
    static final String MINZHENG = "yq-mzj";

    public static DemoServices build(LocalDate today) {
        List<DemoPlan.Unit> units = List.of(
                new DemoPlan.Unit(XIYANG, "\"夕阳再晨\"科技助老志愿服务队", VOLUNTEER_TEAM, "海淀区", "hd-center"),
                new DemoPlan.Unit("mtg-center", "门头沟区新时代文明实践中心", PRACTICE_CENTER, "门头沟区", null),
                new DemoPlan.Unit("mtg-dxf", "东辛房街道新时代文明实践所", PRACTICE_INSTITUTE, "门头沟区", "mtg-center"),
                new DemoPlan.Unit("mtg-dxf-smy", "东辛房街道石门营七区社区新时代文明实践站", PRACTICE_STATION, "门头沟区",
                        "mtg-dxf"),
                new DemoPlan.Unit(YIMI, "\"一米阳光——八送六代\"服务队", VOLUNTEER_TEAM, "门头沟区", "mtg-dxf"),
                new DemoPlan.Unit("yq-center", "延庆区新时代文明实践中心", PRACTICE_CENTER, "延庆区", null),
                new DemoPlan.Unit(MINZHENG, "延庆区民政局(区委社会工委)", DISTRICT_AGENCY, "延庆区", "yq-center"),
                new DemoPlan.Unit("yq-rl", "儒林街道新时代文明实践所", PRACTICE_INSTITUTE, "延庆区", "yq-center"),
                new DemoPlan.Unit("yq-rl-wq", "儒林街道温泉南区社区新时代文明实践站", PRACTICE_STATION, "延庆区", "yq-rl"));

        List<Project> projects = new ArrayList<>();
        projects.add(new Project("hd-xyzc-phone", "\"夕阳再晨\"科技助老:智能手机使用培训", "助老助残",
                "高校大学生志愿者进社区,手把手教老年人使用智能手机:微信视频、扫码、网上挂号、防范电信诈骗。", XIYANG,
                "海淀区", 5, null));
        projects.add(new Project("hd-ymy-aiwei", "爱国卫生知识进社区", "健康促进",
                "\"防疫有我 爱卫同行\":讲解居家消毒、垃圾分类与健康生活方式。", "hd-team-ymy", "海淀区", 3, "hd-aiwei"));
        projects.add(new Project("mtg-ymyg-birthday", "\"一米阳光——八送六代\":生日送面条及贺卡", "助老助残",
                "在老人过生日的当月,为老人送上一份长寿面和一张生日贺卡。", YIMI, "门头沟区", 20, null));
        projects.add(new Project("mtg-ymyg-errands", "\"一米阳光——八送六代\":代买菜及日用品", "助老助残",
                "为独居、行动不便的老人代买菜及日用品,代交水电费、燃气费。", YIMI, "门头沟区", 10, null));
        projects.add(new Project("my-lt-disinfect", "社区公共区域消杀", "环境卫生",
                "密云蓝天救援队发挥专业志愿服务队特长,为社区公共区域开展消杀。", LANTIAN, "密云区", 5, null));
        String[][] yanqing = {
                {"创城知识普及", "理论宣讲"}, {"社区议事协商指导", "法律"}, {"文明交通引导", "其他"},
                {"周末大扫除", "环境卫生"}, {"文明养犬宣传", "其他"}, {"垃圾分类桶前指导", "环境卫生"},
                {"婚姻登记处窗口志愿服务", "其他"}, {"救助站关爱服务", "助老助残"}, {"公益广告进社区", "文化文艺"},
                {"创城应知应会宣讲", "理论宣讲"}, {"背街小巷环境整治", "环境卫生"}, {"不文明行为劝导", "其他"},
                {"老年人防诈骗法律讲座", "法律"}, {"社区健康义诊", "健康促进"}, {"社区文艺汇演", "文化文艺"},
                {"科普进社区", "科普"}, {"助残帮扶", "助老助残"}};
        for (int i = 0; i < yanqing.length; i++) {
            projects.add(new Project(String.format("yq-mzj-%02d", i + 1), yanqing[i][0], yanqing[i][1],
                    "延庆区民政局(区委社会工委)通过\"点单派单\"平台发布的志愿服务项目,助力创城。", MINZHENG, "延庆区", 4,
                    null));
        }

        CompletionReport phone = new CompletionReport(today.minusDays(3), new Figures(2, 8, 16, 36),
                "两场智能手机培训,36 位老人学会了微信视频通话和扫码");
        CompletionReport noodles = new CompletionReport(today.minusDays(2), new Figures(1, 4, 6, 23),
                "为本月过生日的 23 位老人送上长寿面和生日贺卡");
        List<Order> orders = List.of(
                order("svc-hd-01", "hd-xyzc-phone", null, "hd-xyl-elz", "hd-xyl", today.minusDays(3), null,
                        "二里庄社区活动室", 40, "二里庄社区 王老师", "老人们想学微信视频",
                        OrderState.RATED, approve("hd-xyl"), dispatch("hd-xyl"), accept(XIYANG),
                        complete(XIYANG, phone), rate("hd-xyl-elz", 5, "老人们学会了视频通话,很满意")),
                order("svc-hd-02", "hd-xyzc-phone", null, "hd-zgc-ky", "hd-zgc", today.minusDays(3), null,
                        "科育社区党群服务中心", 30, "科育社区 李老师", null,
                        OrderState.COMPLETED, approve("hd-zgc"), dispatch("hd-zgc"), accept(XIYANG),
                        complete(XIYANG, phone)),
                order("svc-hd-03", "hd-xyzc-phone", null, "hd-blz-yhjy", "hd-blz", today.plusDays(3),
                        today.plusDays(5), "颐慧佳园社区养老驿站", 25, "颐慧佳园社区 张老师", "希望讲讲网上挂号",
                        OrderState.ACCEPTED, approve("hd-blz"), dispatch("hd-blz"), accept(XIYANG)),
                order("svc-hd-04", "hd-ymy-aiwei", null, "hd-zgc-hz", "hd-zgc", today.plusDays(2), null,
                        "黄庄社区文化广场", 80, "黄庄社区 赵老师", null,
                        OrderState.DISPATCHED, approve("hd-zgc"), dispatch("hd-zgc")),
                order("svc-hd-05", null, "法律", "hd-xyl-dzy", "hd-xyl", today.plusDays(6), null,
                        "展春园社区活动室", 50, "展春园社区 刘老师", "需求:老年人防诈骗法律咨询",
                        OrderState.APPROVED, approve("hd-xyl")),
                order("svc-hd-06", "hd-xyzc-phone", null, "hd-blz-bwl", "hd-blz", today.plusDays(7), null,
                        "北洼路社区活动室", 20, "北洼路社区 陈老师", null, OrderState.PLACED),
                order("svc-hd-07", null, "文化文艺", "hd-qlq-yhy", "hd-qlq", today.plusDays(1), null,
                        "颐和园社区广场", 200, "颐和园社区 孙老师", "需求:社区春节联欢会演出",
                        OrderState.REJECTED, reject("hd-qlq", "与街道统一组织的春节联欢会时间冲突,请改期后重新点单")),
                order("svc-hd-08", "hd-ymy-aiwei", null, "hd-qlq-gds", "hd-qlq", today.minusDays(4),
                        today.minusDays(2), "功德寺社区", 60, "功德寺社区 周老师", null,
                        OrderState.ACCEPTED, approve("hd-qlq"), dispatch("hd-qlq"), accept("hd-team-ymy")),
                order("svc-mtg-01", "mtg-ymyg-birthday", null, "mtg-dxf-smy", "mtg-dxf", today.minusDays(2), null,
                        "石门营七区社区", 23, "石门营七区社区居委会", "本月过生日的 70 岁以上老人",
                        OrderState.RATED, approve("mtg-dxf"), dispatch("mtg-dxf"), accept(YIMI),
                        complete(YIMI, noodles), rate("mtg-dxf-smy", 5, "老人们很感动")),
                order("svc-mtg-02", "mtg-ymyg-errands", null, "mtg-dxf-smy", "mtg-dxf", today.plusDays(1),
                        today.plusDays(7), "石门营七区社区", 12, "石门营七区社区居委会", "独居老人代买菜",
                        OrderState.APPROVED, approve("mtg-dxf"), dispatch("mtg-dxf"),
                        decline(YIMI, "本周队员外出培训,请改派其他队伍")),
                order("svc-mtg-03", "mtg-ymyg-errands", null, "mtg-dxf-smy", "mtg-dxf", today.plusDays(2), null,
                        "石门营七区社区", 1, "石门营七区社区居委会", null,
                        OrderState.CANCELLED, approve("mtg-dxf"), cancel("mtg-dxf-smy", "老人已由子女接回家中照顾")),
                order("svc-mtg-04", "mtg-ymyg-birthday", null, "mtg-dxf-smy", "mtg-dxf", today.minusDays(2), null,
                        "石门营七区社区", 5, "石门营七区社区居委会", null,
                        OrderState.RATED, approve("mtg-dxf"), dispatch("mtg-dxf"), accept(YIMI),
                        complete(YIMI, new CompletionReport(today.minusDays(2), new Figures(1, 2, 2, 5), "送达 5 份")),
                        rate("mtg-dxf-smy", 2, "送达时间比约定晚了两个小时")),
                order("svc-my-01", "my-lt-disinfect", null, "my-gl-xq", "my-gl", today.minusDays(1), null,
                        "宾阳里社区公共区域", 2600, "宾阳里社区居委会", null,
                        OrderState.COMPLETED, approve("my-gl"), dispatch("my-gl"), accept(LANTIAN),
                        complete(LANTIAN, new CompletionReport(today.minusDays(1), new Figures(3, 12, 18, 2600),
                                "完成宾阳里社区楼道、电梯、垃圾桶站等公共区域消杀"))),
                order("svc-my-02", "my-lt-disinfect", null, "my-gy-xl", "my-gy", today.plusDays(1), null,
                        "果园新里社区公共区域", 1800, "果园新里社区居委会", null,
                        OrderState.DISPATCHED, approve("my-gy"), dispatch("my-gy")),
                order("svc-yq-01", "yq-mzj-01", null, "yq-rl-wq", "yq-rl", today.minusDays(1), null,
                        "温泉南区社区议事厅", 60, "温泉南区社区居委会", null,
                        OrderState.RATED, approve("yq-rl"), dispatch("yq-rl"), accept(MINZHENG),
                        complete(MINZHENG, new CompletionReport(today.minusDays(1), new Figures(1, 5, 10, 60),
                                "创城应知应会知识讲解一场")), rate("yq-rl-wq", 4, null)),
                order("svc-yq-02", "yq-mzj-02", null, "yq-rl-wq", "yq-rl", today.plusDays(4), null,
                        "温泉南区社区议事厅", 30, "温泉南区社区居委会", "指导开展议事协商", OrderState.PLACED),
                order("svc-yq-03", "yq-mzj-03", null, "yq-rl-wq", "yq-rl", today.plusDays(1), today.plusDays(3),
                        "妫水北街路口", 500, "温泉南区社区居委会", null,
                        OrderState.ACCEPTED, approve("yq-rl"), dispatch("yq-rl"), accept(MINZHENG)));
        return new DemoServices(units, List.copyOf(projects), List.of("yq-mzj-07"), orders);
    }

    public String unitName(String unitId) {
        return units.stream().filter(u -> u.id().equals(unitId)).map(DemoPlan.Unit::name).findFirst().orElse(null);
    }

    private static Order order(String id, String projectId, String category, String stationId, String reviewerId,
                               LocalDate wantedFrom, LocalDate wantedTo, String place, int people, String contact,
                               String notes, OrderState expected, Step... steps) {
        return new Order(id, projectId, category, stationId, reviewerId, wantedFrom, wantedTo, place, people,
                contact, notes, List.of(steps), expected);
    }

    private static Step approve(String unit) {
        return new Step("approve", unit, null, null, null);
    }

    private static Step reject(String unit, String reason) {
        return new Step("reject", unit, reason, null, null);
    }

    private static Step dispatch(String unit) {
        return new Step("dispatch", unit, null, null, null);
    }

    private static Step accept(String unit) {
        return new Step("accept", unit, null, null, null);
    }

    private static Step decline(String unit, String reason) {
        return new Step("decline", unit, reason, null, null);
    }

    private static Step complete(String unit, CompletionReport report) {
        return new Step("complete", unit, null, null, report);
    }

    private static Step rate(String unit, int score, String comment) {
        return new Step("rate", unit, comment, score, null);
    }

    private static Step cancel(String unit, String reason) {
        return new Step("cancel", unit, reason, null, null);
    }
}
