package com.campaigntracker.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The split deployment as separate OS processes on loopback: the embedded store ({@code --store-only}), two
 * command-side and two query-side services. Both command services write one campaign concurrently; an SSE client
 * watches query replica 2 while replica 1 projects the campaign; replica 1 is killed -9 mid-stream. Replica 2 must
 * take over every segment, end with totals equal to the acknowledged commands, equal a rebuild from the first
 * event, and keep pushing live updates.
 */
class ScaleOutIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path COMMAND_JAR = Path.of("..", "command-side", "target", "command-side-0.1.0-SNAPSHOT-exec.jar");
    private static final Path QUERY_JAR = Path.of("..", "query-side", "target", "query-side-0.1.0-SNAPSHOT-exec.jar");
    private static final int SEGMENTS = 4;
    private static final int PER_WRITER = 150;
    private static final String[] UNITS = {"so-suo-1", "so-suo-2", "so-zhan-11", "so-zhan-12", "so-zhan-21", "so-zhan-22"};

    @Test
    void queryReplicaDiesMidStreamAndTheSurvivorTakesOverWithoutLosingOrDoublingAnything() throws Exception {
        Path data = ProductProcess.tempDataDir();
        int mongoPort = ProductProcess.freePort();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<ProductProcess> all = new ArrayList<>();
        try (ProductProcess store = ProductProcess.startStore(data, mongoPort)) {
            Map<String, String> env = Map.of("MONGODB_URI", "mongodb://127.0.0.1:" + mongoPort);
            List<CompletableFuture<ProductProcess>> starting = new ArrayList<>();
            for (Path jar : List.of(COMMAND_JAR, COMMAND_JAR, QUERY_JAR, QUERY_JAR)) {
                int port = ProductProcess.freePort();
                starting.add(CompletableFuture.supplyAsync(() ->
                        ProductProcess.startJar(jar, port, env, ProductProcess.accountArgs())));
            }
            for (CompletableFuture<ProductProcess> f : starting) {
                all.add(f.join());
            }
            String cmd1 = all.get(0).baseUrl();
            String cmd2 = all.get(1).baseUrl();
            ProductProcess query1 = all.get(2);
            String q1 = query1.baseUrl();
            String q2 = all.get(3).baseUrl();

            // share the segments 2/2: the first replica up claimed them all; it releases what is over its share
            await().atMost(Duration.ofSeconds(60)).until(() -> segments(q1).size() + segments(q2).size() == SEGMENTS);
            String fuller = segments(q1).size() > SEGMENTS / 2 ? q1 : q2;
            List<Integer> surplus = segments(fuller).subList(SEGMENTS / 2, segments(fuller).size());
            for (int s : surplus) {
                expect2xx(send("POST", fuller + "/api/admin/projections/segments/" + s + "/release", null,
                        ProductProcess.ADMIN_BASIC));
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> segments(q1).size() == SEGMENTS / 2 && segments(q2).size() == SEGMENTS / 2);

            // the campaign goes to a segment of replica 1: replica 2 only learns of it through the shared store
            Set<Integer> q1Segments = new HashSet<>(segments(q1));
            String campaign = null;
            for (int i = 0; campaign == null; i++) {
                String candidate = "scale-campaign-" + i;
                if (q1Segments.contains(("c:" + candidate).hashCode() & (SEGMENTS - 1))) {
                    campaign = candidate;
                }
            }

            // 中心 → 所 → 站
            expect2xx(post(cmd1 + "/api/units", unit("so-center", "顺义区新时代文明实践中心", "实践中心", null)));
            expect2xx(post(cmd2 + "/api/units", unit("so-suo-1", "胜利街道新时代文明实践所", "实践所", "so-center")));
            expect2xx(post(cmd1 + "/api/units", unit("so-suo-2", "光明街道新时代文明实践所", "实践所", "so-center")));
            expect2xx(post(cmd2 + "/api/units", unit("so-zhan-11", "义宾社区新时代文明实践站", "实践站", "so-suo-1")));
            expect2xx(post(cmd1 + "/api/units", unit("so-zhan-12", "站前东区新时代文明实践站", "实践站", "so-suo-1")));
            expect2xx(post(cmd2 + "/api/units", unit("so-zhan-21", "裕龙社区新时代文明实践站", "实践站", "so-suo-2")));
            expect2xx(post(cmd1 + "/api/units", unit("so-zhan-22", "府前社区新时代文明实践站", "实践站", "so-suo-2")));
            Map<String, Object> c = new HashMap<>();
            c.put("id", campaign);
            c.put("title", "文明路口引导行动'百日大战'");
            c.put("theme", "文明交通");
            c.put("description", "122 个主要路口文明引导");
            c.put("district", "顺义区");
            c.put("eligibleUnitTypes", List.of("实践所", "实践站"));
            c.put("startDate", today.minusDays(20).toString());
            c.put("endDate", today.plusDays(80).toString());
            c.put("targets", Map.of("sessions", 600, "participations", 30000));
            expect2xx(post(cmd1 + "/api/campaigns", c));
            for (int i = 0; i < UNITS.length; i++) {
                expect2xx(post((i % 2 == 0 ? cmd1 : cmd2) + "/api/campaigns/" + campaign + "/enrollments",
                        Map.of("unitId", UNITS[i])));
            }

            // live client on replica 2, once the campaign (projected by replica 1) is visible there
            String progressOn2 = q2 + "/api/campaigns/" + campaign + "/progress";
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    send("GET", progressOn2, null, ProductProcess.ADMIN_BASIC).statusCode() == 200);
            List<long[]> updates = new CopyOnWriteArrayList<>(); // {activities, afterKill 0/1}
            AtomicBoolean killed = new AtomicBoolean();
            HttpRequest sse = HttpRequest.newBuilder(URI.create(q2 + "/api/campaigns/" + campaign + "/progress/stream"))
                    .header("Authorization", ProductProcess.ADMIN_BASIC).header("Accept", "text/event-stream").build();
            CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> stream =
                    HTTP.sendAsync(sse, HttpResponse.BodyHandlers.ofLines());
            CompletableFuture.runAsync(() -> stream.join().body().forEach(line -> {
                if (line.startsWith("data:")) {
                    try {
                        JsonNode n = JSON.readTree(line.substring(5));
                        updates.add(new long[]{n.path("totals").path("activities").asLong(-1), killed.get() ? 1 : 0});
                    } catch (Exception ignored) {
                        // not a progress view
                    }
                }
            }));
            await().atMost(Duration.ofSeconds(30)).until(() -> !updates.isEmpty());

            // both command services write concurrently; every 5th activity is corrected through the other one
            Map<String, double[]> acked = new java.util.concurrent.ConcurrentHashMap<>(); // id -> figures
            AtomicLong maxPosition = new AtomicLong();
            // each writer does half its work, then waits for the kill and writes the other half
            CountDownLatch killPoint = new CountDownLatch(2);
            CountDownLatch resume = new CountDownLatch(1);
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            String campaignId = campaign;
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                String mine = w == 0 ? cmd1 : cmd2;
                String other = w == 0 ? cmd2 : cmd1;
                int writer = w;
                Thread t = new Thread(() -> {
                    try {
                        for (int i = 0; i < PER_WRITER; i++) {
                            if (i == PER_WRITER / 2) {
                                killPoint.countDown();
                                resume.await();
                            }
                            String id = "so-w" + writer + "-" + i;
                            double[] f = {1 + i % 3, 10 + i % 17, 2.5 * (1 + i % 4), 50 + i % 31};
                            HttpResponse<String> r = post(mine + "/api/campaigns/" + campaignId + "/activities",
                                    activity(id, UNITS[(i + writer) % UNITS.length], today.minusDays(i % 15), f));
                            expect2xx(r);
                            acked.put(id, f);
                            position(r, maxPosition);
                            if (i % 5 == 4) {
                                double[] g = {f[0] + 1, f[1] + 5, f[2] + 0.5, f[3] + 10};
                                Map<String, Object> body = activity(id, null, today.minusDays(i % 7), g);
                                body.remove("unitId");
                                body.put("reason", "数据更正");
                                HttpResponse<String> x = send("PUT", other + "/api/campaigns/" + campaignId
                                        + "/activities/" + id, body, ProductProcess.COORDINATOR_BASIC);
                                expect2xx(x);
                                acked.put(id, g);
                                position(x, maxPosition);
                            }
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                        killPoint.countDown();
                    }
                });
                t.start();
                writers.add(t);
            }

            killPoint.await();
            // read-your-writes on replica 2 for events that replica 1 projects
            long seen = maxPosition.get();
            HttpResponse<String> ryw = send("GET", q2 + "/api/campaigns/" + campaignId + "/progress?minPosition=" + seen,
                    null, ProductProcess.ADMIN_BASIC);
            expect2xx(ryw);
            assertThat(ryw.headers().firstValue("X-Projection-Caught-Up")).contains("true");
            // replica 2 pushes what replica 1 projected (its own batches never touch this campaign)
            await().atMost(Duration.ofSeconds(10)).until(() -> updates.stream().anyMatch(u -> u[0] > 0));
            long updatesBeforeKill = updates.size();

            killed.set(true);
            long killedAt = System.nanoTime();
            query1.kill();
            int ackedAtKill = acked.size();
            resume.countDown();
            for (Thread t : writers) {
                t.join();
            }
            assertThat(failures).isEmpty();
            assertThat(acked).hasSize(2 * PER_WRITER);

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> segments(q2).size() == SEGMENTS);
            long takeoverMs = (System.nanoTime() - killedAt) / 1_000_000;

            double[] expected = new double[4];
            acked.values().forEach(f -> {
                for (int k = 0; k < 4; k++) {
                    expected[k] += f[k];
                }
            });
            long activities = acked.size();
            String progressUrl = q2 + "/api/campaigns/" + campaignId + "/progress?minPosition=" + maxPosition.get();
            await().atMost(Duration.ofSeconds(60)).until(() -> totals(progressUrl).path("activities").asLong() == activities);
            JsonNode totals = totals(progressUrl);
            assertThat(totals.path("sessions").asDouble()).isEqualTo(expected[0]);
            assertThat(totals.path("participations").asDouble()).isEqualTo(expected[1]);
            assertThat(totals.path("serviceHours").asDouble()).isEqualTo(expected[2]);
            assertThat(totals.path("beneficiaries").asDouble()).isEqualTo(expected[3]);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> updates.stream().anyMatch(u -> u[1] == 1 && u[0] == activities));
            long updatesAfterKill = updates.stream().filter(u -> u[1] == 1).count();

            JsonNode before = progress(q2 + "/api/campaigns/" + campaignId + "/progress");
            expect2xx(send("POST", q2 + "/api/admin/projections/rebuild", null, ProductProcess.ADMIN_BASIC));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                    !admin(q2).path("rebuilding").asBoolean(true)
                            && send("GET", q2 + "/api/campaigns/" + campaignId + "/progress", null,
                            ProductProcess.ADMIN_BASIC).statusCode() == 200);
            JsonNode after = progress(q2 + "/api/campaigns/" + campaignId + "/progress");
            assertThat(after).isEqualTo(before);

            System.out.printf("ScaleOutIT: activities=%d corrections=%d maxPosition=%d takeover=%d ms "
                            + "sse updates before kill=%d after kill=%d, activities acked at kill=%d%n", activities, 2 * (PER_WRITER / 5),
                    maxPosition.get(), takeoverMs, updatesBeforeKill, updatesAfterKill, ackedAtKill);
            stream.cancel(true);
        } finally {
            for (ProductProcess p : all) {
                p.close();
            }
        }
    }

    private static void position(HttpResponse<String> r, AtomicLong max) throws Exception {
        JsonNode p = JSON.readTree(r.body()).path("position");
        if (p.isNumber()) {
            max.accumulateAndGet(p.asLong(), Math::max);
        }
    }

    private static List<Integer> segments(String base) throws Exception {
        List<Integer> out = new ArrayList<>();
        admin(base).path("segments").forEach(s -> out.add(s.path("segment").asInt()));
        out.sort(null);
        return out;
    }

    private static JsonNode admin(String base) throws Exception {
        HttpResponse<String> r = send("GET", base + "/api/admin/projections", null, ProductProcess.ADMIN_BASIC);
        expect2xx(r);
        return JSON.readTree(r.body()).path(0);
    }

    private static JsonNode totals(String url) throws Exception {
        HttpResponse<String> r = send("GET", url, null, ProductProcess.ADMIN_BASIC);
        return r.statusCode() == 200 ? JSON.readTree(r.body()).path("totals") : JSON.createObjectNode();
    }

    private static JsonNode progress(String url) throws Exception {
        HttpResponse<String> r = send("GET", url, null, ProductProcess.ADMIN_BASIC);
        expect2xx(r);
        ObjectNode n = (ObjectNode) JSON.readTree(r.body());
        n.remove("today");
        return n;
    }

    private static Map<String, Object> unit(String id, String name, String type, String parent) {
        Map<String, Object> m = new HashMap<>();
        m.put("unitId", id);
        m.put("name", name);
        m.put("type", type);
        m.put("district", "顺义区");
        if (parent != null) {
            m.put("parentUnitId", parent);
        }
        return m;
    }

    private static Map<String, Object> activity(String id, String unit, LocalDate date, double[] f) {
        Map<String, Object> body = new HashMap<>();
        body.put("activityId", id);
        body.put("unitId", unit);
        body.put("date", date.toString());
        body.put("title", "路口文明引导");
        body.put("category", "文明交通");
        body.put("site", "主要路口");
        body.put("sessions", (int) f[0]);
        body.put("participations", (int) f[1]);
        body.put("serviceHours", f[2]);
        body.put("beneficiaries", (int) f[3]);
        body.put("notes", "");
        return body;
    }

    private static HttpResponse<String> post(String url, Object body) throws Exception {
        return send("POST", url, body, ProductProcess.COORDINATOR_BASIC);
    }

    private static HttpResponse<String> send(String method, String url, Object body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", auth);
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect2xx(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("answer %s", response.body()).isBetween(200, 299);
    }
}
