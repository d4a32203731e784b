package com.campaigntracker.query.briefing;

import com.campaigntracker.query.briefing.CampaignFigures.DistrictFigures;
import com.campaigntracker.query.briefing.CampaignFigures.MetricPace;
import com.campaigntracker.query.briefing.CampaignFigures.Totals;
import com.campaigntracker.query.briefing.CampaignFigures.UnitFigures;
import com.campaigntracker.query.briefing.CampaignFigures.UnitRef;
import com.campaigntracker.shared.briefing.BriefingText.Briefing;
import com.campaigntracker.shared.briefing.BriefingText.Scope;
import com.campaigntracker.shared.briefing.BriefingText.Section;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BriefingDrafterTest {
    static final LocalDate AS_OF = LocalDate.of(2020, 6, 30);

    static BriefingProperties.Office office() {
        BriefingProperties.Office o = new BriefingProperties.Office();
        o.setKey("shoudu");
        o.setName("首都精神文明办");
        o.setTitle("首都精神文明建设情况简报");
        o.setColumn("新时代文明实践中心建设");
        o.setEditor("梅雪峰");
        o.setReviewer("田文松");
        o.setReportTo("中央文明办,首都文明委主任、副主任,市委、市人大、市政府、市政协。");
        return o;
    }

    static UnitFigures unit(String id, String name, String district, long sessions, long participations) {
        return new UnitFigures(id, name, district, new Totals(sessions, participations, sessions * 2.5, 0, sessions));
    }

    /** 怀柔: 612 sessions, 36,118 participations by 6 月底, as in seed 000. */
    static CampaignFigures huairou(String pacing, List<MetricPace> metrics, List<UnitRef> never) {
        Totals t = new Totals(612, 36_118, 2650.5, 85_317, 640);
        return new CampaignFigures("hr-2020", "文明实践志愿服务月", "防疫有我 爱卫同行", "怀柔区", "ACTIVE",
                LocalDate.of(2020, 4, 1), LocalDate.of(2020, 9, 30), AS_OF, 18, 16, t, pacing, metrics,
                List.of(new DistrictFigures("怀柔区", 18, 16, t)),
                List.of(unit("hr-yanqi", "雁栖镇实践所", "怀柔区", 120, 6000),
                        unit("hr-quanhe", "泉河街道实践所", "怀柔区", 98, 5100),
                        unit("hr-huaibei", "怀北镇实践所", "怀柔区", 77, 4000),
                        unit("hr-bohai", "渤海镇实践站", "怀柔区", 12, 300)),
                List.of(), never);
    }

    static Section only(Briefing b) {
        assertThat(b.sections()).hasSize(1);
        return b.sections().get(0);
    }

    static Briefing draft(CampaignFigures... campaigns) {
        return BriefingDrafter.draft(office(), new BriefingDrafter.Numbers(41, 2150), LocalDate.of(2020, 8, 13),
                new Scope(null, null, LocalDate.of(2020, 1, 1), AS_OF), AS_OF, BriefingDrafter.BY_DISTRICT, null,
                List.of(campaigns), true);
    }

    @Test
    void huairouReadsLikeTheSeed() {
        Briefing b = draft(huairou("ON_TRACK", List.of(), List.of()));
        Section s = only(b);
        String text = s.paragraphs().get(0);
        assertThat(text).contains("截至2020年6月30日").contains("600多场次").contains("3万余人次")
                .contains("服务时长2600多小时").contains("受益群众85300多人次").contains("4月—9月")
                .contains("共有18个单位报到").contains("全区16个单位报送活动情况")
                .contains("雁栖镇实践所、泉河街道实践所、怀北镇实践所等单位开展活动较为活跃")
                .contains("从进度看，活动按进度推进");
        assertThat(s.source()).isEqualTo("(怀柔区文明办)");
        assertThat(s.heading()).isEqualTo("怀柔区扎实开展文明实践志愿服务月。");
        assertThat(s.figures().sessions()).isEqualTo(612);
        assertThat(s.figures().participations()).isEqualTo(36_118);
        assertThat(s.figures().links().get(0).progress()).isEqualTo("/api/campaigns/hr-2020/progress?asOf=2020-06-30");
        assertThat(s.figures().links().get(0).history()).isEqualTo("/api/campaigns/hr-2020/history");
        assertThat(b.title()).isEqualTo("首都精神文明建设情况简报");
        assertThat(b.issueNo()).isEqualTo(41);
        assertThat(b.totalIssueNo()).isEqualTo(2150);
        assertThat(b.footer().editor()).isEqualTo("梅雪峰");
        assertThat(b.appendix().rows()).extracting(r -> r.unit()).contains("雁栖镇实践所", "合计");
        assertThat(b.appendix().rows().get(b.appendix().rows().size() - 1).sessions()).isEqualTo(612);
    }

    @Test
    void aDistrictWithoutActivitySaysSo() {
        CampaignFigures quiet = new CampaignFigures("my-1", "清洁家园行动", null, "密云区", "ACTIVE",
                LocalDate.of(2020, 6, 1), LocalDate.of(2020, 6, 30), AS_OF, 0, 0, Totals.ZERO, null, List.of(),
                List.of(), List.of(), List.of(), List.of());
        String text = only(draft(quiet)).paragraphs().get(0);
        assertThat(text).isEqualTo("6月，密云区开展清洁家园行动，尚无单位报到。截至2020年6月30日，尚无单位报送活动情况。");
        assertThat(text).doesNotContain("场次").doesNotContain("从进度看");
    }

    @Test
    void silentUnitsAreNamed() {
        List<UnitRef> never = List.of(new UnitRef("hr-a", "琉璃庙镇实践站", "怀柔区"),
                new UnitRef("hr-b", "宝山镇实践站", "怀柔区"));
        String text = only(draft(huairou(null, List.of(), never))).paragraphs().get(0);
        assertThat(text).contains("琉璃庙镇实践站、宝山镇实践站尚未报送活动情况。");
    }

    @Test
    void manySilentUnitsAreCounted() {
        List<UnitRef> never = java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> new UnitRef("s" + i, "实践站" + i, "怀柔区")).toList();
        String text = only(draft(huairou(null, List.of(), never))).paragraphs().get(0);
        assertThat(text).contains("实践站0、实践站1、实践站2、实践站3、实践站4等7个单位尚未报送活动情况。");
    }

    @Test
    void overTargetIsSaid() {
        List<MetricPace> metrics = List.of(new MetricPace("sessions", 612, 600.0, 102.0, 60.0, "DONE"),
                new MetricPace("participations", 36_118, 30_000.0, 120.39, 60.0, "DONE"));
        String text = only(draft(huairou("DONE", metrics, List.of()))).paragraphs().get(0);
        assertThat(text).contains("从进度看，活动已超额完成目标任务。");
    }

    @Test
    void atRiskNamesTheMetricFurthestBehind() {
        List<MetricPace> metrics = List.of(new MetricPace("sessions", 612, 1000.0, 61.2, 60.0, "ON_TRACK"),
                new MetricPace("participations", 36_118, 100_000.0, 36.11, 60.0, "AT_RISK"));
        String text = only(draft(huairou("AT_RISK", metrics, List.of()))).paragraphs().get(0);
        assertThat(text).contains("从进度看，活动进度严重滞后，志愿者人次完成目标的36%，低于60%的时间进度。");
    }

    @Test
    void aCityWideCampaignIsOneParagraphPerDistrictWithoutItsCityTargets() {
        Totals hd = new Totals(300, 12_000, 800, 5_000, 310);
        Totals sy = new Totals(150, 4_000, 300, 1_000, 160);
        CampaignFigures city = new CampaignFigures("xlf", "学雷锋志愿服务月", null, null, "ACTIVE",
                LocalDate.of(2020, 3, 1), LocalDate.of(2020, 3, 31), AS_OF, 30, 25, hd.plus(sy), "AT_RISK",
                List.of(new MetricPace("sessions", 450, 1000.0, 45.0, 100.0, "AT_RISK")),
                List.of(new DistrictFigures("海淀区", 20, 17, hd), new DistrictFigures("顺义区", 10, 8, sy)),
                List.of(unit("hd-1", "学院路街道实践所", "海淀区", 100, 5000), unit("sy-1", "仁和镇实践所", "顺义区", 90, 2000)),
                List.of(), List.of());
        Briefing b = draft(city);
        assertThat(b.sections()).extracting(Section::source).containsExactly("(海淀区文明办)", "(顺义区文明办)");
        String haidian = b.sections().get(0).paragraphs().get(0);
        assertThat(haidian).contains("300场次").contains("1万余人次").contains("学院路街道实践所开展活动较为活跃")
                .doesNotContain("仁和镇").doesNotContain("从进度看");
        assertThat(b.sections().get(1).figures().sessions()).isEqualTo(150);
    }
}
