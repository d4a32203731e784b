package com.campaigntracker.shared.briefing;

import java.time.LocalDate;
import java.util.List;

/**
 * A 简报 as drafted, edited and issued: the draft the query side answers, the body the UI posts back to issue it,
 * and the document {@link BriefingEvents.BriefingIssued} carries forever (so a versioned contract, like events).
 */
public final class BriefingText {
    private BriefingText() {
    }

    /** What the briefing covers: one campaign, or every campaign active in a period (of one district, or all). */
    public record Scope(String campaignId, String district, LocalDate from, LocalDate to) {
    }

    /** Where a figure comes from: the campaign's as-of view and the audit trail behind it. */
    public record FigureLink(String campaignId, String title, LocalDate asOf, String progress, String history,
                             String ledger) {
    }

    /** The exact figures a section was drafted from (the text rounds them). */
    public record Figures(long campaigns, long enrolledUnits, long reportingUnits, long sessions,
                          long participations, double serviceHours, long beneficiaries, List<FigureLink> links) {
    }

    /** One district's (or one campaign's) paragraph, ending with its source line, e.g. (海淀区文明办). */
    public record Section(String heading, List<String> paragraphs, String source, Figures figures) {
    }

    public record Footer(String editor, String reviewer, String phone, String fax, String email, String reportTo,
                         String sendTo, String distributeTo) {
    }

    /** Exact figures per group and unit; printed only when {@code include}. */
    public record Appendix(boolean include, List<AppendixRow> rows) {
    }

    public record AppendixRow(String group, String unit, long sessions, long participations, double serviceHours,
                              long beneficiaries) {
    }

    /**
     * The whole briefing. {@code issueNo}/{@code totalIssueNo} are the next numbers in a draft and the assigned
     * ones once issued; {@code briefingId} is chosen by the client (or the server) so a retried issue is a no-op.
     */
    public record Briefing(String briefingId, String office, String officeName, String title, Integer issueNo,
                           Integer totalIssueNo, LocalDate date, String column, List<Section> sections,
                           Footer footer, Appendix appendix, Scope scope, LocalDate asOf, String groupBy) {
    }
}
