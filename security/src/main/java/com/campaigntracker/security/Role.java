package com.campaigntracker.security;

/** What an account may do. */
public enum Role {
    /** Registers units; launches, revises, extends, closes and cancels campaigns; may act for any unit. */
    COORDINATOR,
    /** Bound to one unit; reports in and records for that unit and the units below it. */
    UNIT,
    /** Reads only, optionally within one district. */
    LEADER,
    /** Projection rebuild, dead letters, and everything a coordinator may do. */
    ADMIN,
    /** Scrapes {@code /actuator/prometheus} and nothing else: no API, no data (README "Metrics"). */
    MONITOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
