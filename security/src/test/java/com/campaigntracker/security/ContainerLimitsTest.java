package com.campaigntracker.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Findings 1, 4 and 7 of issue 16 against the real container: refusals close the connection instead of reading the
 * body, bodies per address and per request are bounded, the session cookie is SameSite=Lax (and Secure over HTTPS),
 * and what Tomcat refuses itself is problem+json.
 */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "tracker.security.users[0].username=coord", "tracker.security.users[0].password={noop}coord-pw",
                "tracker.security.users[0].roles=COORDINATOR",
                "tracker.limits.uploads-per-address=2", "tracker.limits.body-deadline=2s",
                "tracker.limits.body-read-timeout=60s",
                "server.forward-headers-strategy=native"})
class ContainerLimitsTest {
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("coord:coord-pw".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("container-test-").toString();
        registry.add("tracker.data-dir", () -> dir);
    }

    private static String post(String auth, int length) {
        return "POST /api/units HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + (auth == null ? "" : "Authorization: " + auth + "\r\n")
                + "Content-Length: " + length + "\r\n\r\n{";
    }

    @Test
    void aRefusedRequestIsAnsweredAndClosedWithoutWaitingForItsBody() throws Exception {
        // patience far below the 60 s the container would wait here for the rest of a body
        try (RawHttp anonymous = new RawHttp(port, 20_000)) {
            RawHttp.Response r = anonymous.send(post(null, 500)).readToEnd();
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.head()).contains("content-type: application/problem+json");
            assertThat(r.closed()).as("connection closed, the other 499 bytes never awaited").isTrue();
        }
    }

    @Test
    void bodiesPerAddressAndTheTimeToSendOneAreBounded() throws Exception {
        ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
        List<RawHttp> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                RawHttp s = new RawHttp(port).send(post(BASIC, 500));
                slow.add(s);
                drip.scheduleWithFixedDelay(() -> {
                    try {
                        s.send(" ");
                    } catch (Exception closed) {
                        // the server gave up on it: what the test expects
                    }
                }, 200, 200, TimeUnit.MILLISECONDS);
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                try (RawHttp third = new RawHttp(port, 2_000)) {
                    RawHttp.Response r = third.send(post(BASIC, 500)).readToEnd();
                    assertThat(r.status()).isEqualTo(429);
                    assertThat(r.head()).contains("retry-after: 5");
                    assertThat(r.body()).contains("too-many-uploads");
                    assertThat(r.closed()).isTrue();
                }
            });
            // requests without a body are not counted
            HttpResponse<String> read = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/campaigns")).header("Authorization", BASIC)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(200);
            // a body still arriving (a byte every 200 ms) after the 2 s deadline fails, the thread is free again
            for (RawHttp s : slow) {
                RawHttp.Response r = s.readToEnd();
                assertThat(r.status()).isEqualTo(400);
                assertThat(r.closed()).isTrue();
            }
            try (RawHttp next = new RawHttp(port)) {
                String body = "{\"a\":1}";
                RawHttp.Response r = next.send(post(BASIC, body.length()).substring(0,
                        post(BASIC, body.length()).length() - 1) + body).readToEnd();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body()).contains("coord/COORDINATOR/null/null/7");
            }
        } finally {
            drip.shutdownNow();
            for (RawHttp s : slow) {
                s.close();
            }
        }
    }

    @Test
    void requestsTomcatRefusesItselfAreProblemJson() throws Exception {
        List<byte[]> requests = List.of(
                "GET /api/a%2Fb HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                "GET /api/a%00b HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                "GET /api/单位 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.UTF_8),
                "GET /api/a%zz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                ("GET /api/campaigns HTTP/1.1\r\nHost: x\r\nX-Padding: " + "x".repeat(20_000) + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        for (byte[] request : requests) {
            try (RawHttp raw = new RawHttp(port)) {
                RawHttp.Response r = raw.send(request).readToEnd();
                String what = new String(request, 0, Math.min(40, request.length), StandardCharsets.UTF_8);
                assertThat(r.status()).as(what).isBetween(400, 499);
                assertThat(r.head()).as(what + "\n" + r.text()).contains("content-type: application/problem+json");
                assertThat(r.body()).as(what).contains("\"type\"").contains("\"detail\"").doesNotContain("<html");
            }
        }
    }

    @Test
    void theSessionCookieIsLaxAndSecureOverHttps() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + CsrfTokenController.PATH)).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = plain.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("JSESSIONID=").contains("SameSite=Lax").contains("HttpOnly")
                .doesNotContain("Secure");
        // behind a TLS-terminating proxy (a loopback/private address setting X-Forwarded-Proto)
        HttpResponse<String> tls = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + CsrfTokenController.PATH))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tls.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure").contains("SameSite=Lax");
    }
}
