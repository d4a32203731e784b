package com.campaigntracker.shared.activity;

import org.axonframework.serialization.Revision;

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

    /**
     * A unit reported an activity.
     * <p>Revision history (stored {@code payloadRevision}):
     * <ul>
     *   <li>{@code null} — release 0.x. Early builds of that release named the place served {@code place}; later
     *   ones already wrote {@code site}. Both forms are still in users' stores.</li>
     *   <li>{@code "2"} — the place served is always {@code site}. {@link ActivityRecordedUpcaster} turns every revision-null payload into this form when it is read,
     *   so aggregates and projections only ever see revision 2.</li>
     * </ul>
     */
    @Revision(ActivityRecordedUpcaster.REVISION)
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
