package com.campaigntracker.security;

import java.util.Set;

/**
 * Who is acting: the authenticated account, however it authenticated (form login, HTTP Basic or JWT).
 *
 * @param username the account name, recorded on every event for the audit trail
 * @param roles    its roles
 * @param unitId   for {@link Role#UNIT}: the unit it acts for (and the units below it); else null
 * @param district for a district-scoped {@link Role#LEADER}: the only district it sees; else null
 */
public record Actor(String username, Set<Role> roles, String unitId, String district) {

    public static final Actor ANONYMOUS = new Actor("anonymous", Set.of(), null, null);

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** May act for any unit: coordinators and admins. */
    public boolean actsForAnyUnit() {
        return has(Role.COORDINATOR) || has(Role.ADMIN);
    }

    /** The role recorded in the audit trail: the most powerful one the account holds. */
    public String primaryRole() {
        for (Role r : new Role[]{Role.ADMIN, Role.COORDINATOR, Role.UNIT, Role.LEADER, Role.MONITOR}) {
            if (roles.contains(r)) {
                return r.name();
            }
        }
        return "ANONYMOUS";
    }
}
