package com.campaigntracker.shared.unit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/**
 * The kinds of unit in the 文明实践 network. Serialized by their Chinese label, which is what users type and
 * what the event store keeps.
 */
public enum UnitType {
    PRACTICE_CENTER("实践中心"),
    PRACTICE_INSTITUTE("实践所"),
    PRACTICE_STATION("实践站"),
    PRACTICE_BASE("实践基地"),
    VOLUNTEER_TEAM("志愿服务队"),
    CIVILIZED_UNIT("文明单位"),
    DISTRICT_AGENCY("区直单位");

    private final String label;

    UnitType(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Accepts the Chinese label or the English constant name; null for anything else. */
    @JsonCreator
    public static UnitType fromLabel(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(values())
                .filter(t -> t.label.equals(value) || t.name().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("未知的单位类型: " + value));
    }

    /**
     * Which parent types make sense in the hierarchy: a 实践站 sits under a 实践所, a 实践所 under a 实践中心;
     * bases, teams and civilised units hang off a station, an institute or the centre (or nothing).
     */
    public boolean acceptsParent(UnitType parent) {
        return switch (this) {
            case PRACTICE_CENTER -> parent == null;
            case PRACTICE_INSTITUTE -> parent == PRACTICE_CENTER;
            case PRACTICE_STATION -> parent == PRACTICE_INSTITUTE;
            case PRACTICE_BASE, VOLUNTEER_TEAM, CIVILIZED_UNIT ->
                    parent == null || parent == PRACTICE_CENTER || parent == PRACTICE_INSTITUTE
                            || parent == PRACTICE_STATION;
            case DISTRICT_AGENCY -> parent == null || parent == PRACTICE_CENTER;
        };
    }
}
