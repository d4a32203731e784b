package com.campaigntracker.query;

import java.time.ZoneId;
import java.time.LocalDate;
import org.threeten.extra.MutableClock;
import com.campaigntracker.queryapp.QuerySideApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Base of the integration tests: one Spring context (query side alone, embedded MongoDB-wire server on a fresh
 * data directory) shared by every test class; events are fed straight into Axon's event store.
 * <p>
 * The event store under test is the configured engine, except axon-mongo's (which tracks by timestamp and never
 * delivers events appended with back-dated timestamps, which the as-of tests need): then Axon's in-memory engine.
 * Read models, tokens and dead letters are on the embedded MongoDB either way.
 */
// Spring Boot tests export no metrics unless asked: the Prometheus endpoint is under test
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = {QuerySideApplication.class, QueryIntegrationTest.TestBeans.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tracker.projections.batch-size=200", "logging.level.org.axonframework=WARN",
                "logging.level.de.bwaldvogel=ERROR", "logging.level.root=WARN"})
public abstract class QueryIntegrationTest {
    static final Path DATA_DIR;
    static final ObjectMapper JSON = new ObjectMapper();

    static {
        try {
            DATA_DIR = Files.createTempDirectory("query-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tracker.data-dir", DATA_DIR::toString);
        registry.add("tracker.security.users[0].username", () -> "admin");
        registry.add("tracker.security.users[0].password", () -> "{noop}admin-pw");
        registry.add("tracker.security.users[0].roles", () -> "ADMIN");
        // the service-order reads are scoped by account (ServiceOrdersIT); every other test reads as admin
        String[][] accounts = {{"svc-suo", "UNIT", "svc-ins"}, {"svc-zhan", "UNIT", "svc-st1"},
                {"svc-team", "UNIT", "svc-team"}, {"svc-leader", "LEADER", "海淀区"}};
        for (int i = 0; i < accounts.length; i++) {
            String[] a = accounts[i];
            String prefix = "tracker.security.users[" + (i + 1) + "].";
            registry.add(prefix + "username", () -> a[0]);
            registry.add(prefix + "password", () -> "{noop}" + a[0] + "-pw");
            registry.add(prefix + "roles", () -> a[1]);
            registry.add(prefix + (a[1].equals("UNIT") ? "unit" : "district"), () -> a[2]);
        }
        // 朝阳's orders must be reviewed within 2 hours; everywhere else the defaults
        registry.add("tracker.service-orders.districts[朝阳区].review", () -> "2h");
    }

    static final String ADMIN = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("admin:admin-pw".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    /** Every test request is made by an admin account (the authorisation rules are tested in standalone). */
    HttpRequest.Builder request(String path) {
        return request(path, ADMIN);
    }

    HttpRequest.Builder request(String path, String authorization) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization);
    }

    /** HTTP Basic of one of the accounts above ({@code <name>-pw}). */
    static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + user + "-pw").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {
        @Bean
        @Primary
        MutableClock testClock() {
            return MutableClock.of(LocalDate.now().atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                    ZoneId.of("Asia/Shanghai"));
        }

        /**
         * The store's own engine when it is there (global sequence: back-dated timestamps are fine); Axon's
         * in-memory engine in place of axon-mongo's, which tracks by timestamp and would never deliver them.
         */
        @Bean(destroyMethod = "")
        @Primary
        EventStorageEngine testEventStorageEngine(@Qualifier("eventStorageEngine") EventStorageEngine configured) {
            return configured.getClass().getName().startsWith("org.axonframework.extensions.mongo")
                    ? new InMemoryEventStorageEngine() : configured;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    MutableClock clock;

    EventFeed feed;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void feed() {
        feed = new EventFeed(eventStore);
    }

    record Response(int status, String contentType, JsonNode body, HttpResponse<String> raw) {
    }

    /** GET after the projection has caught up with everything appended so far (read-your-writes). */
    Response get(String path) {
        String sep = path.contains("?") ? "&" : "?";
        return getRaw(path + sep + "minPosition=" + Math.max(0, feed.head()));
    }

    Response getRaw(String path) {
        return send(request(path).GET().build());
    }

    Response post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), body, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String uid(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
