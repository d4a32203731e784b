package com.campaigntracker.query.me;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/me}: who is signed in and what the UI may offer. The server stays the authority; the UI only
 * hides what would be refused.
 *
 * @param role        the account's most powerful role (ADMIN, COORDINATOR, UNIT, LEADER, MONITOR)
 * @param unit        for a UNIT account: its unit (null when the directory does not hold it); else null
 * @param district    the only district the account reads (a district leader's, a unit account's unit's); null: all
 * @param actsFor     the units it may report in and record for: its unit and the units below it (a 实践所 and its
 *                    实践站); empty for accounts that act for any unit or none
 * @param permissions what the server's authorization rules let the account do
 */
public record MeView(String username, String role, MeUnit unit, String district, List<MeUnit> actsFor,
                     Set<Permission> permissions) {

    /** A unit the account is bound to or acts for. */
    @Schema(name = "MeUnit")
    public record MeUnit(String unitId, String name, String type, String district, String parentUnitId,
                         boolean active) {
    }
}
