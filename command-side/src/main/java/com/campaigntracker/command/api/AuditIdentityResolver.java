package com.campaigntracker.command.api;

import java.util.Optional;

/**
 * Who issues the current command. The default reads the servlet request's principal; the security work may
 * declare a {@code @Primary} bean of its own.
 */
public interface AuditIdentityResolver {

    record Actor(String user, String role) {
    }

    /** The authenticated actor of the current request, empty when there is none. */
    Optional<Actor> current();
}
