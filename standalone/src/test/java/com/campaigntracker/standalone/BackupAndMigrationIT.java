package com.campaigntracker.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Backups and the move to another store, as an operator does them with the packaged jar: the event archive
 * (export over HTTP and offline, import into a fresh data directory, refused imports) and the snapshot backup of a
 * running store.
 */
class BackupAndMigrationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String CAMPAIGN = "migrate-campaign";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void anExportedHistoryImportedIntoAFreshStoreGivesTheSameViewsAndTheSameArchive() throws Exception {
        Path source = ProductProcess.tempDataDir();
        Path viaHttp = source.resolveSibling(source.getFileName() + "-http.jsonl.gz");
        Path offline = source.resolveSibling(source.getFileName() + "-offline.jsonl.gz");
        Map<String, String> sourceViews;
        long head;
        try (ProductProcess product = ProductProcess.start(source, ProductProcess.freePort(),
                ProductProcess.freePort(), ProductProcess.accountArgs())) {
            String base = product.baseUrl();
            head = fill(base);
            sourceViews = views(base, head);
            HttpResponse<InputStream> export = HTTP.send(HttpRequest.newBuilder(
                            URI.create(base + "/api/admin/events/export"))
                    .header("Authorization", ProductProcess.ADMIN_BASIC).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.headers().firstValue("Content-Type")).contains("application/gzip");
            assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("attachment; filename=\"campaign-tracker-events-")
                                      .endsWith(".jsonl.gz\""));
            try (InputStream in = export.body()) {
                Files.copy(in, viaHttp);
            }
            HttpResponse<String> asCoordinator = HTTP.send(HttpRequest.newBuilder(
                            URI.create(base + "/api/admin/events/export"))
                    .header("Authorization", ProductProcess.COORDINATOR_BASIC).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(asCoordinator.statusCode()).isEqualTo(403);
        }
        List<String> lines = lines(viaHttp);
        assertThat(lines.get(0)).contains("\"formatVersion\":1").contains("\"eventCount\":" + (lines.size() - 2));
        assertThat(lines.get(lines.size() - 1)).contains("\"lastPosition\":" + head);
        assertThat(String.join("\n", lines)).contains("ActivityCorrected").contains("ActivityRetracted");

        Tool exported = Tool.run("--export-events=" + offline, "--tracker.data-dir=" + source);
        assertThat(exported.exitCode).as(exported.output).isZero();
        assertThat(exported.output).contains("Exported " + (lines.size() - 2) + " events");
        assertThat(Files.readAllBytes(offline)).isEqualTo(Files.readAllBytes(viaHttp));

        // refused: a store that is not empty (the source itself) — and it stays as it was
        Tool intoSource = Tool.run("--import-events=" + viaHttp, "--tracker.data-dir=" + source);
        assertThat(intoSource.exitCode).as(intoSource.output).isEqualTo(2);
        assertThat(intoSource.output).contains("目标存储不为空").contains("not empty");
        Path again = source.resolveSibling(source.getFileName() + "-again.jsonl.gz");
        assertThat(Tool.run("--export-events=" + again, "--tracker.data-dir=" + source).exitCode).isZero();
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(viaHttp));

        // refused: truncated, tampered, of an unknown format version — nothing is written, not even a store file
        byte[] bytes = Files.readAllBytes(viaHttp);
        Path truncated = Files.write(source.resolveSibling("truncated.jsonl.gz"),
                Arrays.copyOf(bytes, bytes.length - 40));
        List<String> tampered = new ArrayList<>(lines);
        tampered.set(lines.size() / 2, tampered.get(lines.size() / 2).replace("\"sessions\":", "\"sessions\":9"));
        Path badChecksum = gzip(source.resolveSibling("tampered.jsonl.gz"), tampered);
        List<String> future = new ArrayList<>(lines);
        future.set(0, future.get(0).replace("\"formatVersion\":1", "\"formatVersion\":7"));
        Path unknownVersion = gzip(source.resolveSibling("v7.jsonl.gz"), future);
        Path empty = ProductProcess.tempDataDir();
        for (Path refused : List.of(truncated, badChecksum, unknownVersion)) {
            Tool tool = Tool.run("--import-events=" + refused, "--tracker.data-dir=" + empty);
            assertThat(tool.exitCode).as(tool.output).isEqualTo(2);
            assertThat(tool.output).contains("未写入任何数据").contains("Nothing was written");
            try (var files = Files.list(empty)) {
                assertThat(files).as("data directory after refusing %s", refused.getFileName()).isEmpty();
            }
        }

        Path target = ProductProcess.tempDataDir();
        Tool imported = Tool.run("--import-events=" + viaHttp, "--tracker.data-dir=" + target);
        assertThat(imported.exitCode).as(imported.output).isZero();
        assertThat(imported.output).contains("Imported " + (lines.size() - 2) + " events");
        try (ProductProcess product = ProductProcess.start(target, ProductProcess.freePort(),
                ProductProcess.freePort(), ProductProcess.accountArgs())) {
            Map<String, String> targetViews = views(product.baseUrl(), head);
            for (Map.Entry<String, String> view : sourceViews.entrySet()) {
                assertThat(targetViews.get(view.getKey())).as(view.getKey()).isEqualTo(view.getValue());
            }
            HttpResponse<byte[]> export = HTTP.send(HttpRequest.newBuilder(
                            URI.create(product.baseUrl() + "/api/admin/events/export"))
                    .header("Authorization", ProductProcess.ADMIN_BASIC).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(export.body()).isEqualTo(bytes);

            // the global sequence continues after the imported history
            JsonNode next = post(product.baseUrl(), "/api/campaigns/" + CAMPAIGN + "/activities",
                    activity("after-import", 1));
            assertThat(next.get("position").asLong()).isGreaterThan(head);
        }
    }

    @Test
    void aSnapshotBackupTakenWhileWritingHoldsEveryAcknowledgedEventAndStartsAsIs() throws Exception {
        Path dataDir = ProductProcess.tempDataDir();
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Map<String, Long> acknowledgedBeforeBackup;
        JsonNode backup;
        try (ProductProcess product = ProductProcess.start(dataDir, ProductProcess.freePort(),
                ProductProcess.freePort(), ProductProcess.accountArgs())) {
            String base = product.baseUrl();
            setUp(base);
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch warm = new CountDownLatch(100);
            AtomicLong afterBackup = new AtomicLong();
            AtomicBoolean backupStarted = new AtomicBoolean();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                Thread thread = new Thread(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String id = String.format("bk-%d-%05d", writer, i);
                        try {
                            JsonNode answer = post(base, "/api/campaigns/" + CAMPAIGN + "/activities",
                                    activity(id, 1));
                            acknowledged.put(id, answer.get("position").asLong());
                            warm.countDown();
                            if (backupStarted.get()) {
                                afterBackup.incrementAndGet();
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
                thread.start();
                writers.add(thread);
            }
            assertThat(warm.await(300, TimeUnit.SECONDS)).isTrue();
            acknowledgedBeforeBackup = Map.copyOf(acknowledged);
            backupStarted.set(true);
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/backup"))
                            .header("Authorization", ProductProcess.ADMIN_BASIC).timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            backup = JSON.readTree(answer.body());
            await().atMost(Duration.ofSeconds(60)).until(() -> afterBackup.get() >= 30);
            stop.set(true);
            for (Thread t : writers) {
                t.join();
            }
        }
        Path copy = Path.of(backup.get("dataDir").asText());
        assertThat(copy).startsWith(dataDir.resolve("backups"));
        assertThat(Path.of(backup.get("file").asText())).isEqualTo(copy.resolve("tracker.mv.db"));
        assertThat(backup.get("sizeBytes").asLong()).isEqualTo(Files.size(copy.resolve("tracker.mv.db")));
        long maxAcknowledgedBefore = acknowledgedBeforeBackup.values().stream().max(Long::compare).orElseThrow();
        assertThat(backup.get("position").asLong()).isGreaterThanOrEqualTo(maxAcknowledgedBefore);

        try (ProductProcess restored = ProductProcess.start(copy, ProductProcess.freePort(),
                ProductProcess.freePort(), ProductProcess.accountArgs());
             MongoClient mongo = MongoClients.create(restored.mongoUri())) {
            MongoCollection<Document> events = mongo.getDatabase("campaign_tracker").getCollection("events");
            assertThat(events.countDocuments(Filters.in("_id", acknowledgedBeforeBackup.values())))
                    .as("events acknowledged before the backup started, in the copy")
                    .isEqualTo(acknowledgedBeforeBackup.size());
            assertThat(events.estimatedDocumentCount()).isGreaterThanOrEqualTo(backup.get("eventCount").asLong());

            // the views of the copy are those of the events it holds: one session and 12 participations each
            long recorded = 0;
            long head = 0;
            for (Document event : events.find(Filters.in("_id", range(1, backup.get("position").asLong() + 500)))) {
                head = Math.max(head, ((Number) event.get("_id")).longValue());
                if (event.getString("payloadType").endsWith("ActivityRecorded")) {
                    recorded++;
                }
            }
            assertThat(recorded).isGreaterThanOrEqualTo(acknowledgedBeforeBackup.size());
            String live = awaitTotals(restored.baseUrl(), head, recorded);
            HttpResponse<String> rebuild = HTTP.send(HttpRequest.newBuilder(
                            URI.create(restored.baseUrl() + "/api/admin/projections/rebuild"))
                    .header("Authorization", ProductProcess.ADMIN_BASIC)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(rebuild.statusCode()).isEqualTo(202);
            assertThat(awaitTotals(restored.baseUrl(), head, recorded)).isEqualTo(live);
        }
    }

    private static List<Long> range(long from, long to) {
        List<Long> ids = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            ids.add(id);
        }
        return ids;
    }

    /** Waits for the progress view at {@code head} to show {@code recorded} activities; returns its body. */
    private static String awaitTotals(String base, long head, long recorded) {
        java.util.concurrent.atomic.AtomicReference<String> body = new java.util.concurrent.atomic.AtomicReference<>();
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> r = get(base, "/api/campaigns/" + CAMPAIGN + "/progress?minPosition=" + head);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Projection-Caught-Up")).contains("true");
            JsonNode totals = JSON.readTree(r.body()).get("totals");
            assertThat(totals.get("sessions").asLong()).isEqualTo(recorded);
            assertThat(totals.get("participations").asLong()).isEqualTo(12 * recorded);
            body.set(r.body());
        });
        return body.get();
    }

    private static void setUp(String base) throws Exception {
        post(base, "/api/units", Map.of("unitId", "mg-center", "name", "海淀区新时代文明实践中心", "type", "实践中心",
                "district", "海淀区"));
        post(base, "/api/units", Map.of("unitId", "mg-suo", "name", "学院路街道新时代文明实践所", "type", "实践所",
                "district", "海淀区", "parentUnitId", "mg-center"));
        post(base, "/api/units", Map.of("unitId", "mg-zhan", "name", "学院路社区新时代文明实践站", "type", "实践站",
                "district", "海淀区", "parentUnitId", "mg-suo"));
        Map<String, Object> campaign = new HashMap<>();
        campaign.put("id", CAMPAIGN);
        campaign.put("title", "爱国卫生月");
        campaign.put("theme", "爱国卫生");
        campaign.put("description", "清洁家园");
        campaign.put("district", "海淀区");
        campaign.put("eligibleUnitTypes", List.of("实践所", "实践站"));
        campaign.put("startDate", TODAY.minusDays(20).toString());
        campaign.put("endDate", TODAY.plusDays(30).toString());
        campaign.put("targets", Map.of("sessions", 500, "participations", 5000));
        post(base, "/api/campaigns", campaign);
        post(base, "/api/campaigns/" + CAMPAIGN + "/enrollments", Map.of("unitId", "mg-suo"));
        post(base, "/api/campaigns/" + CAMPAIGN + "/enrollments", Map.of("unitId", "mg-zhan"));
    }

    /** Units, a campaign, 40 activities, 6 corrections and 4 retractions; returns the last position. */
    private static long fill(String base) throws Exception {
        setUp(base);
        long head = 0;
        for (int i = 0; i < 40; i++) {
            Map<String, Object> a = activity(String.format("mg-%03d", i), 1 + i % 3);
            a.put("unitId", i % 2 == 0 ? "mg-suo" : "mg-zhan");
            a.put("date", TODAY.minusDays(i % 15).toString());
            a.put("serviceHours", 2.5 * (1 + i % 4));
            head = Math.max(head, post(base, "/api/campaigns/" + CAMPAIGN + "/activities", a).get("position")
                                                                                             .asLong());
        }
        for (int i = 0; i < 6; i++) {
            Map<String, Object> a = activity(String.format("mg-%03d", i * 5), 4);
            a.put("unitId", i * 5 % 2 == 0 ? "mg-suo" : "mg-zhan");
            a.put("date", TODAY.minusDays(i * 5 % 15).toString());
            a.put("serviceHours", 7.5);
            a.put("reason", "场次填报有误，更正为 4 场");
            head = Math.max(head, send("PUT", base, "/api/campaigns/" + CAMPAIGN + "/activities/"
                    + String.format("mg-%03d", i * 5), a).get("position").asLong());
        }
        for (int i = 0; i < 4; i++) {
            head = Math.max(head, send("DELETE", base, "/api/campaigns/" + CAMPAIGN + "/activities/"
                    + String.format("mg-%03d", 3 + i * 7) + "?reason="
                    + URLEncoder.encode("重复填报，撤回", StandardCharsets.UTF_8), null).get("position").asLong());
        }
        return head;
    }

    /** Progress, ledger and audit trail as the API answers them, once the projections have reached {@code head}. */
    private static Map<String, String> views(String base, long head) {
        Map<String, String> views = new HashMap<>();
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String view : List.of("/progress", "/activities", "/history")) {
                HttpResponse<String> r = get(base, "/api/campaigns/" + CAMPAIGN + view + "?minPosition=" + head);
                assertThat(r.statusCode()).as(view + " " + r.body()).isEqualTo(200);
                assertThat(r.headers().firstValue("X-Projection-Caught-Up")).contains("true");
                views.put(view, r.body());
            }
        });
        assertThat(views.get("/history")).contains("重复填报，撤回").contains("场次填报有误");
        return views;
    }

    private static Map<String, Object> activity(String id, int sessions) {
        return ActivityBodies.activity(id, "mg-suo", TODAY,
                new ActivityBodies.Place("社区环境清洁", "爱国卫生", "学院路街道"), sessions, 12, 3.5, 300, "");
    }

    private static JsonNode post(String base, String path, Object body) throws Exception {
        return send("POST", base, path, body);
    }

    private static JsonNode send(String method, String base, String path, Object body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Authorization", ProductProcess.COORDINATOR_BASIC)
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s answered %s", method, path, r.body()).isBetween(200, 299);
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> get(String base, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", ProductProcess.ADMIN_BASIC).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> lines(Path archive) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
            return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    private static Path gzip(Path file, List<String> lines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            for (String line : lines) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return Files.write(file, bytes.toByteArray());
    }

    /** The packaged jar run as a one-shot command. */
    private record Tool(int exitCode, String output) {
        static Tool run(String... args) throws Exception {
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-jar", ProductProcess.JAR.toAbsolutePath().toString()));
            cmd.addAll(List.of(args));
            Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
            return new Tool(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        }
    }
}
