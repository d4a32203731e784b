package com.campaigntracker.command.rules;

import java.util.Map;

/** The Chinese label of every command and request field, as refusals name it (the one place that maps them). */
public final class FieldLabels {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("id", "活动编号"),
            Map.entry("campaignId", "活动编号"),
            Map.entry("activityId", "活动记录编号"),
            Map.entry("unitId", "单位编号"),
            Map.entry("parentUnitId", "上级单位"),
            Map.entry("parentId", "上级单位"),
            Map.entry("name", "名称"),
            Map.entry("type", "单位类型"),
            Map.entry("district", "所属区"),
            Map.entry("title", "标题"),
            Map.entry("theme", "主题"),
            Map.entry("description", "说明"),
            Map.entry("eligibleUnitTypes", "可报到单位类型"),
            Map.entry("startDate", "开始日期"),
            Map.entry("endDate", "结束日期"),
            Map.entry("targets", "目标"),
            Map.entry("targets.sessions", "目标场次"),
            Map.entry("targets.participations", "目标志愿者人次"),
            Map.entry("targets.serviceHours", "目标服务时长"),
            Map.entry("targets.beneficiaries", "目标受益人次"),
            Map.entry("targets.enrolledUnits", "目标报到单位数"),
            Map.entry("date", "活动日期"),
            Map.entry("category", "类别"),
            Map.entry("site", "服务地点"),
            Map.entry("figures", "活动数据"),
            Map.entry("sessions", "场次"),
            Map.entry("participations", "志愿者人次"),
            Map.entry("serviceHours", "服务时长"),
            Map.entry("beneficiaries", "受益人次"),
            Map.entry("notes", "备注"),
            Map.entry("reason", "原因"),
            Map.entry("briefing", "简报"),
            Map.entry("briefing.title", "简报名称"),
            Map.entry("briefingId", "简报编号"),
            Map.entry("office", "印发单位"),
            Map.entry("officeName", "印发单位名称"),
            Map.entry("column", "栏目"),
            Map.entry("sections", "正文段落"),
            Map.entry("heading", "小标题"),
            Map.entry("paragraphs", "段落"),
            Map.entry("source", "来源"),
            Map.entry("footer", "版记"),
            Map.entry("editor", "责编"),
            Map.entry("reviewer", "核稿"),
            Map.entry("phone", "电话"),
            Map.entry("fax", "传真"),
            Map.entry("email", "邮箱"),
            Map.entry("reportTo", "报"),
            Map.entry("sendTo", "送"),
            Map.entry("distributeTo", "发"),
            Map.entry("scope", "范围"),
            Map.entry("scope.campaignId", "范围活动"),
            Map.entry("scope.district", "范围区"),
            Map.entry("asOf", "截至日期"),
            Map.entry("groupBy", "分段方式"),
            Map.entry("projectId", "服务项目编号"),
            Map.entry("orderId", "服务单编号"),
            Map.entry("providerUnitId", "服务单位"),
            Map.entry("districts", "服务区域"),
            Map.entry("weeklyCapacity", "每周可接单数"),
            Map.entry("requestingUnitId", "点单单位"),
            Map.entry("wantedFrom", "期望服务日期"),
            Map.entry("wantedTo", "期望服务截止日期"),
            Map.entry("place", "服务地点"),
            Map.entry("peopleToServe", "服务人数"),
            Map.entry("contact", "联系方式"),
            Map.entry("report", "结项报告"),
            Map.entry("summary", "服务小结"),
            Map.entry("score", "评分"),
            Map.entry("comment", "评语"),
            Map.entry("seriesId", "简报系列"),
            Map.entry("totalBase", "总期数起点"),
            Map.entry("issuedOn", "印发日期"),
            Map.entry("issuedBy", "印发人"),
            Map.entry("issueNo", "期数"),
            Map.entry("totalIssueNo", "总期数"),
            Map.entry("campaigns", "活动数"),
            Map.entry("enrolledUnits", "报到单位数"),
            Map.entry("reportingUnits", "已填报单位数"),
            Map.entry("links", "链接"),
            Map.entry("progress", "进度链接"),
            Map.entry("history", "记录链接"),
            Map.entry("ledger", "台账链接"),
            Map.entry("appendix", "附表"),
            Map.entry("include", "是否附表"),
            Map.entry("rows", "附表行"),
            Map.entry("group", "分组"),
            Map.entry("unit", "单位"),
            Map.entry("from", "期间起"),
            Map.entry("to", "期间止"));

    private FieldLabels() {
    }

    /** The label of {@code field} (a JSON name or a dotted path such as {@code targets.sessions}). */
    public static String of(String field) {
        if (field == null) {
            return "请求";
        }
        String label = LABELS.get(field.replaceAll("\\[\\d*]", ""));
        if (label != null) {
            return label;
        }
        int dot = field.lastIndexOf('.');
        return dot < 0 ? "字段 " + field + " " : of(field.substring(dot + 1));
    }
}
