package com.campaigntracker.query.admin;

import java.util.List;
import java.util.Map;

/** The answers of the admin endpoints. */
public final class AdminViews {
    private AdminViews() {
    }

    /**
     * A projection processor as this replica sees it: progress of a rebuild, position, segments it holds;
     * {@code label} its Chinese name, {@code eventsPerSecond} the rate over the last 30 seconds (0 while idle).
     */
    public record ProjectionStatus(String name, String label, boolean running, boolean error, boolean rebuilding,
                                   long eventsProcessed, double eventsPerSecond, Long position, Long headPosition,
                                   Double percent, Long etaSeconds, String since, Long storedPosition,
                                   List<SegmentStatus> segments) {
    }

    public record SegmentStatus(int segment, Long position, boolean replaying, boolean caughtUp, String error) {
    }

    public record Released(int released) {
    }

    public record RebuildStarted(boolean rebuilding, List<String> processors) {
    }

    /** The group's dead-letter queue; a sequence is {@code c:<campaignId>} or {@code units}. */
    public record DeadLetters(String processingGroup, long size, List<DeadLetterSequence> sequences) {
    }

    public record DeadLetterSequence(String sequence, List<DeadLetterView> letters) {
    }

    public record DeadLetterView(String eventId, String payloadType, String timestamp, Map<String, String> metaData,
                                 String cause, String enqueuedAt, String lastTouched) {
    }

    public record RetryResult(int sequencesProcessed, int sequencesFailed, long sizeBefore, long sizeAfter) {
    }
}
