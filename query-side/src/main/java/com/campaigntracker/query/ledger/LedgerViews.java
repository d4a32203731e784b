package com.campaigntracker.query.ledger;

import com.campaigntracker.shared.activity.ActivityEvents.ActivityCorrected;
import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRecorded;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRetracted;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignCancelled;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignClosed;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignExtended;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignLaunched;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignRevised;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitEnrolled;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitWithdrawn;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The answers of the ledger endpoints. */
public final class LedgerViews {
    private LedgerViews() {
    }

    /** A page of 活动台账; {@code total} is null when the scan was {@code truncated}. */
    public record ActivityPage(String campaignId, String unitId, int page, int size, Long total, boolean hasMore,
                               boolean truncated, List<ActivityView> items) {
    }

    public record ActivityView(String activityId, String unitId, String date, String title, String category,
                               String site, String notes, ActivityFigures figures, boolean retracted,
                               String retractionReason, String recordedAt, String recordedBy, String updatedAt,
                               long corrections, List<ActivityChange> history) {
    }

    /** An activity's figures, as stored in its ledger document and answered. */
    public record ActivityFigures(long sessions, long participations, double serviceHours, long beneficiaries) {
        static ActivityFigures of(Figures f) {
            return new ActivityFigures(f.sessions(), f.participations(), f.serviceHours(), f.beneficiaries());
        }
    }

    /** One step of an activity's own history: RECORDED, CORRECTED (with what it was) or RETRACTED (why). */
    public record ActivityChange(String type, String at, String user, String role, Long sequence, String date,
                                 ActivityFigures figures,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String previousDate,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) ActivityFigures previousFigures,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
    }

    /** A page of 审计记录: every event of the campaign and its activities. */
    public record HistoryPage(String campaignId, long total, int page, int size, boolean hasMore,
                              List<HistoryItem> items,
                              @Schema(description = "filtered or cursor pages: pass as before for the next (older) "
                                      + "page; null when there is none, and for pages by number")
                              Long nextBefore) {
    }

    /** One event: who, when, which stream and sequence, and its content ({@code payload}, the event's fields). */
    public record HistoryItem(long n, String type, String at, String day, String user, String role, String streamId,
                              Long sequence, String eventId, String activityId, String unitId,
                              @Schema(description = "the event's own fields", oneOf = {CampaignLaunched.class,
                                      CampaignRevised.class, CampaignExtended.class, CampaignClosed.class,
                                      CampaignCancelled.class, UnitEnrolled.class, UnitWithdrawn.class,
                                      ActivityRecorded.class, ActivityCorrected.class, ActivityRetracted.class})
                              Object payload) {
    }
}
