package com.campaigntracker.shared.campaign;

import com.campaigntracker.shared.unit.UnitType;
import com.campaigntracker.shared.validation.Bounds;
import com.campaigntracker.shared.validation.ClientId;
import com.campaigntracker.shared.validation.Day;
import com.campaigntracker.shared.validation.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.Set;

/** Commands of a coordinator on a campaign, and a unit's 报到 / withdrawal. */
public final class CampaignCommands {
    private CampaignCommands() {
    }

    /** {@code district} null means city-wide; no {@code targets} means none. */
    public record LaunchCampaign(@TargetAggregateIdentifier @ClientId String campaignId,
                                 @Text(max = Bounds.TITLE_MAX, required = true) String title,
                                 @Text(max = Bounds.THEME_MAX) String theme,
                                 @Text(max = Bounds.DESCRIPTION_MAX, multiline = true) String description,
                                 @Text(max = Bounds.DISTRICT_MAX, blank = false) String district,
                                 Set<@NotNull(message = "不能包含空值") UnitType> eligibleUnitTypes,
                                 @Day LocalDate startDate, @Day LocalDate endDate, @Valid Targets targets) {
    }

    /** Fields left null keep their value. */
    public record ReviseCampaign(@TargetAggregateIdentifier @ClientId String campaignId,
                                 @Text(max = Bounds.TITLE_MAX, blank = false) String title,
                                 @Text(max = Bounds.DESCRIPTION_MAX, multiline = true) String description,
                                 @Valid Targets targets) {
    }

    public record ExtendCampaign(@TargetAggregateIdentifier @ClientId String campaignId, @Day LocalDate endDate) {
    }

    public record CloseCampaign(@TargetAggregateIdentifier @ClientId String campaignId) {
    }

    public record CancelCampaign(@TargetAggregateIdentifier @ClientId String campaignId,
                                 @Text(max = Bounds.REASON_MAX, required = true, multiline = true) String reason) {
    }

    /** 报到: a unit reports in to a campaign. Repeating it is a harmless no-op. */
    public record EnrollUnit(@TargetAggregateIdentifier @ClientId String campaignId, @ClientId String unitId) {
    }

    public record WithdrawUnit(@TargetAggregateIdentifier @ClientId String campaignId, @ClientId String unitId) {
    }
}
