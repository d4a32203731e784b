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

    /**
     * How an apply goes (or went): {@code rows} validated by the preview, {@code valid} of them importable,
     * {@code processed} so far; {@code rowsPerSecond} and {@code etaSeconds} while applying. After an apply cut
     * short (FAILED, e.g. by a restart) {@code applied} counts the rows found in the events carrying the import's
     * id; {@code checking} is true while they are being counted.
     */
    public record ImportStatus(String importId,
                               @Schema(allowableValues = {"VALIDATED", "APPLYING", "DONE", "FAILED"}) String status,
                               String kind, String campaignId, int rows, int valid, int processed, int applied,
                               int unchanged, int conflicts, int failed, List<RowError> errors, String startedAt,
                               String finishedAt, Double rowsPerSecond, Long etaSeconds, boolean checking) {
    }

    /** {@code conflicts}: "skip" (default) or "correct" (a row whose 编号 exists with other content corrects it). */
    public record ApplyRequest(@Schema(allowableValues = {"skip", "correct"}) String conflicts,
                               @Schema(description = "更正原因(conflicts 为 correct 时必填),如 “台账更正”") String reason) {
    }
}
