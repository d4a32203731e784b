package com.campaigntracker.command.service;

import com.campaigntracker.command.unit.UnitInactive;
import com.campaigntracker.command.unit.UnitLookup;
import com.campaigntracker.command.unit.UnitState;
import com.campaigntracker.security.ServiceOrderProperties;
import com.campaigntracker.shared.unit.UnitType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules the menu and the orders share, each named after what it guards. */
final class ServicePolicies {
    /** The list of who serves: 实践中心, 所, 基地, 志愿服务队, 区直单位. */
    static final Set<UnitType> PROVIDER_TYPES = EnumSet.of(UnitType.PRACTICE_CENTER, UnitType.PRACTICE_INSTITUTE,
            UnitType.PRACTICE_BASE, UnitType.VOLUNTEER_TEAM, UnitType.DISTRICT_AGENCY);
    /** 实践站 order for their residents; a 所 may order for its own area too. */
    static final Set<UnitType> REQUESTER_TYPES = EnumSet.of(UnitType.PRACTICE_STATION, UnitType.PRACTICE_INSTITUTE);

    private ServicePolicies() {
    }

    /** The provider exists, is active and is of a kind that serves. */
    static UnitState eligibleProvider(String field, String unitId, UnitLookup units) {
        UnitState unit = units.require(field, unitId);
        if (!unit.active()) {
            throw new UnitInactive(field, unitId);
        }
        if (!PROVIDER_TYPES.contains(unit.type())) {
            throw new UnitCannotProvide(field, unitId, unit.type());
        }
        return unit;
    }

    /** The ordering unit exists, is active and is a 实践站 or 实践所. */
    static UnitState eligibleRequester(String unitId, UnitLookup units) {
        UnitState unit = units.require("requestingUnitId", unitId);
        if (!unit.active()) {
            throw new UnitInactive("requestingUnitId", unitId);
        }
        if (!REQUESTER_TYPES.contains(unit.type())) {
            throw new UnitCannotOrder(unitId, unit.type());
        }
        return unit;
    }

    /** The category is one of {@code tracker.service-orders.categories}. */
    static void listedCategory(String category, ServiceOrderProperties settings) {
        if (!settings.getCategories().contains(category)) {
            throw new UnknownServiceCategory(category, settings.getCategories());
        }
    }

    /** The units above {@code unit}, nearest first: who reviews and dispatches its orders. */
    static List<String> unitsAbove(UnitState unit, UnitLookup units) {
        List<String> above = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(unit.unitId()));
        for (String u = unit.parentUnitId(); u != null && seen.add(u);
             u = units.find(u).map(UnitState::parentUnitId).orElse(null)) {
            above.add(u);
        }
        return above;
    }
}
