package com.campaigntracker.shared;

/** Metadata keys every command and event carries for the audit trail. */
public final class AuditMetadata {
    public static final String USER = "user";
    public static final String ROLE = "role";
    /** For a unit account: the unit it acts for (it may act for the units below it too). */
    public static final String ACTING_UNIT = "actingUnit";
    /** For a command issued by a spreadsheet import: the import's id and the row number in the uploaded file. */
    public static final String IMPORT_ID = "importId";
    public static final String IMPORT_ROW = "importRow";

    private AuditMetadata() {
    }
}
