package com.campaigntracker.query.units;

import org.bson.codecs.pojo.annotations.BsonId;

import java.util.ArrayList;
import java.util.List;

/**
 * {@value #COLLECTION}: a unit and its place in the hierarchy, keyed by unit id. A parent registered after its
 * child exists first with its sorted child ids only (a parent's fan-out is bounded by the network's size).
 *
 * @param type the unit type's Chinese label
 */
public record UnitDocument(@BsonId String unitId, String name, String type, String district, String parentId,
                           List<String> childIds, Boolean active, String deactivationReason, String registeredAt) {
    public static final String COLLECTION = "rm_units";
    /** Field names the directory filters on (what the indexes cover). */
    static final String NAME = "name";
    static final String TYPE = "type";
    static final String DISTRICT = "district";
    static final String PARENT_ID = "parentId";

    public UnitDocument {
        childIds = childIds == null ? new ArrayList<>() : new ArrayList<>(childIds);
    }

    /** A unit known only as the parent of units registered before it. */
    static UnitDocument placeholder(String unitId) {
        return new UnitDocument(unitId, null, null, null, null, null, null, null, null);
    }

    /** Registered (a placeholder parent is not, until its own registration arrives). */
    public boolean registered() {
        return name != null;
    }

    public boolean isActive() {
        return active == null || active;
    }

    UnitDocument renamed(String newName) {
        return new UnitDocument(unitId, newName, type, district, parentId, childIds, active, deactivationReason,
                registeredAt);
    }

    UnitDocument deactivated(String reason) {
        return new UnitDocument(unitId, name, type, district, parentId, childIds, false, reason, registeredAt);
    }
}
