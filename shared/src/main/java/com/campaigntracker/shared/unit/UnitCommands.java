package com.campaigntracker.shared.unit;

import com.campaigntracker.shared.validation.Bounds;
import com.campaigntracker.shared.validation.ClientId;
import com.campaigntracker.shared.validation.Text;
import jakarta.validation.constraints.NotNull;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands on a unit of the 文明实践 network. */
public final class UnitCommands {
    private UnitCommands() {
    }

    /** {@code parentUnitId} may be null for a 实践中心 or a unit hanging directly off the district. */
    public record RegisterUnit(@TargetAggregateIdentifier @ClientId String unitId,
                               @Text(max = Bounds.UNIT_NAME_MAX, required = true) String name,
                               @NotNull(message = Bounds.MISSING) UnitType type,
                               @Text(max = Bounds.DISTRICT_MAX, required = true) String district,
                               @ClientId(optional = true) String parentUnitId) {
    }

    public record RenameUnit(@TargetAggregateIdentifier @ClientId String unitId,
                             @Text(max = Bounds.UNIT_NAME_MAX, required = true) String name) {
    }

    public record DeactivateUnit(@TargetAggregateIdentifier @ClientId String unitId,
                                 @Text(max = Bounds.REASON_MAX, multiline = true) String reason) {
    }
}
