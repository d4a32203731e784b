package com.campaigntracker.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Finding 3 of issue 16: password guessing is throttled per account and per address, and every attempt is on record. */
@SpringBootTest(classes = {SecuredTestApplication.class, LoginProtectionTest.Metrics.class}, properties = {
        "tracker.security.users[0].username=coord", "tracker.security.users[0].password={noop}coord-pw",
        "tracker.security.users[0].roles=COORDINATOR",
        "tracker.security.users[1].username=zhan", "tracker.security.users[1].password={noop}zhan-pw",
        "tracker.security.users[1].roles=COORDINATOR",
        "tracker.security.users[2].username=other", "tracker.security.users[2].password={noop}other-pw",
        "tracker.security.users[2].roles=COORDINATOR",
        "tracker.security.login.max-failures-per-account=5", "tracker.security.login.max-failures-per-address=20",
        "tracker.security.login.lockout=10s"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class LoginProtectionTest {
    @TestConfiguration
    static class Metrics {
        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MeterRegistry metrics;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("login-test-").toString();
        registry.add("tracker.data-dir", () -> dir);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void aFloodOfWrongBasicPasswordsLocksTheAccountBrieflyAndIsLogged(CapturedOutput log) throws Exception {
        int checked = 0;
        int throttled = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            int code = mvc.perform(get("/api/campaigns").with(httpBasic("coord", "guess-" + i)).with(from("10.0.0.1")))
                    .andReturn().getResponse().getStatus();
            if (code == 401) {
                checked++;
            } else if (code == 429) {
                throttled++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("LoginProtectionTest: 300 wrong Basic passwords in %.1f s → %d checked (401), %d refused"
                + " (429)%n", seconds, checked, throttled);
        // 5 guesses per 10 s lockout window (one window unless this machine took over 10 s for the loop)
        assertThat(checked).isBetween(5, 5 * (1 + (int) (seconds / 10)));
        assertThat(checked + throttled).isEqualTo(300);
        // the right password too, from anywhere, until the lockout has passed since the last failure
        mvc.perform(get("/api/campaigns").with(httpBasic("coord", "coord-pw")).with(from("10.0.0.2")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.type").value("https://campaign-tracker/problems/login-throttled"));
        // other accounts are not affected
        mvc.perform(get("/api/campaigns").with(httpBasic("other", "other-pw")).with(from("10.0.0.2")))
                .andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                mvc.perform(get("/api/campaigns").with(httpBasic("coord", "coord-pw")).with(from("10.0.0.2")))
                        .andExpect(status().isOk()));

        assertThat(log.getAll()).contains("login failed: account=coord address=10.0.0.1 reason=BadCredentialsException")
                .contains("login refused, too many failures: account=coord address=10.0.0.1")
                .contains("login succeeded: account=coord address=10.0.0.2")
                .doesNotContain("guess-");
        assertThat(metrics.counter("tracker.logins", "outcome", "failure").count()).isGreaterThanOrEqualTo(5);
        assertThat(metrics.counter("tracker.logins", "outcome", "throttled").count()).isGreaterThanOrEqualTo(throttled + 1);
        assertThat(metrics.counter("tracker.logins", "outcome", "success").count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void oneAddressGuessingManyAccountsIsThrottledAndTheFormSaysSo() throws Exception {
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/api/campaigns").with(httpBasic("nobody-" + i, "x")).with(from("10.0.0.9")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/campaigns").with(httpBasic("zhan", "zhan-pw")).with(from("10.0.0.9")))
                .andExpect(status().isTooManyRequests());
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).with(from("10.0.0.9")).param("username", "zhan")
                        .param("password", "zhan-pw").param("_csrf", SessionSafetyTest.csrf(mvc, session)))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", org.hamcrest.Matchers.containsString("/login.html?locked=")));
        // the same account from another address signs in
        mvc.perform(get("/api/campaigns").with(httpBasic("zhan", "zhan-pw")).with(from("10.0.0.10")))
                .andExpect(status().isOk());
    }
}
