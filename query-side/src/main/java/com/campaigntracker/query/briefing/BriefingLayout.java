package com.campaigntracker.query.briefing;

import com.campaigntracker.shared.briefing.BriefingText.AppendixRow;
import com.campaigntracker.shared.briefing.BriefingText.Briefing;
import com.campaigntracker.shared.briefing.BriefingText.Footer;
import com.campaigntracker.shared.briefing.BriefingText.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The lines of a briefing as the seeds lay them out, shared by the Word and the PDF export: masthead (title,
 * 第N期, (总第M期), office and date), 【栏目】, paragraphs each with its bold lead and its source line, footer
 * (责编/核稿, 电话/传真/邮箱, 报/送/发), appendix table.
 */
record BriefingLayout(String title, String issueLine, String totalLine, String office, String date,
                      String column, List<Paragraph> paragraphs, List<String> footerLines,
                      List<String> distributionLines, List<List<String>> appendix) {

    /** A body paragraph: a bold lead (may be empty) and the text; a source line is right-aligned. */
    record Paragraph(String lead, String text, boolean source) {
    }

    static final List<String> APPENDIX_HEADER = List.of("分组", "单位", "场次", "志愿者人次", "服务时长(小时)",
            "受益人次");

    static BriefingLayout of(Briefing b) {
        String title = blankTo(b.title(), BriefingProperties.DEFAULT_TITLE);
        String issue = b.issueNo() == null ? "第  期" : "第 " + b.issueNo() + " 期";
        String total = b.totalIssueNo() == null ? "" : "(总第 " + b.totalIssueNo() + " 期)";
        String date = b.date() == null ? "" : ChineseDates.day(b.date());
        String column = b.column() == null || b.column().isBlank() ? null : "【" + b.column().strip() + "】";
        List<Paragraph> paragraphs = new ArrayList<>();
        for (Section s : b.sections() == null ? List.<Section>of() : b.sections()) {
            List<String> ps = s.paragraphs() == null ? List.of() : s.paragraphs();
            for (int i = 0; i < ps.size(); i++) {
                paragraphs.add(new Paragraph(i == 0 ? blankTo(s.heading(), "") : "", ps.get(i), false));
            }
            if (s.source() != null && !s.source().isBlank()) {
                paragraphs.add(new Paragraph("", s.source().strip(), true));
            }
        }
        List<String> footer = new ArrayList<>();
        List<String> distribution = new ArrayList<>();
        Footer f = b.footer();
        if (f != null) {
            add(footer, join("责编:", f.editor(), "核稿:", f.reviewer()));
            add(footer, join("电话:", f.phone(), "传真:", f.fax(), "邮箱:", f.email()));
            add(distribution, prefixed("报:", f.reportTo()));
            add(distribution, prefixed("送:", f.sendTo()));
            add(distribution, prefixed("发:", f.distributeTo()));
        }
        List<List<String>> appendix = new ArrayList<>();
        if (b.appendix() != null && b.appendix().include() && b.appendix().rows() != null) {
            for (AppendixRow r : b.appendix().rows()) {
                appendix.add(List.of(Objects.toString(r.group(), ""), Objects.toString(r.unit(), ""),
                        Long.toString(r.sessions()), Long.toString(r.participations()),
                        java.math.BigDecimal.valueOf(r.serviceHours()).stripTrailingZeros().toPlainString(),
                        Long.toString(r.beneficiaries())));
            }
        }
        return new BriefingLayout(title, issue, total, blankTo(b.officeName(), ""), date, column, paragraphs,
                footer, distribution, appendix);
    }

    private static String blankTo(String s, String other) {
        return s == null || s.isBlank() ? other : s.strip();
    }

    private static void add(List<String> lines, String line) {
        if (line != null && !line.isBlank()) {
            lines.add(line);
        }
    }

    private static String prefixed(String prefix, String value) {
        return value == null || value.isBlank() ? null : prefix + value.strip();
    }

    /** "责编:梅雪峰 核稿:田文松" from label/value pairs, leaving out empty values. */
    private static String join(String... labelsAndValues) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
            String v = labelsAndValues[i + 1];
            if (v != null && !v.isBlank()) {
                parts.add(labelsAndValues[i] + v.strip());
            }
        }
        return String.join("  ", parts);
    }
}
