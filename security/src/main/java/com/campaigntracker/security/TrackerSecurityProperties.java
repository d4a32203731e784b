package com.campaigntracker.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Accounts and JWT claim names.
 * <pre>
 * tracker.security.users[0].username=zhang
 * tracker.security.users[0].password={bcrypt}$2a$10$…      ({noop} only in tests)
 * tracker.security.users[0].roles=COORDINATOR
 * tracker.security.users[1].roles=UNIT
 * tracker.security.users[1].unit=hd-xueyuanlu
 * tracker.security.users[2].roles=LEADER
 * tracker.security.users[2].district=海淀区
 * </pre>
 */
@ConfigurationProperties(prefix = "tracker.security")
public class TrackerSecurityProperties {
    private List<Account> users = new ArrayList<>();
    private final Jwt jwt = new Jwt();

    public List<Account> getUsers() {
        return users;
    }

    public void setUsers(List<Account> users) {
        this.users = users;
    }

    public Jwt getJwt() {
        return jwt;
    }

    public static class Account {
        private String username;
        private String password;
        private String roles = "";
        private String unit;
        private String district;

        public Set<Role> roleSet() {
            Set<Role> set = EnumSet.noneOf(Role.class);
            Arrays.stream(roles.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .map(s -> Role.valueOf(s.toUpperCase(Locale.ROOT).replaceFirst("^ROLE_", "")))
                    .forEach(set::add);
            return set;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getRoles() {
            return roles;
        }

        public void setRoles(String roles) {
            this.roles = roles == null ? "" : roles;
        }

        public String getUnit() {
            return unit;
        }

        public void setUnit(String unit) {
            this.unit = unit;
        }

        public String getDistrict() {
            return district;
        }

        public void setDistrict(String district) {
            this.district = district;
        }

        @Override
        public String toString() {
            return "Account[" + username + ", roles=" + roles + "]";
        }
    }

    /** Where the roles, unit and district of a bearer token are read from. */
    public static class Jwt {
        private String rolesClaim = "roles";
        private String unitClaim = "unit";
        private String districtClaim = "district";
        private String usernameClaim = "preferred_username";

        public String getRolesClaim() {
            return rolesClaim;
        }

        public void setRolesClaim(String rolesClaim) {
            this.rolesClaim = rolesClaim;
        }

        public String getUnitClaim() {
            return unitClaim;
        }

        public void setUnitClaim(String unitClaim) {
            this.unitClaim = unitClaim;
        }

        public String getDistrictClaim() {
            return districtClaim;
        }

        public void setDistrictClaim(String districtClaim) {
            this.districtClaim = districtClaim;
        }

        public String getUsernameClaim() {
            return usernameClaim;
        }

        public void setUsernameClaim(String usernameClaim) {
            this.usernameClaim = usernameClaim;
        }
    }
}
