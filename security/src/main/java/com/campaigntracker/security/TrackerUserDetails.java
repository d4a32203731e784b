package com.campaigntracker.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;

/** An account known to this installation (configured, or the first-run admin). */
public record TrackerUserDetails(Actor actor, String passwordHash) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return actor.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public String toString() {
        // never print the hash
        return "TrackerUserDetails[" + actor + "]";
    }
}
