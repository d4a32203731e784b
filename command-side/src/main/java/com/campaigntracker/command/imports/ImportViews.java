package com.campaigntracker.command.imports;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The answers and requests of the import endpoints. */
public final class ImportViews {
    private ImportViews() {
    }

    /** Where a row went wrong: the row number as the spreadsheet shows it, the column's header, why. */
    public record RowError(int row, String column, String message) {
    }

    /** The preview of an upload; nothing is written. Lists hold at most the first {@value Imports#LISTED} rows. */
    public record ImportPreview(String importId, @Schema(allowableValues = "VALIDATED") String status, String kind,
                                String campaignId, int rows, int valid, int unchanged, int conflicts, int invalid,
                                List<RowError> errors, List<RowError> conflictRows) {
    }

    /** How an apply goes (or went). {@code rowsPerSecond} and {@code etaSeconds} while applying. */
    public record ImportStatus(String importId,
                               @Schema(allowableValues = {"VALIDATED", "APPLYING", "DONE", "FAILED"}) String status,
                               String kind, String campaignId, int rows, int processed, int applied, int unchanged,
                               int conflicts, int failed, List<RowError> errors, String startedAt, String finishedAt,
                               Double rowsPerSecond, Long etaSeconds) {
    }

    /** {@code conflicts}: "skip" (default) or "correct" (a row whose 编号 exists with other content corrects it). */
    public record ApplyRequest(@Schema(allowableValues = {"skip", "correct"}) String conflicts,
                               @Schema(description = "更正原因(conflicts 为 correct 时必填),如 “台账更正”") String reason) {
    }
}
