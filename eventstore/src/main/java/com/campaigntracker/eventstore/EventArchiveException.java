package com.campaigntracker.eventstore;

/** An archive or a target store that an import (or an export) refuses; the message is Chinese, then English. */
public class EventArchiveException extends RuntimeException {

    /** Why. */
    public enum Reason {
        TRUNCATED, CHECKSUM, UNKNOWN_VERSION, MALFORMED, UNKNOWN_EVENT_TYPE, STORE_NOT_EMPTY, STORE_IN_USE
    }

    private final Reason reason;

    public EventArchiveException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public EventArchiveException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
