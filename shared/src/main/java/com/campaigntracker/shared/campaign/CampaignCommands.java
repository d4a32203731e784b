package com.campaigntracker.shared.campaign;

import com.campaigntracker.shared.unit.UnitType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Set;

/** Commands of a coordinator on a campaign, and a unit's 报到 / withdrawal. */
public final class CampaignCommands {
    private CampaignCommands() {
    }

    /** {@code district} null means city-wide. */
    public record LaunchCampaign(@TargetAggregateIdentifier String campaignId, String title, String theme,
                                 String description, String district, Set<UnitType> eligibleUnitTypes,
                                 LocalDate startDate, LocalDate endDate, Targets targets) {
    }

    public record ReviseCampaign(@TargetAggregateIdentifier String campaignId, String title, String description,
                                 Targets targets) {
    }

    public record ExtendCampaign(@TargetAggregateIdentifier String campaignId, LocalDate endDate) {
    }

    public record CloseCampaign(@TargetAggregateIdentifier String campaignId) {
    }

    public record CancelCampaign(@TargetAggregateIdentifier String campaignId, String reason) {
    }

    /** 报到: a unit reports in to a campaign. Repeating it is a harmless no-op. */
    public record EnrollUnit(@TargetAggregateIdentifier String campaignId, String unitId) {
    }

    public record WithdrawUnit(@TargetAggregateIdentifier String campaignId, String unitId) {
    }
}
