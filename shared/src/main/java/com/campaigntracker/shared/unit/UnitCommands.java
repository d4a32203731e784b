package com.campaigntracker.shared.unit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands on a unit of the 文明实践 network. */
public final class UnitCommands {
    private UnitCommands() {
    }

    /** {@code parentUnitId} may be null for a 实践中心 or a unit hanging directly off the district. */
    public record RegisterUnit(@TargetAggregateIdentifier String unitId, String name, UnitType type,
                               String district, String parentUnitId) {
    }

    public record RenameUnit(@TargetAggregateIdentifier String unitId, String name) {
    }

    public record DeactivateUnit(@TargetAggregateIdentifier String unitId, String reason) {
    }
}
