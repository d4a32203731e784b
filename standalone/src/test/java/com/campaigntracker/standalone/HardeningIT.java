package com.campaigntracker.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16, findings 1, 2 and 8 against the packaged product on loopback: slow request bodies cannot starve other
 * clients, a live-stream subscriber that never reads cannot delay other subscribers, and many streams opened at
 * once all get their first view. Bounds are generous (far above normal latencies); the figures are printed.
 */
class HardeningIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTH = ProductProcess.COORDINATOR_BASIC;
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final AtomicInteger IDS = new AtomicInteger();
    private static ProductProcess product;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        product = ProductProcess.start(ProductProcess.tempDataDir(), ProductProcess.freePort(),
                ProductProcess.freePort(), ProductProcess.accountArgs());
        post("/api/units", Map.of("unitId", "hz", "name", "海淀区新时代文明实践中心", "type", "实践中心",
                "district", "海淀区"));
        for (String c : List.of("camp-a", "camp-b")) {
            post("/api/campaigns", Map.of("id", c, "title", "爱国卫生月", "theme", "爱国卫生", "description", "清洁家园",
                    "district", "海淀区", "eligibleUnitTypes", List.of("实践所"),
                    "startDate", TODAY.minusDays(5).toString(), "endDate", TODAY.plusDays(30).toString(),
                    "targets", Map.of("sessions", 100000)));
        }
        // many units in campaign A: each of its views is large, so an unread stream's buffers fill quickly
        for (int i = 0; i < 40; i++) {
            post("/api/units", Map.of("unitId", "hs-" + i, "name", "实践所" + i, "type", "实践所", "district", "海淀区",
                    "parentUnitId", "hz"));
            post("/api/campaigns/camp-a/enrollments", Map.of("unitId", "hs-" + i));
        }
        post("/api/campaigns/camp-b/enrollments", Map.of("unitId", "hs-0"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (product != null) {
            product.close();
        }
    }

    @Test
    void slowRequestBodiesDoNotStarveOtherClients() throws Exception {
        int port = product.httpPort;
        String path = "/api/campaigns/camp-a/activities";
        List<Socket> slow = new ArrayList<>();
        ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < 200; i++) {
                slow.add(startBody(port, path, i % 2 == 0 ? AUTH : null));
            }
            // a byte every 2 s on every slow connection still open: never enough to finish a 500-byte body
            drip.scheduleWithFixedDelay(() -> slow.forEach(s -> {
                try {
                    s.getOutputStream().write(' ');
                } catch (IOException closedByServer) {
                    // expected sooner or later
                }
            }), 2, 2, TimeUnit.SECONDS);

            // another client (another address) is served as usual meanwhile
            long started = System.nanoTime();
            String answer;
            try (Socket other = new Socket()) {
                other.bind(new InetSocketAddress("127.0.0.2", 0));
                other.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                other.setSoTimeout(30_000); // normally well under a second; the slow bodies used to hold every thread
                other.getOutputStream().write(("GET /api/campaigns HTTP/1.1\r\nHost: x\r\nAuthorization: " + AUTH
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                answer = readToEnd(other);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("HardeningIT: GET /api/campaigns from another client with 200 slow bodies open: %d ms%n",
                    millis);
            assertThat(answer).startsWith("HTTP/1.1 200");

            // every slow body is answered (401 at once without credentials, 429 beyond the per-address bound, 400
            // at the body deadline) and its connection closed; none is ever accepted
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                    slow.stream().allMatch(HardeningIT::closedByServer));
            List<String> statuses = slow.stream().map(HardeningIT::statusOf).toList();
            System.out.println("HardeningIT: slow bodies answered " + statuses.stream()
                    .collect(java.util.stream.Collectors.groupingBy(s -> s, java.util.TreeMap::new,
                            java.util.stream.Collectors.counting())));
            assertThat(statuses).allMatch(s -> s.equals("401") || s.equals("429") || s.equals("400")
                    || s.equals("closed"));
            assertThat(statuses).contains("401", "429");
        } finally {
            drip.shutdownNow();
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void aSubscriberThatNeverReadsDoesNotDelayTheOthers() throws Exception {
        List<Socket> stuck = new ArrayList<>();
        ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> normal = HTTP.sendAsync(stream("camp-b"),
                HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> reader = normal.thenAcceptAsync(r -> r.body().forEach(line -> {
            if (line.startsWith("data:")) {
                arrivals.add(System.nanoTime());
            }
        }));
        try {
            for (int i = 0; i < 4; i++) {
                Socket s = new Socket();
                s.setReceiveBufferSize(1024);
                s.connect(new InetSocketAddress("127.0.0.1", product.httpPort), 5_000);
                s.getOutputStream().write(("GET /api/campaigns/camp-a/progress/stream HTTP/1.1\r\nHost: x\r\n"
                        + "Accept: text/event-stream\r\nAuthorization: " + AUTH + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                stuck.add(s); // never read
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> !arrivals.isEmpty());
            long worst = 0;
            for (int round = 0; round < 6; round++) {
                for (int i = 0; i < 25; i++) {
                    record("camp-a", "hs-" + (i % 40));
                }
                int seen = arrivals.size();
                long before = System.nanoTime();
                record("camp-b", "hs-0");
                // normally about a second; one unread stream used to hold the push thread 20 s (the write timeout)
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                        .until(() -> arrivals.size() > seen);
                long delay = (arrivals.stream().skip(seen).findFirst().orElseThrow() - before) / 1_000_000;
                worst = Math.max(worst, delay);
            }
            System.out.printf("HardeningIT: push delay of campaign B with 4 unread streams of campaign A: worst %d ms"
                    + " over 6 rounds of 25 changes to A%n", worst);
        } finally {
            reader.cancel(true);
            normal.thenAccept(r -> r.body().close());
            for (Socket s : stuck) {
                s.close();
            }
        }
    }

    @Test
    void manyStreamsOpenedAtOnceAllGetTheirFirstView() {
        int n = 200;
        AtomicInteger firstViews = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        List<CompletableFuture<HttpResponse<Stream<String>>>> streams = new ArrayList<>();
        List<CompletableFuture<Void>> readers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                CompletableFuture<HttpResponse<Stream<String>>> s = HTTP.sendAsync(stream("camp-b"),
                        HttpResponse.BodyHandlers.ofLines());
                streams.add(s);
                readers.add(s.thenAcceptAsync(r -> {
                    if (r.statusCode() != 200) {
                        failures.incrementAndGet();
                        return;
                    }
                    r.body().filter(line -> line.startsWith("data:")).findFirst()
                            .ifPresent(line -> firstViews.incrementAndGet());
                }));
            }
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> firstViews.get() + failures.get() >= n);
            System.out.printf("HardeningIT: %d streams opened at once, %d first views, %d failed%n", n,
                    firstViews.get(), failures.get());
            assertThat(failures.get()).isZero();
            assertThat(firstViews.get()).isEqualTo(n);
            assertThat(product.log).content().doesNotContain("NullPointerException");
        } finally {
            streams.forEach(s -> s.thenAccept(r -> r.body().close()));
            readers.forEach(r -> r.cancel(true));
        }
    }

    /**
     * Issue 15's probe as a read-only leader would run it: the century-long campaign it used is refused now; the
     * longest campaign allowed (3 years) under 8 threads of progress views, each asking for a different one
     * (asOf, top, silentDays), gets only views or 429s and leaves the process healthy.
     */
    @Test
    void distinctProgressViewsFromManyThreadsStayBounded() throws Exception {
        HttpResponse<String> century = HTTP.send(HttpRequest.newBuilder(URI.create(product.baseUrl() + "/api/campaigns"))
                .header("Authorization", AUTH).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("id", "camp-century",
                        "title", "百年活动", "district", "海淀区", "startDate", "2000-01-01",
                        "endDate", "2099-12-31")))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(century.statusCode()).as(century.body()).isEqualTo(422);
        assertThat(century.body()).contains("period-too-long");

        LocalDate start = TODAY.minusYears(3).plusDays(1);
        post("/api/campaigns", Map.of("id", "camp-long", "title", "三年活动", "district", "海淀区",
                "startDate", start.toString(), "endDate", TODAY.toString(), "targets", Map.of("sessions", 1000)));
        post("/api/campaigns/camp-long/enrollments", Map.of("unitId", "hs-1"));
        record("camp-long", "hs-1");
        await().atMost(Duration.ofSeconds(60)).until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(
                        product.baseUrl() + "/api/campaigns/camp-long/progress")).header("Authorization", AUTH).build(),
                HttpResponse.BodyHandlers.ofString()).body().contains("\"activities\":1"));

        int threads = 8;
        int perThread = 60;
        java.util.concurrent.ConcurrentHashMap<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    int n = thread * perThread + i;
                    String query = "?top=" + (1 + n % 1000) + "&silentDays=" + (1 + n % 366)
                            + (n % 3 == 0 ? "&asOf=" + TODAY : "");
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(product.baseUrl()
                                    + "/api/campaigns/camp-long/progress" + query)).header("Authorization", AUTH)
                            .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                    statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("HardeningIT: %d distinct progress views of a 3-year campaign from %d threads → %s%n",
                threads * perThread, threads, statuses);
        assertThat(statuses.keySet()).as("only views and busy answers").isSubsetOf(200, 429);
        assertThat(statuses.get(200)).as("views answered").isNotNull();
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(product.baseUrl()
                + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("UP");
        assertThat(product.log).content().doesNotContain("OutOfMemoryError");
    }

    private static HttpRequest stream(String campaign) {
        return HttpRequest.newBuilder(URI.create(product.baseUrl() + "/api/campaigns/" + campaign
                        + "/progress/stream"))
                .header("Authorization", AUTH).header("Accept", "text/event-stream").build();
    }

    private static void record(String campaign, String unit) throws Exception {
        post("/api/campaigns/" + campaign + "/activities", Map.ofEntries(
                Map.entry("activityId", "act-" + IDS.incrementAndGet()), Map.entry("unitId", unit),
                Map.entry("date", TODAY.toString()), Map.entry("title", "清洁"), Map.entry("category", "爱国卫生"),
                Map.entry("site", "社区"), Map.entry("sessions", 1), Map.entry("participations", 5),
                Map.entry("serviceHours", 2.5), Map.entry("beneficiaries", 30), Map.entry("notes", "")));
    }

    private static void post(String path, Object body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(product.baseUrl() + path))
                        .header("Authorization", AUTH).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("POST %s → %s", path, r.body()).isBetween(200, 299);
    }

    /** Headers and the first byte of a 500-byte body. */
    private static Socket startBody(int port, String path, String auth) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.setSoTimeout(1);
        s.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + (auth == null ? "" : "Authorization: " + auth + "\r\n") + "Content-Length: 500\r\n\r\n{")
                .getBytes(StandardCharsets.US_ASCII));
        return s;
    }

    private static final Map<Socket, ByteArrayOutputStream> RECEIVED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Reads what has arrived without waiting; true once the server closed the connection. */
    private static boolean closedByServer(Socket s) {
        ByteArrayOutputStream got = RECEIVED.computeIfAbsent(s, k -> new ByteArrayOutputStream());
        try {
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            for (int n = in.read(buf); ; n = in.read(buf)) {
                if (n < 0) {
                    return true;
                }
                got.write(buf, 0, n);
            }
        } catch (SocketTimeoutException nothingYet) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static String statusOf(Socket s) {
        String text = RECEIVED.getOrDefault(s, new ByteArrayOutputStream()).toString(StandardCharsets.UTF_8);
        return text.startsWith("HTTP/1.1 ") ? text.substring(9, 12) : "closed";
    }

    private static String readToEnd(Socket s) throws IOException {
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
