package com.campaigntracker.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The {@link Actor} behind the current request. */
public final class CurrentActor {
    private CurrentActor() {
    }

    public static Actor get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Actor.ANONYMOUS;
        }
        if (auth.getPrincipal() instanceof TrackerUserDetails details) {
            return details.actor();
        }
        if (auth.getDetails() instanceof Actor actor) {
            return actor;
        }
        return JwtActors.fromAuthentication(auth);
    }
}
