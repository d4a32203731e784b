package com.campaigntracker.security;

import com.campaigntracker.eventstore.TrackerMongo;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;


/**
 * Who may do what. The UI signs in with a form (session + CSRF cookie for its fetch calls); API clients use
 * HTTP Basic or a bearer JWT (when {@code spring.security.oauth2.resourceserver.jwt.*} is configured) and need
 * no CSRF token, since neither credential is sent by a browser on its own. Object-level rules — a unit acts
 * only for itself and the units below it, a district leader sees only its district — are enforced where the
 * objects are known (command handlers, query handlers), from {@link CurrentActor}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({TrackerSecurityProperties.class, ServiceOrderProperties.class})
@org.springframework.context.annotation.Import({ProblemErrorController.class, WebOperationsConfiguration.class,
        ContainerConfiguration.class, CsrfTokenController.class, PasswordChange.class})
@org.springframework.context.annotation.PropertySource("classpath:tracker-web-defaults.properties")
public class SecurityConfiguration {
    static final String LOGIN_PAGE = "/login.html";

    /** The bound on expensive reads at once, shared by the request filter and the query side. */
    @Bean
    ExpensiveQueries expensiveQueries(
            @org.springframework.beans.factory.annotation.Value("${tracker.limits.expensive-query-concurrency:4}")
            int concurrency) {
        return new ExpensiveQueries(concurrency);
    }

    /** Body size and expensive-query limits, ahead of authentication (README "Limits"). */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<RequestLimitsFilter> requestLimitsFilter(
            @org.springframework.beans.factory.annotation.Value("${tracker.limits.max-body-size:256KB}")
            org.springframework.util.unit.DataSize maxBody,
            @org.springframework.beans.factory.annotation.Value("${tracker.limits.max-drain-size:8MB}")
            org.springframework.util.unit.DataSize maxDrain,
            ExpensiveQueries expensiveQueries, ObjectMapper json,
            @org.springframework.beans.factory.annotation.Value("${tracker.limits.body-deadline:15s}")
            java.time.Duration bodyDeadline,
            @org.springframework.beans.factory.annotation.Value("${tracker.limits.max-import-size:32MB}")
            org.springframework.util.unit.DataSize maxImport) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new RequestLimitsFilter(maxBody, maxDrain, bodyDeadline, expensiveQueries, new ProblemResponses(json))
                        .withImportLimit(maxImport));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Password checks bounded in concurrency, correct Basic credentials remembered briefly (README "Accounts"). */
    @Bean
    PasswordEncoder passwordEncoder(
            @org.springframework.beans.factory.annotation.Value("${tracker.security.login.concurrent-hashes:2}")
            int hashes,
            @org.springframework.beans.factory.annotation.Value("${tracker.security.login.hash-wait:2s}")
            java.time.Duration wait,
            @org.springframework.beans.factory.annotation.Value("${tracker.security.login.remember-credentials:5m}")
            java.time.Duration remember) {
        return new GuardedPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(), hashes, wait,
                remember);
    }

    @Bean
    LoginProtection loginProtection(
            @org.springframework.beans.factory.annotation.Value("${tracker.security.login.max-failures-per-account:10}")
            int perAccount,
            @org.springframework.beans.factory.annotation.Value("${tracker.security.login.max-failures-per-address:30}")
            int perAddress,
            @org.springframework.beans.factory.annotation.Value("${tracker.security.login.lockout:5m}")
            java.time.Duration lockout,
            ObjectMapper json, ObjectProvider<io.micrometer.core.instrument.MeterRegistry> metrics) {
        return new LoginProtection(new LoginThrottle(perAccount, perAddress, lockout, java.time.Clock.systemUTC()),
                new ProblemResponses(json), metrics);
    }

    /** Runs inside the security chain only (added there), not as a servlet filter of its own. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<LoginProtection> loginProtectionRegistration(
            LoginProtection filter) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    AccountDirectory accountDirectory(TrackerSecurityProperties props, TrackerMongo mongo, PasswordEncoder encoder,
                                      com.campaigntracker.eventstore.TrackerMongoProperties store) {
        return new AccountDirectory(props.getUsers(), mongo.database().getCollection("accounts"), encoder,
                System.out, java.nio.file.Path.of(store.dataDir()));
    }

    @Bean
    SecurityFilterChain trackerSecurityFilterChain(HttpSecurity http, ObjectMapper json,
                                                   TrackerSecurityProperties props,
                                                   ObjectProvider<JwtDecoder> jwtDecoder,
                                                   LoginProtection loginProtection,
                                                   PasswordChange passwordChange) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        AuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE);
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            if (e instanceof GuardedPasswordEncoder.BusyException) {
                response.setHeader("Retry-After", "1");
                problems.write(request, response, org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                        java.net.URI.create("https://campaign-tracker/problems/login-busy"), "服务繁忙",
                        "同时进行的登录校验已达上限，请 1 秒后重试");
            } else if (wantsHtml(request)) {
                loginPage.commence(request, response, e);
            } else {
                problems.unauthenticated(request, response);
            }
        };
        String[] writers = {Role.COORDINATOR.name(), Role.ADMIN.name()};
        String[] reporters = {Role.COORDINATOR.name(), Role.ADMIN.name(), Role.UNIT.name()};
        // every role but MONITOR, which reads metrics and nothing else (README "Metrics")
        String[] readers = {Role.COORDINATOR.name(), Role.ADMIN.name(), Role.UNIT.name(), Role.LEADER.name()};

        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(LOGIN_PAGE, "/login", "/favicon.ico", "/error", CsrfTokenController.PATH,
                        PasswordChange.PAGE,
                        "/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator/prometheus").hasAnyRole(Role.ADMIN.name(), Role.MONITOR.name())
                .requestMatchers("/api/admin/**", "/actuator/**").hasRole(Role.ADMIN.name())
                // 简报: coordinators and leaders draft and read; whether a leader may issue is the controller's call
                .requestMatchers("/api/briefings", "/api/briefings/**").hasAnyRole(Role.COORDINATOR.name(),
                        Role.ADMIN.name(), Role.LEADER.name())
                .requestMatchers(HttpMethod.GET, "/api/campaigns/*/ledger/template.xlsx").hasAnyRole(reporters)
                .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(readers)
                .requestMatchers(HttpMethod.POST, PasswordChange.PATH).authenticated()
                .requestMatchers(HttpMethod.POST, "/api/campaigns/*/enrollments").hasAnyRole(reporters)
                .requestMatchers(HttpMethod.DELETE, "/api/campaigns/*/enrollments/*").hasAnyRole(reporters)
                .requestMatchers(HttpMethod.POST, "/api/campaigns/*/activities").hasAnyRole(reporters)
                .requestMatchers(HttpMethod.PUT, "/api/campaigns/*/activities/*").hasAnyRole(reporters)
                .requestMatchers(HttpMethod.DELETE, "/api/campaigns/*/activities/*").hasAnyRole(reporters)
                // 台账 imports: units import their own ledgers; the units registry import stays with the writers
                .requestMatchers(HttpMethod.POST, "/api/campaigns/*/ledger/imports", "/api/imports/*/apply")
                .hasAnyRole(reporters)
                // 服务菜单 and service orders: units take their own steps; the command side checks each order's units
                .requestMatchers(HttpMethod.POST, "/api/service-projects", "/api/service-projects/*/*",
                        "/api/service-orders", "/api/service-orders/*/*").hasAnyRole(reporters)
                .requestMatchers("/api/**").hasAnyRole(writers)
                .anyRequest().authenticated());
        http.formLogin(form -> form.loginPage(LOGIN_PAGE).loginProcessingUrl("/login")
                .defaultSuccessUrl("/", false).failureUrl(LOGIN_PAGE + "?error").permitAll());
        http.addFilterBefore(loginProtection,
                org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(passwordChange.gate(problems),
                org.springframework.security.web.access.intercept.AuthorizationFilter.class);
        http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(LOGIN_PAGE + "?logout"));
        http.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint));
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(rs -> rs
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtActors(props.getJwt())))
                    .authenticationEntryPoint(entryPoint));
        }
        // A refused write without credentials (its CSRF check fails first) is a matter of signing in, not of rights.
        http.exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint)
                .accessDeniedHandler((request, response, e) -> {
                    if (CurrentActor.get() == Actor.ANONYMOUS) {
                        entryPoint.commence(request, response,
                                new org.springframework.security.authentication.InsufficientAuthenticationException(
                                        "anonymous"));
                    } else {
                        problems.forbidden(request, response);
                    }
                }));
        // The CSRF token lives in the session (the UI fetches it from GET /csrf and sends it as X-XSRF-TOKEN): a cookie
        // another site managed to set proves nothing. A request with an Authorization header is authenticated by that
        // header alone — never by the session cookie riding along — so it needs no token.
        org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository csrfTokens =
                new org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository();
        csrfTokens.setHeaderName(CsrfTokenController.HEADER);
        http.csrf(csrf -> csrf
                .csrfTokenRepository(csrfTokens)
                .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                .ignoringRequestMatchers(SessionUnlessAuthorizationHeader::carriesCredentials));
        http.securityContext(context -> context.securityContextRepository(SessionUnlessAuthorizationHeader.create()));
        return http.build();
    }

    /** URLs the firewall refuses ({@code ..}, {@code %2e}, {@code //}, …) answer problem+json like every error. */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler problemJsonRequestRejectedHandler(
            ObjectMapper json) {
        ProblemResponses problems = new ProblemResponses(json);
        return (request, response, e) -> problems.write(request, response, org.springframework.http.HttpStatus.BAD_REQUEST,
                java.net.URI.create("https://campaign-tracker/problems/rejected-url"), "地址无效",
                ProblemErrorController.detail(org.springframework.http.HttpStatus.BAD_REQUEST));
    }

    private static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return !request.getRequestURI().startsWith("/api/") && accept != null && accept.contains("text/html");
    }
}
