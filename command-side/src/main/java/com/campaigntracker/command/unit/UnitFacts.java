package com.campaigntracker.command.unit;

import com.campaigntracker.shared.unit.UnitType;

/** What other aggregates may know about a unit: folded from the unit's own stream by {@link UnitLookup}. */
public record UnitFacts(String unitId, String name, UnitType type, String district, String parentUnitId,
                        boolean active) {
}
