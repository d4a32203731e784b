package com.campaigntracker.standalone.demo;

import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.campaign.Targets;
import com.campaigntracker.shared.unit.UnitType;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static com.campaigntracker.shared.unit.UnitType.CIVILIZED_UNIT;
import static com.campaigntracker.shared.unit.UnitType.DISTRICT_AGENCY;
import static com.campaigntracker.shared.unit.UnitType.PRACTICE_BASE;
import static com.campaigntracker.shared.unit.UnitType.PRACTICE_CENTER;
import static com.campaigntracker.shared.unit.UnitType.PRACTICE_INSTITUTE;
import static com.campaigntracker.shared.unit.UnitType.PRACTICE_STATION;
import static com.campaigntracker.shared.unit.UnitType.VOLUNTEER_TEAM;

/**
 * The demo data set as plain data: units, campaigns around {@code today}, enrolments and activities. Pure and
 * deterministic (fixed random seeds), so it can be checked against the write model's rules without a server.
 * Names, numbers and wording come from the 首都精神文明建设情况简报 seed briefings.
 */
public record DemoPlan(List<Unit> units, List<Campaign> campaigns) {

    public record Unit(String id, String name, UnitType type, String district, String parentId) {
    }

    public record Activity(String id, String unitId, LocalDate date, String title, String category, String site,
                           Figures figures, String notes) {
    }

    public record Correction(Activity activity, Figures figures, String reason) {
    }

    public record Retraction(Activity activity, String reason) {
    }

    public record Campaign(String id, String title, String theme, String description, String district,
                           Set<UnitType> eligible, LocalDate start, LocalDate end, Targets targets,
                           List<String> enrolled, List<Activity> activities, List<Correction> corrections,
                           List<Retraction> retractions, boolean closed) {
    }

    public int activityCount() {
        return campaigns.stream().mapToInt(c -> c.activities().size()).sum();
    }

    public String unitName(String unitId) {
        return units.stream().filter(u -> u.id().equals(unitId)).map(Unit::name).findFirst().orElse(unitId);
    }

    /** What a unit does in a campaign: how often it reports and when it went quiet (silent units). */
    private record Profile(String unitId, double perDay, int quietForDays) {
    }

    /** A kind of activity: title, category, sites and the size of one activity. */
    private record Kind(String title, String category, String[] sites, int minPeople, int maxPeople,
                        double hoursPerPerson, int minBenefit, int maxBenefit, int maxSessions) {
    }

    public static DemoPlan build(LocalDate today) {
        List<Unit> units = new ArrayList<>();
        List<Campaign> campaigns = new ArrayList<>();

        // ---- 海淀区: 1 个实践中心, 29 个实践所 (8 of them here), 648 个实践站 (a few under them) -------------
        String hd = "海淀区";
        units.add(new Unit("hd-center", "海淀区新时代文明实践中心", PRACTICE_CENTER, hd, null));
        Map<String, String> hdSuo = new LinkedHashMap<>();
        hdSuo.put("hd-xyl", "学院路街道");
        hdSuo.put("hd-zgc", "中关村街道");
        hdSuo.put("hd-hdjd", "海淀街道");
        hdSuo.put("hd-blz", "八里庄街道");
        hdSuo.put("hd-qlq", "青龙桥街道");
        hdSuo.put("hd-wsl", "万寿路街道");
        hdSuo.put("hd-yfd", "羊坊店街道");
        hdSuo.put("hd-btpz", "北太平庄街道");
        hdSuo.forEach((id, street) -> units.add(new Unit(id, street + "新时代文明实践所", PRACTICE_INSTITUTE, hd, "hd-center")));
        String[][] hdZhan = {
                {"hd-xyl-elz", "hd-xyl", "学院路街道二里庄社区"}, {"hd-xyl-dzy", "hd-xyl", "学院路街道展春园社区"},
                {"hd-zgc-ky", "hd-zgc", "中关村街道科育社区"}, {"hd-zgc-hz", "hd-zgc", "中关村街道黄庄社区"},
                {"hd-blz-yhjy", "hd-blz", "八里庄街道颐慧佳园社区"}, {"hd-blz-bwl", "hd-blz", "八里庄街道北洼路社区"},
                {"hd-qlq-yhy", "hd-qlq", "青龙桥街道颐和园社区"}, {"hd-qlq-gds", "hd-qlq", "青龙桥街道功德寺社区"},
                {"hd-wsl-cw", "hd-wsl", "万寿路街道翠微西里社区"}, {"hd-hdjd-frl", "hd-hdjd", "海淀街道芙蓉里社区"},
        };
        for (String[] z : hdZhan) {
            units.add(new Unit(z[0], z[2] + "新时代文明实践站", PRACTICE_STATION, hd, z[1]));
        }
        units.add(new Unit("hd-team-ymy", "\"圆明园蓝立方\"志愿服务队", VOLUNTEER_TEAM, hd, "hd-center"));
        units.add(new Unit("hd-team-qlq", "青龙桥街道金牌志愿服务团队", VOLUNTEER_TEAM, hd, "hd-qlq"));
        units.add(new Unit("hd-base-lenovo", "联想未来中心新时代文明实践基地", PRACTICE_BASE, hd, "hd-center"));
        units.add(new Unit("hd-base-pku", "北京大学艺术学院新时代文明实践基地", PRACTICE_BASE, hd, "hd-center"));

        // ---- 顺义区: 文明路口引导行动"百日大战" ------------------------------------------------------------
        String sy = "顺义区";
        units.add(new Unit("sy-center", "顺义区新时代文明实践中心", PRACTICE_CENTER, sy, null));
        Map<String, String> sySuo = new LinkedHashMap<>();
        sySuo.put("sy-sl", "胜利街道");
        sySuo.put("sy-gm", "光明街道");
        sySuo.put("sy-sy", "石园街道");
        sySuo.put("sy-sf", "双丰街道");
        sySuo.put("sy-wq", "旺泉街道");
        sySuo.put("sy-kg", "空港街道");
        sySuo.put("sy-rh", "仁和镇");
        sySuo.put("sy-hsy", "后沙峪镇");
        sySuo.forEach((id, street) -> units.add(new Unit(id, street + "新时代文明实践所", PRACTICE_INSTITUTE, sy, "sy-center")));
        String[][] syZhan = {
                {"sy-sl-jxn", "sy-sl", "胜利街道建新南区社区"}, {"sy-sl-xg", "sy-sl", "胜利街道西辛北区社区"},
                {"sy-gm-yl", "sy-gm", "光明街道裕龙社区"}, {"sy-sy-dq", "sy-sy", "石园街道东区社区"},
                {"sy-sf-qj", "sy-sf", "双丰街道前进社区"}, {"sy-rh-hn", "sy-rh", "仁和镇河南村"},
                {"sy-wq-lz", "sy-wq", "旺泉街道莲竹社区"},
        };
        for (String[] z : syZhan) {
            units.add(new Unit(z[0], z[2] + "新时代文明实践站", PRACTICE_STATION, sy, z[1]));
        }
        units.add(new Unit("sy-team-rh", "仁和镇\"文明护照\"志愿服务队", VOLUNTEER_TEAM, sy, "sy-rh"));
        units.add(new Unit("sy-team-sf", "双丰街道\"暖心橙\"志愿服务队", VOLUNTEER_TEAM, sy, "sy-sf"));
        units.add(new Unit("sy-team-xd", "双丰街道\"寻灯小分队\"", VOLUNTEER_TEAM, sy, "sy-sf"));
        units.add(new Unit("sy-team-sy", "石园街道\"80后义工社\"", VOLUNTEER_TEAM, sy, "sy-sy"));
        units.add(new Unit("sy-agency-cg", "顺义区城市管理委员会", DISTRICT_AGENCY, sy, "sy-center"));
        units.add(new Unit("sy-civ-hospital", "北京市顺义区医院", CIVILIZED_UNIT, sy, null));

        // ---- 密云区 ------------------------------------------------------------------------------------
        String my = "密云区";
        units.add(new Unit("my-center", "密云区新时代文明实践中心", PRACTICE_CENTER, my, null));
        units.add(new Unit("my-gl", "鼓楼街道新时代文明实践所", PRACTICE_INSTITUTE, my, "my-center"));
        units.add(new Unit("my-gy", "果园街道新时代文明实践所", PRACTICE_INSTITUTE, my, "my-center"));
        units.add(new Unit("my-gl-xq", "鼓楼街道宾阳里社区新时代文明实践站", PRACTICE_STATION, my, "my-gl"));
        units.add(new Unit("my-gy-xl", "果园街道果园新里社区新时代文明实践站", PRACTICE_STATION, my, "my-gy"));
        units.add(new Unit("my-team-lt", "密云蓝天救援队", VOLUNTEER_TEAM, my, "my-center"));
        units.add(new Unit("my-team-dg", "\"密云的哥\"绿水青山青春力量服务队", VOLUNTEER_TEAM, my, "my-center"));
        units.add(new Unit("my-team-xyg", "\"心阳光\"心理志愿服务团队", VOLUNTEER_TEAM, my, "my-center"));

        // ---- 文明路口引导行动"百日大战": 100 days, 60 behind us ---------------------------------------------
        {
            LocalDate start = today.minusDays(60);
            LocalDate end = start.plusDays(99);
            List<Profile> profiles = new ArrayList<>();
            sySuo.keySet().forEach(id -> profiles.add(new Profile(id, 0.55, 0)));
            for (String[] z : syZhan) {
                profiles.add(new Profile(z[0], 0.30, 0));
            }
            profiles.add(new Profile("sy-team-rh", 0.5, 0));
            profiles.add(new Profile("sy-team-sf", 0.45, 0));
            profiles.add(new Profile("sy-team-xd", 0.25, 12));   // went quiet: a silent unit
            profiles.add(new Profile("sy-team-sy", 0.4, 0));
            profiles.add(new Profile("sy-agency-cg", 0.2, 0));
            profiles.add(new Profile("sy-civ-hospital", 0.0, 0)); // reported in, never recorded
            profiles.set(5, new Profile("sy-kg", 0.3, 9));          // 空港街道 quiet for 9 days
            Kind[] kinds = {
                    new Kind("路口文明秩序引导", "路口文明引导", new String[]{"府前街与光明街路口", "新顺南大街与仁和路口",
                            "站前街与建新北路口", "顺沙路与裕曦路口", "天北路与府前东街路口", "安泰大街与空港路口"},
                            6, 20, 2.0, 300, 1500, 2),
                    new Kind("不文明行为劝导", "路口文明引导", new String[]{"府前街与光明街路口", "石园南大街路口",
                            "双河大街路口"}, 4, 12, 2.0, 150, 800, 1),
                    new Kind("路口环境卫生维护", "环境清洁", new String[]{"顺义新城主要路口", "仁和镇主要路口",
                            "后沙峪镇安泰大街"}, 8, 30, 1.5, 100, 600, 1),
            };
            Campaign c = campaign("sy-bairi", "文明路口引导行动\"百日大战\"", "文明交通",
                    "全区开展文明路口引导行动\"百日大战\"活动,各新时代文明实践所制定辖区内主要路口引导方案及工作台账,"
                            + "统筹协调辖区内各企事业单位志愿服务力量,重点围绕路口文明秩序引导、环境卫生维护、不文明行为劝导等内容,"
                            + "共同参与全区122个主要交通路口的文明引导行动。",
                    sy, EnumSet.of(PRACTICE_INSTITUTE, PRACTICE_STATION, VOLUNTEER_TEAM, CIVILIZED_UNIT, DISTRICT_AGENCY),
                    start, end, today, profiles, kinds, new double[]{1.05, 0.85, 1.0, 0.7}, 30, 20200813L, false);
            campaigns.add(withFixes(c, "志愿者人次按签到表更正", "与当日另一条记录重复"));
        }

        // ---- 海淀区 爱国卫生月: 30 days, 21 behind us ----------------------------------------------------
        {
            LocalDate start = today.minusDays(20);
            LocalDate end = start.plusDays(29);
            List<Profile> profiles = new ArrayList<>();
            hdSuo.keySet().forEach(id -> profiles.add(new Profile(id, 0.6, 0)));
            for (String[] z : hdZhan) {
                profiles.add(new Profile(z[0], 0.35, 0));
            }
            profiles.set(6, new Profile("hd-yfd", 0.5, 8));        // 羊坊店 quiet for 8 days
            profiles.set(7, new Profile("hd-btpz", 0.0, 0));       // 北太平庄 reported in, nothing yet
            profiles.add(new Profile("hd-team-ymy", 0.7, 0));
            profiles.add(new Profile("hd-team-qlq", 0.5, 0));
            profiles.add(new Profile("hd-base-lenovo", 0.2, 0));
            Kind[] kinds = {
                    new Kind("\"防疫有我 爱卫同行\"环境清洁", "环境清洁", new String[]{"社区楼门院", "背街小巷",
                            "玉泉东市场周边社区", "小区公共区域"}, 10, 40, 2.0, 200, 1200, 2),
                    new Kind("爱国卫生知识宣传", "健康促进", new String[]{"社区文化广场", "实践站活动室", "线上直播"},
                            3, 10, 1.5, 100, 3000, 1),
                    new Kind("垃圾分类桶前值守", "垃圾分类指导", new String[]{"小区垃圾分类驿站", "社区桶站"},
                            4, 16, 2.0, 150, 600, 3),
                    new Kind("社区消杀与卫生检查", "疫情防控", new String[]{"全封闭社区", "社区公共区域"},
                            5, 20, 2.5, 300, 2000, 1),
            };
            Campaign c = campaign("hd-aiwei", "海淀区爱国卫生月", "爱国卫生",
                    "以\"防疫有我 爱卫同行 共创文明 共享健康\"为主题,组织各实践所、站和志愿服务队广泛开展环境清洁、"
                            + "疫情防控及爱国卫生知识宣传,\"海淀友邻\"志愿者就近参与。",
                    hd, EnumSet.of(PRACTICE_INSTITUTE, PRACTICE_STATION, VOLUNTEER_TEAM, PRACTICE_BASE),
                    start, end, today, profiles, kinds, new double[]{0.98, 1.1, 0.9, 1.3}, 22, 20200306L, false);
            campaigns.add(withFixes(c, "受益人次多计,按台账更正", "活动因天气取消,误报"));
        }

        // ---- 密云区 清洁家园 · 疫情防控消杀: 蓝天救援队 173 次 / 460.5 小时 / 85300 人 ----------------------------
        {
            LocalDate start = today.minusDays(45);
            LocalDate end = start.plusDays(59);
            List<Profile> profiles = List.of(new Profile("my-gl", 0.4, 0), new Profile("my-gy", 0.35, 0),
                    new Profile("my-gl-xq", 0.25, 0), new Profile("my-gy-xl", 0.2, 10),
                    new Profile("my-team-dg", 0.3, 0), new Profile("my-team-xyg", 0.25, 0));
            Kind[] kinds = {
                    new Kind("\"防疫有我 爱卫同行\"清洁家园主题日", "环境清洁", new String[]{"鼓楼街道各社区", "果园街道各社区",
                            "密云水库周边"}, 8, 30, 2.0, 100, 800, 1),
                    new Kind("\"垃圾分类 你我同行\"桶前指导", "垃圾分类指导", new String[]{"社区桶站", "小区垃圾分类驿站"},
                            4, 12, 2.0, 80, 400, 2),
                    new Kind("\"文明出行,密小哥儿在行动\"", "文明行为促进", new String[]{"密云城区主要路口", "出租车候客站"},
                            5, 20, 1.5, 200, 1500, 1),
            };
            Campaign c = campaign("my-qingjie", "密云区\"防疫有我 爱卫同行\"清洁家园行动", "疫情防控",
                    "结合疫情防控、垃圾分类、文明行为促进等重点工作统筹安排志愿服务:专业志愿服务队参加消杀任务,"
                            + "清洁家园主题日、\"垃圾分类 你我同行\"、\"文明出行,密小哥儿在行动\"等活动按月推进。",
                    my, EnumSet.of(PRACTICE_INSTITUTE, PRACTICE_STATION, VOLUNTEER_TEAM), start, end, today, profiles,
                    kinds, new double[]{1.0, 0.9, 1.0, 1.0}, 8, 20200813L + 7, false);
            // 密云蓝天救援队: the briefing's 173 消杀任务, 460.5 小时, 85,300 受益人次, spread over 20 days
            List<Activity> all = new ArrayList<>(c.activities());
            int[] sessions = split(173, 20, 11);
            int[] halfHours = split(921, 20, 12);
            int[] benefit = split(85_300, 20, 13);
            int[] people = split(380, 20, 14);
            long span = ChronoUnit.DAYS.between(start, today);
            for (int i = 0; i < 20; i++) {
                LocalDate date = start.plusDays(Math.min(span, Math.round((double) i * span / 19)));
                all.add(new Activity(String.format("my-lt-%02d", i + 1), "my-team-lt", date, "疫情防控消杀任务", "消杀",
                        i % 2 == 0 ? "密云城区公共场所" : "各镇村重点点位",
                        new Figures(sessions[i], people[i], halfHours[i] / 2.0, benefit[i]), "专业志愿服务队出队"));
            }
            List<String> enrolled = new ArrayList<>(c.enrolled());
            enrolled.add(0, "my-team-lt");
            Campaign withTeam = new Campaign(c.id(), c.title(), c.theme(), c.description(), c.district(), c.eligible(),
                    c.start(), c.end(), null, enrolled, all, List.of(), List.of(), false);
            campaigns.add(withTargets(withTeam, today, new double[]{1.1, 0.95, 1.05, 1.6}, 10));
        }

        // ---- 全市 学雷锋志愿服务月: an earlier campaign, closed -------------------------------------------
        {
            LocalDate start = today.minusDays(80);
            LocalDate end = start.plusDays(30);
            List<Profile> profiles = List.of(new Profile("hd-team-ymy", 0.5, 0), new Profile("hd-team-qlq", 0.4, 0),
                    new Profile("hd-blz-yhjy", 0.4, 0), new Profile("sy-team-sf", 0.4, 0),
                    new Profile("sy-team-rh", 0.3, 0), new Profile("my-team-lt", 0.3, 0),
                    new Profile("my-team-xyg", 0.3, 0));
            Kind[] kinds = {
                    new Kind("\"学雷锋\"义务理发", "助老助残", new String[]{"颐慧佳园社区", "社区养老驿站"}, 3, 8, 3.0, 30, 120, 1),
                    new Kind("走访慰问一线志愿者", "其他", new String[]{"疫情防控一线点位"}, 5, 15, 2.0, 50, 300, 1),
                    new Kind("\"榜样的力量\"宣讲", "理论宣讲", new String[]{"实践所报告厅", "线上直播"}, 2, 6, 2.0, 100, 2000, 1),
            };
            Campaign c = campaign("bj-xuelf", "学雷锋志愿服务月", "学雷锋志愿服务",
                    "围绕\"志愿服务闪耀雷锋精神\",倡导\"奉献、友爱、互助、进步\"的志愿精神,各区实践中心、所、站和志愿服务团队"
                            + "开展\"学雷锋\"系列志愿服务。",
                    null, EnumSet.of(PRACTICE_STATION, VOLUNTEER_TEAM), start, end, end, profiles, kinds,
                    new double[]{1.1, 1.05, 1.2, 1.0}, 7, 19630305L, true);
            campaigns.add(c);
        }
        return new DemoPlan(List.copyOf(units), List.copyOf(campaigns));
    }

    /**
     * A campaign whose units report according to their profiles from {@code start} to {@code lastDay}; targets
     * are set so that each metric stands at {@code pace[i]} × the expected progress on {@code lastDay}.
     */
    private static Campaign campaign(String id, String title, String theme, String description, String district,
                                     Set<UnitType> eligible, LocalDate start, LocalDate end, LocalDate lastDay,
                                     List<Profile> profiles, Kind[] kinds, double[] pace, int enrolledTarget,
                                     long seed, boolean closed) {
        Random random = new Random(seed);
        List<Activity> activities = new ArrayList<>();
        LocalDate last = lastDay.isAfter(end) ? end : lastDay;
        int n = 0;
        for (Profile p : profiles) {
            LocalDate stop = last.minusDays(p.quietForDays());
            for (LocalDate d = start; !d.isAfter(stop); d = d.plusDays(1)) {
                double weekend = d.getDayOfWeek().getValue() >= 6 ? 1.4 : 1.0;
                if (random.nextDouble() >= p.perDay() * weekend) {
                    continue;
                }
                Kind k = kinds[random.nextInt(kinds.length)];
                int people = k.minPeople() + random.nextInt(k.maxPeople() - k.minPeople() + 1);
                double hours = Math.round(people * k.hoursPerPerson() * 2) / 2.0;
                int benefit = k.minBenefit() + random.nextInt(k.maxBenefit() - k.minBenefit() + 1);
                int sessions = 1 + random.nextInt(k.maxSessions());
                n++;
                activities.add(new Activity(String.format("%s-%04d", id, n), p.unitId(), d, k.title(), k.category(),
                        k.sites()[random.nextInt(k.sites().length)], new Figures(sessions, people, hours, benefit), ""));
            }
        }
        List<String> enrolled = profiles.stream().map(Profile::unitId).toList();
        Campaign c = new Campaign(id, title, theme, description, district, eligible, start, end, null, enrolled,
                activities, List.of(), List.of(), closed);
        return withTargets(c, lastDay, pace, enrolledTarget);
    }

    private static Campaign withTargets(Campaign c, LocalDate lastDay, double[] pace, int enrolledTarget) {
        long days = ChronoUnit.DAYS.between(c.start(), c.end()) + 1;
        LocalDate last = lastDay.isAfter(c.end()) ? c.end() : lastDay;
        double expected = (double) (ChronoUnit.DAYS.between(c.start(), last) + 1) / days;
        Figures total = c.activities().stream().map(Activity::figures).reduce(Figures.ZERO, Figures::plus);
        Targets targets = new Targets(
                round(total.sessions() / (expected * pace[0])),
                round(total.participations() / (expected * pace[1])),
                (double) round(total.serviceHours() / (expected * pace[2])),
                round(total.beneficiaries() / (expected * pace[3])),
                enrolledTarget);
        return new Campaign(c.id(), c.title(), c.theme(), c.description(), c.district(), c.eligible(), c.start(),
                c.end(), targets, c.enrolled(), c.activities(), c.corrections(), c.retractions(), c.closed());
    }

    /** Adds one correction and one retraction, as units do: a miscount fixed, a duplicate withdrawn. */
    private static Campaign withFixes(Campaign c, String correctionReason, String retractionReason) {
        List<Activity> a = c.activities();
        if (a.size() < 4) {
            return c;
        }
        Activity corrected = a.get(a.size() / 3);
        Figures f = corrected.figures();
        Figures fixed = new Figures(f.sessions(), Math.max(1, f.participations() - 2), f.serviceHours(),
                Math.max(0, f.beneficiaries() - 50));
        Activity retracted = a.get(a.size() / 2);
        return new Campaign(c.id(), c.title(), c.theme(), c.description(), c.district(), c.eligible(), c.start(),
                c.end(), c.targets(), c.enrolled(), a, List.of(new Correction(corrected, fixed, correctionReason)),
                List.of(new Retraction(retracted, retractionReason)), c.closed());
    }

    /** Two significant figures: targets as a coordinator would set them (3000, 28000, …). */
    private static long round(double value) {
        if (value <= 0) {
            return 0;
        }
        double magnitude = Math.pow(10, Math.max(0, Math.floor(Math.log10(value)) - 1));
        return Math.max(1, Math.round(Math.round(value / magnitude) * magnitude));
    }

    /** Splits {@code total} into {@code parts} positive integers that vary a little and add up exactly. */
    private static int[] split(int total, int parts, long seed) {
        Random random = new Random(seed);
        double[] weights = new double[parts];
        double sum = 0;
        for (int i = 0; i < parts; i++) {
            weights[i] = 0.6 + random.nextDouble() * 0.8;
            sum += weights[i];
        }
        int[] out = new int[parts];
        int assigned = 0;
        for (int i = 0; i < parts; i++) {
            out[i] = Math.max(1, (int) Math.floor(total * weights[i] / sum));
            assigned += out[i];
        }
        for (int i = 0; assigned < total; i = (i + 1) % parts) {
            out[i]++;
            assigned++;
        }
        return out;
    }
}
