package com.campaigntracker.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Sign-ins by password (form login and HTTP Basic): refused with 429 and {@code Retry-After} while
 * {@link LoginThrottle} says so (the form goes back to the login page with {@code ?locked}), written to the log
 * (failures always, a success once per account and address per {@link #QUIET}) and counted in the metric
 * {@code tracker.logins} by {@code outcome} (success, failure, throttled, busy).
 */
final class LoginProtection extends OncePerRequestFilter {
    static final URI THROTTLED = URI.create("https://campaign-tracker/problems/login-throttled");
    private static final Logger LOG = LoggerFactory.getLogger(LoginProtection.class);
    /** Basic clients authenticate on every request: one success line per account and address per this. */
    private static final Duration QUIET = Duration.ofMinutes(10);

    private final LoginThrottle throttle;
    private final ProblemResponses problems;
    private final ObjectProvider<MeterRegistry> metrics;
    private final Cache<String, Boolean> recentSuccesses =
            Caffeine.newBuilder().expireAfterWrite(QUIET).maximumSize(10_000).build();

    LoginProtection(LoginThrottle throttle, ProblemResponses problems, ObjectProvider<MeterRegistry> metrics) {
        this.throttle = throttle;
        this.problems = problems;
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = isFormLogin(request);
        String username = form ? request.getParameter("username") : basicUsername(request);
        Optional<Duration> wait = username == null ? Optional.empty()
                : throttle.blocked(username, request.getRemoteAddr());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        LOG.warn("login refused, too many failures: account={} address={} retryAfter={}s", printable(username),
                request.getRemoteAddr(), seconds);
        count("throttled");
        response.setHeader("Retry-After", String.valueOf(seconds));
        if (form) {
            response.sendRedirect(request.getContextPath() + SecurityConfiguration.LOGIN_PAGE + "?locked=" + seconds);
            return;
        }
        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, THROTTLED, "登录尝试过多",
                "该账号或该地址登录失败次数过多，已暂时锁定，请 " + seconds + " 秒后重试");
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        if (!(auth instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        String address = address(auth);
        throttle.succeeded(auth.getName());
        count("success");
        if (recentSuccesses.asMap().putIfAbsent(auth.getName() + "\u0000" + address, Boolean.TRUE) == null) {
            LOG.info("login succeeded: account={} address={}", printable(auth.getName()), address);
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication auth = event.getAuthentication();
        if (!(auth instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        String address = address(auth);
        if (event.getException() instanceof GuardedPasswordEncoder.BusyException) {
            count("busy");
            LOG.warn("login not checked, password checks saturated: account={} address={}",
                    printable(auth.getName()), address);
            return;
        }
        throttle.failed(auth.getName(), address);
        count("failure");
        LOG.warn("login failed: account={} address={} reason={}", printable(auth.getName()), address,
                event.getException().getClass().getSimpleName());
    }

    private void count(String outcome) {
        MeterRegistry registry = metrics.getIfAvailable();
        if (registry != null) {
            registry.counter("tracker.logins", "outcome", outcome).increment();
        }
    }

    private static boolean isFormLogin(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && "/login".equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    private static String basicUsername(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String address(Authentication auth) {
        return auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    }

    /** A name as typed by anyone: no line breaks or control characters into the log, and not too long. */
    private static String printable(String name) {
        if (name == null) {
            return "-";
        }
        String s = name.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
