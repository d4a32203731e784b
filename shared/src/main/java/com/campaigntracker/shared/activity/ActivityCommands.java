package com.campaigntracker.shared.activity;

import com.campaigntracker.shared.validation.Bounds;
import com.campaigntracker.shared.validation.ClientId;
import com.campaigntracker.shared.validation.Day;
import com.campaigntracker.shared.validation.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A unit records, corrects or retracts what it did. Activities are never deleted. */
public final class ActivityCommands {
    private ActivityCommands() {
    }

    /** Repeating the exact same command is an idempotent retry; the same id with other content is a conflict. */
    public record RecordActivity(@ClientId String campaignId, @ClientId String activityId, @ClientId String unitId,
                                 @Day LocalDate date,
                                 @Text(max = Bounds.TITLE_MAX, required = true) String title,
                                 @Text(max = Bounds.CATEGORY_MAX) String category,
                                 @Text(max = Bounds.SITE_MAX) String site,
                                 @NotNull(message = Bounds.MISSING) @Valid Figures figures,
                                 @Text(max = Bounds.NOTES_MAX, multiline = true) String notes) {
        @TargetAggregateIdentifier
        public String streamId() {
            return ActivityKey.of(campaignId, activityId);
        }
    }

    /** A correction replaces the activity's content; a reason is required. */
    public record CorrectActivity(@ClientId String campaignId, @ClientId String activityId, @Day LocalDate date,
                                  @Text(max = Bounds.TITLE_MAX, required = true) String title,
                                  @Text(max = Bounds.CATEGORY_MAX) String category,
                                  @Text(max = Bounds.SITE_MAX) String site,
                                  @NotNull(message = Bounds.MISSING) @Valid Figures figures,
                                  @Text(max = Bounds.NOTES_MAX, multiline = true) String notes,
                                  @Text(max = Bounds.REASON_MAX, required = true, multiline = true) String reason) {
        @TargetAggregateIdentifier
        public String streamId() {
            return ActivityKey.of(campaignId, activityId);
        }
    }

    public record RetractActivity(@ClientId String campaignId, @ClientId String activityId,
                                  @Text(max = Bounds.REASON_MAX, required = true, multiline = true) String reason) {
        @TargetAggregateIdentifier
        public String streamId() {
            return ActivityKey.of(campaignId, activityId);
        }
    }
}
