package com.campaigntracker.shared.briefing;

import com.campaigntracker.shared.validation.Bounds;
import com.campaigntracker.shared.validation.ClientId;
import com.campaigntracker.shared.validation.Day;
import com.campaigntracker.shared.validation.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A 简报 as drafted, edited and issued: the draft the query side answers, the body the UI posts back to issue it,
 * and the document {@link BriefingEvents.BriefingIssued} carries forever (so a versioned contract, like events).
 */
public final class BriefingText {
    public static final int MAX_SECTIONS = 100;
    public static final int MAX_PARAGRAPHS = 50;
    public static final int PARAGRAPH_MAX = 10_000;
    public static final int LINE_MAX = 500;

    private BriefingText() {
    }

    /** What the briefing covers: one campaign, or every campaign active in a period (of one district, or all). */
    public record Scope(@ClientId(optional = true) String campaignId, @Text(max = Bounds.DISTRICT_MAX) String district,
                        LocalDate from, LocalDate to) {
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
    public record Section(@Text(max = LINE_MAX) String heading,
                          @Size(max = MAX_PARAGRAPHS, message = "每节最多 " + MAX_PARAGRAPHS + " 段")
                          List<@Text(max = PARAGRAPH_MAX, required = true, multiline = true) String> paragraphs,
                          @Text(max = Bounds.TITLE_MAX) String source, Figures figures) {
    }

    public record Footer(@Text(max = LINE_MAX) String editor, @Text(max = LINE_MAX) String reviewer,
                         @Text(max = LINE_MAX) String phone, @Text(max = LINE_MAX) String fax,
                         @Text(max = LINE_MAX) String email, @Text(max = LINE_MAX) String reportTo,
                         @Text(max = LINE_MAX) String sendTo, @Text(max = LINE_MAX) String distributeTo) {
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
    public record Briefing(@ClientId(optional = true) String briefingId, String office,
                           @Text(max = Bounds.TITLE_MAX) String officeName,
                           @Text(max = Bounds.TITLE_MAX, required = true) String title, Integer issueNo,
                           Integer totalIssueNo, LocalDate date, @Text(max = Bounds.TITLE_MAX) String column,
                           @NotNull(message = Bounds.MISSING)
                           @Size(min = 1, max = MAX_SECTIONS, message = "须有 1 到 " + MAX_SECTIONS + " 节")
                           List<@Valid @NotNull(message = Bounds.MISSING) Section> sections,
                           @Valid Footer footer, Appendix appendix, @Valid Scope scope, @Day(optional = true) LocalDate asOf,
                           @Pattern(regexp = "district|campaign", message = "须为 district 或 campaign") String groupBy) {
    }
}
