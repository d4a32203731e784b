package com.campaigntracker.query.briefing;

import com.campaigntracker.query.briefing.CampaignFigures.DistrictFigures;
import com.campaigntracker.query.briefing.CampaignFigures.MetricPace;
import com.campaigntracker.query.briefing.CampaignFigures.Totals;
import com.campaigntracker.query.briefing.CampaignFigures.UnitFigures;
import com.campaigntracker.query.briefing.CampaignFigures.UnitRef;
import com.campaigntracker.query.briefing.ChineseNumbers.Style;
import com.campaigntracker.shared.briefing.BriefingText.Appendix;
import com.campaigntracker.shared.briefing.BriefingText.AppendixRow;
import com.campaigntracker.shared.briefing.BriefingText.Briefing;
import com.campaigntracker.shared.briefing.BriefingText.FigureLink;
import com.campaigntracker.shared.briefing.BriefingText.Figures;
import com.campaigntracker.shared.briefing.BriefingText.Footer;
import com.campaigntracker.shared.briefing.BriefingText.Scope;
import com.campaigntracker.shared.briefing.BriefingText.Section;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Drafts a 简报 from campaign figures, one paragraph per district (or per campaign) in the seeds' register:
 * what was launched and how many units reported in; sessions, participations, hours and beneficiaries (rounded by
 * {@link ChineseNumbers}); progress in words; the most active units; the units that have not reported; the source
 * line. Pure: the same figures give the same text.
 * <p>Progress is stated only for a campaign the section covers whole (its own district's section, or its own
 * section): the targets of a city-wide campaign are not any one district's.
 */
public final class BriefingDrafter {
    public static final String BY_DISTRICT = "district";
    public static final String BY_CAMPAIGN = "campaign";
    static final int TOP_UNITS = 3;
    static final int NAMED_SILENT = 5;
    private static final String UNKNOWN_DISTRICT = "未知";

    private BriefingDrafter() {
    }

    /** The next numbers of the office's series, shown in the draft; issuing assigns the real ones. */
    public record Numbers(int issueNo, int totalIssueNo) {
    }

    /** A campaign's part in one section: the whole campaign or its share in one district. */
    record Slice(CampaignFigures campaign, boolean whole, long enrolled, long reporting, Totals totals,
                 List<UnitFigures> top, List<UnitRef> never, List<UnitRef> silent) {
    }

    public static Briefing draft(BriefingProperties.Office office, Numbers next, LocalDate today, Scope scope,
                                 LocalDate asOf, String groupBy, String district, List<CampaignFigures> campaigns,
                                 boolean includeAppendix) {
        List<Section> sections = new ArrayList<>();
        List<AppendixRow> rows = new ArrayList<>();
        if (BY_CAMPAIGN.equals(groupBy)) {
            for (CampaignFigures c : campaigns) {
                Slice s = district == null || district.equals(c.district()) ? whole(c) : slice(c, district);
                String place = district != null ? district : c.district();
                sections.add(section(c.title(), place, List.of(s), asOf, office));
                rows.addAll(appendix(c.title(), List.of(s)));
            }
        } else {
            Map<String, List<Slice>> byDistrict = new LinkedHashMap<>();
            for (String d : districts(campaigns, district)) {
                for (CampaignFigures c : campaigns) {
                    boolean has = c.districts().stream().anyMatch(x -> d.equals(x.district()));
                    if (has || d.equals(c.district())) {
                        byDistrict.computeIfAbsent(d, k -> new ArrayList<>()).add(slice(c, d));
                    }
                }
            }
            byDistrict.forEach((d, slices) -> {
                sections.add(section(null, d, slices, asOf, office));
                rows.addAll(appendix(d, slices));
            });
        }
        Footer footer = new Footer(office.getEditor(), office.getReviewer(), office.getPhone(), office.getFax(),
                office.getEmail(), office.getReportTo(), office.getSendTo(), office.getDistributeTo());
        return new Briefing(null, office.getKey(), office.getName(), office.getTitle(), next.issueNo(),
                next.totalIssueNo(), today, office.getColumn(), sections, footer, new Appendix(includeAppendix, rows),
                scope, asOf, groupBy == null ? BY_DISTRICT : groupBy);
    }

    private static Set<String> districts(List<CampaignFigures> campaigns, String only) {
        Set<String> out = new LinkedHashSet<>();
        if (only != null) {
            out.add(only);
            return out;
        }
        campaigns.stream().map(CampaignFigures::district).filter(Objects::nonNull).forEach(out::add);
        campaigns.forEach(c -> c.districts().stream().map(DistrictFigures::district)
                .filter(d -> d != null && !UNKNOWN_DISTRICT.equals(d)).sorted().forEach(out::add));
        return out;
    }

    static Slice whole(CampaignFigures c) {
        return new Slice(c, true, c.enrolledUnits(), c.reportingUnits(), c.totals(), c.topUnits(),
                c.neverReported(), c.silentUnits());
    }

    static Slice slice(CampaignFigures c, String district) {
        if (district.equals(c.district())) {
            return whole(c);
        }
        DistrictFigures d = c.districts().stream().filter(x -> district.equals(x.district())).findFirst()
                .orElse(new DistrictFigures(district, 0, 0, Totals.ZERO));
        return new Slice(c, false, d.enrolledUnits(), d.reportingUnits(), d.totals(),
                c.topUnits().stream().filter(u -> district.equals(u.district())).toList(),
                c.neverReported().stream().filter(u -> district.equals(u.district())).toList(),
                c.silentUnits().stream().filter(u -> district.equals(u.district())).toList());
    }

    /**
     * One section. {@code campaignTitle} is set when the section is one campaign's; {@code place} is the district
     * it covers (null: the whole city).
     */
    static Section section(String campaignTitle, String place, List<Slice> slices, LocalDate asOf,
                           BriefingProperties.Office office) {
        String where = place == null ? "全市" : place;
        String area = place == null ? "全市" : "全区";
        List<String> titles = slices.stream().map(s -> s.campaign().title()).distinct().toList();
        long enrolled = slices.stream().mapToLong(Slice::enrolled).sum();
        long reporting = slices.stream().mapToLong(Slice::reporting).sum();
        Totals totals = slices.stream().map(Slice::totals).reduce(Totals.ZERO, Totals::plus);

        String heading = where + "扎实开展" + titleList(titles) + "。";
        StringBuilder p = new StringBuilder();
        if (titles.size() == 1) {
            CampaignFigures c = slices.get(0).campaign();
            p.append(ChineseDates.months(c.start(), c.end())).append("，").append(where).append("开展")
                    .append(c.title());
            boolean themed = c.theme() != null && !c.theme().isBlank() && !c.title().contains(c.theme());
            if (themed) {
                p.append("“").append(c.theme()).append("”");
            }
            if (themed || !(c.title().endsWith("活动") || c.title().endsWith("行动"))) {
                p.append("活动");
            }
        } else {
            p.append(where).append("开展").append(titleList(titles));
        }
        p.append(enrolled == 0 ? "，尚无单位报到。" : "，共有" + enrolled + "个单位报到。");
        if (totals.none()) {
            p.append(ChineseDates.asOf(asOf)).append("，尚无单位报送活动情况。");
        } else {
            p.append(ChineseDates.asOf(asOf)).append("，").append(area).append(reporting).append("个单位报送活动情况，")
                    .append("共开展各类文明实践志愿服务活动")
                    .append(ChineseNumbers.phrase(totals.sessions(), Style.ROUGH, ChineseNumbers.MORE)).append("场次，")
                    .append("参与志愿者")
                    .append(ChineseNumbers.phrase(totals.participations(), Style.ROUGH, ChineseNumbers.MORE))
                    .append("人次");
            if (totals.serviceHours() > 0) {
                p.append("，服务时长").append(ChineseNumbers.hours(totals.serviceHours(), ChineseNumbers.MORE))
                        .append("小时");
            }
            if (totals.beneficiaries() > 0) {
                p.append("，受益群众")
                        .append(ChineseNumbers.phrase(totals.beneficiaries(), Style.HUNDREDS, ChineseNumbers.MORE))
                        .append("人次");
            }
            p.append("。");
        }
        p.append(progress(slices, titles.size() == 1));
        p.append(activeUnits(slices));
        p.append(silentUnits(slices));

        List<FigureLink> links = slices.stream().map(s -> link(s.campaign(), asOf)).toList();
        Figures figures = new Figures(titles.size(), enrolled, reporting, totals.sessions(), totals.participations(),
                totals.serviceHours(), totals.beneficiaries(), links);
        String source = "(" + (place == null ? nameOrKey(office) : place + "文明办") + ")";
        return new Section(campaignTitle == null ? heading : campaignTitle + "进展情况。", List.of(p.toString()),
                source, figures);
    }

    private static String nameOrKey(BriefingProperties.Office office) {
        return office.getName() != null ? office.getName() : office.getKey();
    }

    static String titleList(List<String> titles) {
        if (titles.size() <= 2) {
            return String.join("、", titles);
        }
        return titles.get(0) + "、" + titles.get(1) + "等" + titles.size() + "项主题活动";
    }

    /** "从进度看，…": 超额完成 / 完成 / 按进度推进 / 进度滞后 / 进度严重滞后 with the lagging metric. */
    static String progress(List<Slice> slices, boolean single) {
        List<String> parts = new ArrayList<>();
        for (Slice s : slices) {
            CampaignFigures c = s.campaign();
            if (!s.whole() || c.pacing() == null) {
                continue;
            }
            String who = single ? "活动" : c.title();
            parts.add(switch (c.pacing()) {
                case "DONE" -> who + (c.metrics().stream().anyMatch(BriefingDrafter::over) ? "已超额完成目标任务"
                        : "已完成目标任务");
                case "ON_TRACK" -> who + "按进度推进";
                case "LAGGING" -> who + "进度滞后" + worst(c);
                default -> who + "进度严重滞后" + worst(c);
            });
        }
        return parts.isEmpty() ? "" : "从进度看，" + String.join("；", parts) + "。";
    }

    private static boolean over(MetricPace m) {
        return m.target() != null && m.total() > m.target();
    }

    /** "，志愿者人次完成目标的35%，低于60%的时间进度" for the metric furthest behind. */
    private static String worst(CampaignFigures c) {
        return c.metrics().stream()
                .filter(m -> m.percent() != null && m.expectedPercent() != null && m.target() != null
                        && m.total() < m.target())
                .min(Comparator.comparingDouble(m -> m.percent() - m.expectedPercent()))
                .map(m -> "，" + label(m.metric()) + "完成目标的" + whole(m.percent()) + "%，低于"
                        + whole(m.expectedPercent()) + "%的时间进度")
                .orElse("");
    }

    private static String whole(double percent) {
        return Long.toString((long) Math.floor(percent));
    }

    static String label(String metric) {
        return switch (metric) {
            case "sessions" -> "活动场次";
            case "participations" -> "志愿者人次";
            case "serviceHours" -> "服务时长";
            case "beneficiaries" -> "受益人次";
            case "enrolledUnits" -> "报到单位数";
            default -> metric;
        };
    }

    /** The most active units by sessions, then participations, across the section's campaigns. */
    static String activeUnits(List<Slice> slices) {
        Map<String, UnitFigures> merged = new LinkedHashMap<>();
        for (Slice s : slices) {
            for (UnitFigures u : s.top()) {
                merged.merge(u.unitId(), u, (a, b) -> new UnitFigures(a.unitId(), a.name(), a.district(),
                        a.totals().plus(b.totals())));
            }
        }
        List<String> names = merged.values().stream()
                .filter(u -> u.totals().sessions() > 0 || u.totals().participations() > 0)
                .sorted(Comparator.comparingLong((UnitFigures u) -> -u.totals().sessions())
                        .thenComparingLong(u -> -u.totals().participations())
                        .thenComparing(UnitFigures::unitId))
                .limit(TOP_UNITS).map(u -> name(u.name(), u.unitId())).toList();
        if (names.isEmpty()) {
            return "";
        }
        return String.join("、", names) + (merged.size() > names.size() ? "等单位" : "") + "开展活动较为活跃。";
    }

    /** Units enrolled but without any record, then units silent for the last days. */
    static String silentUnits(List<Slice> slices) {
        Map<String, String> never = new LinkedHashMap<>();
        Map<String, String> silent = new LinkedHashMap<>();
        slices.forEach(s -> s.never().forEach(u -> never.putIfAbsent(u.unitId(), name(u.name(), u.unitId()))));
        slices.forEach(s -> s.silent().forEach(u -> {
            if (!never.containsKey(u.unitId())) {
                silent.putIfAbsent(u.unitId(), name(u.name(), u.unitId()));
            }
        }));
        StringBuilder out = new StringBuilder();
        if (!never.isEmpty()) {
            out.append(named(never.values())).append("尚未报送活动情况。");
        }
        if (!silent.isEmpty()) {
            out.append(named(silent.values())).append("近").append(BriefingFigureSource.SILENT_DAYS)
                    .append("日未报送新的活动情况。");
        }
        return out.toString();
    }

    private static String named(java.util.Collection<String> names) {
        List<String> list = List.copyOf(names);
        if (list.size() <= NAMED_SILENT) {
            return String.join("、", list);
        }
        return String.join("、", list.subList(0, NAMED_SILENT)) + "等" + list.size() + "个单位";
    }

    private static String name(String name, String id) {
        return name == null || name.isBlank() ? id : name;
    }

    static FigureLink link(CampaignFigures c, LocalDate asOf) {
        String base = "/api/campaigns/" + c.campaignId();
        return new FigureLink(c.campaignId(), c.title(), asOf, base + "/progress?asOf=" + asOf, base + "/history",
                base + "/activities");
    }

    private static List<AppendixRow> appendix(String group, List<Slice> slices) {
        List<AppendixRow> rows = new ArrayList<>();
        Totals sum = Totals.ZERO;
        for (Slice s : slices) {
            for (UnitFigures u : s.top()) {
                rows.add(row(group, name(u.name(), u.unitId()), u.totals()));
            }
            sum = sum.plus(s.totals());
        }
        rows.add(row(group, "合计", sum));
        return rows;
    }

    private static AppendixRow row(String group, String unit, Totals t) {
        return new AppendixRow(group, unit, t.sessions(), t.participations(), t.serviceHours(), t.beneficiaries());
    }
}
