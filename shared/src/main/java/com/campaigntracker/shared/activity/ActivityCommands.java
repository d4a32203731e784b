package com.campaigntracker.shared.activity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A unit records, corrects or retracts what it did. Activities are never deleted. */
public final class ActivityCommands {
    private ActivityCommands() {
    }

    /** Repeating the exact same command is an idempotent retry; the same id with other content is a conflict. */
    public record RecordActivity(String campaignId, String activityId, String unitId, LocalDate date,
                                 String title, String category, String site, Figures figures, String notes) {
        @TargetAggregateIdentifier
        public String streamId() {
            return ActivityKey.of(campaignId, activityId);
        }
    }

    /** A correction replaces the activity's content; a reason is required. */
    public record CorrectActivity(String campaignId, String activityId, LocalDate date, String title,
                                  String category, String site, Figures figures, String notes, String reason) {
        @TargetAggregateIdentifier
        public String streamId() {
            return ActivityKey.of(campaignId, activityId);
        }
    }

    public record RetractActivity(String campaignId, String activityId, String reason) {
        @TargetAggregateIdentifier
        public String streamId() {
            return ActivityKey.of(campaignId, activityId);
        }
    }
}
