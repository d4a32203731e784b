package com.campaigntracker.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import java.util.function.Supplier;

/**
 * The session's sign-in counts only for requests without an {@code Authorization} header: such a request is
 * authenticated by its header or not at all (a bogus {@code Bearer x} next to a session cookie is anonymous, a wrong
 * Basic password for the signed-in account is refused). That is what makes skipping the CSRF check for them safe.
 */
final class SessionUnlessAuthorizationHeader implements SecurityContextRepository {
    private final SecurityContextRepository session = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    static SecurityContextRepository create() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new SessionUnlessAuthorizationHeader());
    }

    static boolean carriesCredentials(HttpServletRequest request) {
        return request.getHeader("Authorization") != null;
    }

    @Override
    public org.springframework.security.core.context.DeferredSecurityContext loadDeferredContext(
            HttpServletRequest request) {
        if (!carriesCredentials(request)) {
            return session.loadDeferredContext(request);
        }
        Supplier<SecurityContext> empty = holder::createEmptyContext;
        return new org.springframework.security.core.context.DeferredSecurityContext() {
            @Override
            public SecurityContext get() {
                return empty.get();
            }

            @Override
            public boolean isGenerated() {
                return true;
            }
        };
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return carriesCredentials(holder.getRequest()) ? this.holder.createEmptyContext() : session.loadContext(holder);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        if (!carriesCredentials(request)) {
            session.saveContext(context, request, response);
        }
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return !carriesCredentials(request) && session.containsContext(request);
    }
}
