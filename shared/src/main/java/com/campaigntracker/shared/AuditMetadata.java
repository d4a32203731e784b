package com.campaigntracker.shared;

/** Metadata keys every command and event carries for the audit trail. */
public final class AuditMetadata {
    public static final String USER = "user";
    public static final String ROLE = "role";

    private AuditMetadata() {
    }
}
