package com.campaigntracker.command.unit;

import com.campaigntracker.shared.unit.UnitEvents.UnitDeactivated;
import com.campaigntracker.shared.unit.UnitEvents.UnitEvent;
import com.campaigntracker.shared.unit.UnitEvents.UnitRegistered;
import com.campaigntracker.shared.unit.UnitEvents.UnitRenamed;
import com.campaigntracker.shared.unit.UnitType;

/**
 * A unit's state, folded from its own stream: the one fold behind both the {@link Unit} aggregate and
 * {@link UnitLookup} (what other aggregates may know about a unit).
 */
public record UnitState(String unitId, String name, UnitType type, String district, String parentUnitId,
                        boolean active) {

    /**
     * The state after {@code event}.
     *
     * @param state null before the registration
     */
    public static UnitState fold(UnitState state, UnitEvent event) {
        if (event instanceof UnitRegistered e) {
            return new UnitState(e.unitId(), e.name(), e.type(), e.district(), e.parentUnitId(), true);
        }
        if (state == null) {
            return null;
        }
        if (event instanceof UnitRenamed e) {
            return new UnitState(state.unitId, e.name(), state.type, state.district, state.parentUnitId,
                    state.active);
        }
        if (event instanceof UnitDeactivated) {
            return new UnitState(state.unitId, state.name, state.type, state.district, state.parentUnitId, false);
        }
        throw new IllegalArgumentException("unit event not folded: " + event.getClass().getName());
    }
}
