package com.campaigntracker.shared.activity;

import java.time.LocalDate;

/**
 * Events of one activity's stream. Every event repeats the campaign and unit ids so projections never need to
 * look them up. A public, versioned contract: reshape only through upcasters.
 */
public final class ActivityEvents {
    private ActivityEvents() {
    }

    public sealed interface ActivityEvent permits ActivityRecorded, ActivityCorrected, ActivityRetracted {
        String campaignId();

        String activityId();

        String unitId();
    }

    public record ActivityRecorded(String campaignId, String activityId, String unitId, LocalDate date,
                                   String title, String category, String site, Figures figures, String notes)
            implements ActivityEvent {
    }

    /** Carries the full new content and the figures it replaces, so a projection can apply the difference. */
    public record ActivityCorrected(String campaignId, String activityId, String unitId, LocalDate date,
                                    String title, String category, String site, Figures figures, String notes,
                                    Figures previousFigures, LocalDate previousDate, String reason)
            implements ActivityEvent {
    }

    public record ActivityRetracted(String campaignId, String activityId, String unitId, LocalDate date,
                                    Figures figures, String reason) implements ActivityEvent {
    }
}
