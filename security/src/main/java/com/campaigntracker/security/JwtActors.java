package com.campaigntracker.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns a verified bearer token into an authentication whose details are the {@link Actor}. */
final class JwtActors implements Converter<Jwt, AbstractAuthenticationToken> {
    private final TrackerSecurityProperties.Jwt claims;

    JwtActors(TrackerSecurityProperties.Jwt claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = rolesOf(jwt.getClaim(claims.getRolesClaim()));
        String username = jwt.hasClaim(claims.getUsernameClaim())
                ? jwt.getClaimAsString(claims.getUsernameClaim()) : jwt.getSubject();
        Actor actor = new Actor(username, roles, jwt.getClaimAsString(claims.getUnitClaim()),
                jwt.getClaimAsString(claims.getDistrictClaim()));
        List<GrantedAuthority> authorities = roles.stream()
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        JwtAuthenticationToken token = new JwtAuthenticationToken(jwt, authorities, username);
        token.setDetails(actor);
        return token;
    }

    /** Accepts a JSON array or a comma/space separated string; unknown role names are ignored. */
    private static Set<Role> rolesOf(Object claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Collection<?> names = claim instanceof Collection<?> c ? c
                : claim == null ? List.of() : List.of(claim.toString().split("[,\\s]+"));
        for (Object name : names) {
            String n = name.toString().trim().toUpperCase(Locale.ROOT).replaceFirst("^ROLE_", "");
            for (Role r : Role.values()) {
                if (r.name().equals(n)) {
                    roles.add(r);
                }
            }
        }
        return roles;
    }

    /** For an authentication of another kind: name and role authorities only. */
    static Actor fromAuthentication(Authentication auth) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority a : auth.getAuthorities()) {
            for (Role r : Role.values()) {
                if (r.authority().equals(a.getAuthority())) {
                    roles.add(r);
                }
            }
        }
        return new Actor(auth.getName(), roles, null, null);
    }
}
