package com.campaigntracker.command.unit;

import java.util.HashSet;
import java.util.Set;

/**
 * A unit account acts for its own unit and for the units below it (a 实践所 may enter its 实践站's reports);
 * coordinators, admins and trusted in-process callers act for any unit. Checked where the target unit is known,
 * so a unit can never record, correct, retract, enrol or withdraw for another (object-level authorisation).
 */
public final class ActingUnitPolicy {
    public static final String UNIT_ROLE = "UNIT";

    private ActingUnitPolicy() {
    }

    /**
     * @param role       the acting account's role (command metadata), null for in-process callers
     * @param actingUnit the unit a unit account is bound to (command metadata)
     * @param targetUnit the unit the command acts for
     */
    public static void requireMayActFor(String role, String actingUnit, String targetUnit, UnitLookup units) {
        if (!mayActFor(role, actingUnit, targetUnit, units)) {
            throw new NotYourUnit(actingUnit, targetUnit);
        }
    }

    /** Whether the account may act for {@code targetUnit}, for callers that refuse with a rule of their own. */
    public static boolean mayActFor(String role, String actingUnit, String targetUnit, UnitLookup units) {
        if (!UNIT_ROLE.equals(role)) {
            return true;
        }
        Set<String> seen = new HashSet<>();
        for (String u = targetUnit; u != null && seen.add(u); u = units.find(u).map(UnitState::parentUnitId).orElse(null)) {
            if (u.equals(actingUnit)) {
                return true;
            }
        }
        return false;
    }
}
