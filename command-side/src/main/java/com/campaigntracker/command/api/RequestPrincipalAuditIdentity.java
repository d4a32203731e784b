package com.campaigntracker.command.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.security.Principal;
import java.util.List;
import java.util.Optional;

/** The principal of the current HTTP request (Spring Security's request wrapper supplies it once enabled). */
@Component
public class RequestPrincipalAuditIdentity implements AuditIdentityResolver {
    /** Roles checked in this order; the first one the user has is recorded. */
    static final List<String> ROLES = List.of("ADMIN", "COORDINATOR", "UNIT", "LEADER");

    @Override
    public Optional<Actor> current() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        HttpServletRequest request = attributes.getRequest();
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            return Optional.empty();
        }
        String role = ROLES.stream().filter(request::isUserInRole).findFirst().orElse("AUTHENTICATED");
        return Optional.of(new Actor(principal.getName(), role));
    }
}
