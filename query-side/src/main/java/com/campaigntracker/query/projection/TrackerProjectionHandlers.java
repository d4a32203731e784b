package com.campaigntracker.query.projection;

import com.campaigntracker.shared.activity.ActivityEvents.ActivityCorrected;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityEvent;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRecorded;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRetracted;
import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignEvent;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignLaunched;
import com.campaigntracker.shared.unit.UnitEvents.UnitEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;

/**
 * The Axon face of the projections: every event of the group lands here, is checked (an event the read model
 * cannot use throws, so it goes to the dead-letter queue and the rest keeps flowing) and queued in the batch.
 */
@ProcessingGroup(TrackerProjections.GROUP)
public class TrackerProjectionHandlers {
    private final ProjectionBatcher batcher;

    public TrackerProjectionHandlers(ProjectionBatcher batcher) {
        this.batcher = batcher;
    }

    @EventHandler
    public void on(UnitEvent event, EventMessage<?> message) {
        require(event.unitId() != null, "unitId");
        batcher.add(event, message);
    }

    @EventHandler
    public void on(CampaignEvent event, EventMessage<?> message) {
        require(event.campaignId() != null, "campaignId");
        if (event instanceof CampaignLaunched l) {
            require(l.startDate() != null && l.endDate() != null && !l.endDate().isBefore(l.startDate()),
                    "startDate/endDate");
        }
        batcher.add(event, message);
    }

    @EventHandler
    public void on(ActivityEvent event, EventMessage<?> message) {
        require(event.campaignId() != null && event.activityId() != null && event.unitId() != null,
                "campaignId/activityId/unitId");
        if (event instanceof ActivityRecorded r) {
            require(r.date() != null, "date");
            checkFigures(r.figures());
        } else if (event instanceof ActivityCorrected c) {
            require(c.date() != null && c.previousDate() != null, "date/previousDate");
            checkFigures(c.figures());
            checkFigures(c.previousFigures());
        } else if (event instanceof ActivityRetracted r) {
            require(r.date() != null, "date");
            checkFigures(r.figures());
        }
        batcher.add(event, message);
    }

    @ResetHandler
    public void reset() {
        batcher.projector().reset();
        batcher.resetCounter();
    }

    private static void checkFigures(Figures f) {
        require(f != null, "figures");
        require(f.sessions() >= 0 && f.participations() >= 0 && f.serviceHours() >= 0 && f.beneficiaries() >= 0
                && !Double.isNaN(f.serviceHours()) && !Double.isInfinite(f.serviceHours()), "figures");
    }

    private static void require(boolean ok, String field) {
        if (!ok) {
            throw new IllegalArgumentException("读模型无法处理该事件: 字段 " + field + " 缺失或无效");
        }
    }
}
