package com.campaigntracker.shared.unit;

/**
 * Events of a unit. These records are a public, versioned contract: they live forever in the event store, so
 * a rename or reshape goes through an upcaster, never an edit in place.
 */
public final class UnitEvents {
    private UnitEvents() {
    }

    public sealed interface UnitEvent permits UnitRegistered, UnitRenamed, UnitDeactivated {
        String unitId();
    }

    public record UnitRegistered(String unitId, String name, UnitType type, String district,
                                 String parentUnitId) implements UnitEvent {
    }

    public record UnitRenamed(String unitId, String previousName, String name) implements UnitEvent {
    }

    public record UnitDeactivated(String unitId, String reason) implements UnitEvent {
    }
}
