package com.campaigntracker.security;

import com.campaigntracker.eventstore.TrackerMongo;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Who may do what. The UI signs in with a form (session + CSRF cookie for its fetch calls); API clients use
 * HTTP Basic or a bearer JWT (when {@code spring.security.oauth2.resourceserver.jwt.*} is configured) and need
 * no CSRF token, since neither credential is sent by a browser on its own. Object-level rules — a unit acts
 * only for itself and the units below it, a district leader sees only its district — are enforced where the
 * objects are known (command handlers, query handlers), from {@link CurrentActor}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(TrackerSecurityProperties.class)
@org.springframework.context.annotation.Import(ProblemErrorController.class)
@org.springframework.context.annotation.PropertySource("classpath:tracker-web-defaults.properties")
public class SecurityConfiguration {
    static final String LOGIN_PAGE = "/login.html";

    /** Body size and expensive-query limits, ahead of authentication (README "Limits"). */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<RequestLimitsFilter> requestLimitsFilter(
            @org.springframework.beans.factory.annotation.Value("${tracker.limits.max-body-size:256KB}")
            org.springframework.util.unit.DataSize maxBody,
            @org.springframework.beans.factory.annotation.Value("${tracker.limits.expensive-query-concurrency:4}")
            int expensiveQueries, ObjectMapper json) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new RequestLimitsFilter(maxBody, expensiveQueries, new ProblemResponses(json)));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AccountDirectory accountDirectory(TrackerSecurityProperties props, TrackerMongo mongo, PasswordEncoder encoder) {
        return new AccountDirectory(props.getUsers(), mongo.database().getCollection("accounts"), encoder,
                System.out);
    }

    @Bean
    SecurityFilterChain trackerSecurityFilterChain(HttpSecurity http, ObjectMapper json,
                                                   TrackerSecurityProperties props,
                                                   ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        AuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE);
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            if (wantsHtml(request)) {
                loginPage.commence(request, response, e);
            } else {
                problems.unauthenticated(request, response);
            }
        };
        String[] writers = {Role.COORDINATOR.name(), Role.ADMIN.name()};
        String[] reporters = {Role.COORDINATOR.name(), Role.ADMIN.name(), Role.UNIT.name()};

        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(LOGIN_PAGE, "/login", "/favicon.ico", "/error",
                        "/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/api/admin/**", "/actuator/**").hasRole(Role.ADMIN.name())
                // 简报: coordinators and leaders draft and read; whether a leader may issue is the controller's call
                .requestMatchers("/api/briefings", "/api/briefings/**").hasAnyRole(Role.COORDINATOR.name(),
                        Role.ADMIN.name(), Role.LEADER.name())
                .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                .requestMatchers(HttpMethod.POST, "/api/campaigns/*/enrollments").hasAnyRole(reporters)
                .requestMatchers(HttpMethod.DELETE, "/api/campaigns/*/enrollments/*").hasAnyRole(reporters)
                .requestMatchers(HttpMethod.POST, "/api/campaigns/*/activities").hasAnyRole(reporters)
                .requestMatchers(HttpMethod.PUT, "/api/campaigns/*/activities/*").hasAnyRole(reporters)
                .requestMatchers(HttpMethod.DELETE, "/api/campaigns/*/activities/*").hasAnyRole(reporters)
                .requestMatchers("/api/**").hasAnyRole(writers)
                .anyRequest().authenticated());
        http.formLogin(form -> form.loginPage(LOGIN_PAGE).loginProcessingUrl("/login")
                .defaultSuccessUrl("/", false).failureUrl(LOGIN_PAGE + "?error").permitAll());
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
        // The UI reads the XSRF-TOKEN cookie and sends it back as X-XSRF-TOKEN; API clients carrying their own
        // Authorization header are not exposed to cross-site request forgery.
        http.csrf(csrf -> csrf
                .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null));
        http.addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class);
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

    /** Makes the deferred CSRF token materialise, so the cookie reaches the browser on its first page. */
    static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
