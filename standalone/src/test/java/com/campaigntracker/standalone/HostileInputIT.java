package com.campaigntracker.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile corpus ({@code hostile/requests.jsonl}, made by {@code generate.py} beside it): every request to a
 * write endpoint is refused with a 4xx problem+json — never a 5xx, never a stack trace — and the event store
 * holds exactly the events it held before.
 */
class HostileInputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RELATIVE_DATE = Pattern.compile("\\{today([+-]\\d+)?}");
    private static final String AUTH = ProductProcess.COORDINATOR_BASIC;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void everyHostileRequestIsRefusedWithAProblemAndChangesNothing() throws Exception {
        try (ProductProcess product = ProductProcess.start(ProductProcess.tempDataDir(), ProductProcess.freePort(),
                ProductProcess.freePort(), ProductProcess.accountArgs());
             MongoClient mongo = MongoClients.create(product.mongoUri())) {
            String base = product.baseUrl();
            setUpFixture(base);
            long eventsBefore = mongo.getDatabase("campaign_tracker").getCollection("events").countDocuments();

            List<JsonNode> corpus = corpus();
            assertThat(corpus).hasSizeGreaterThanOrEqualTo(750);
            Map<Integer, Integer> histogram = new TreeMap<>();
            List<String> failures = new ArrayList<>();
            for (JsonNode entry : corpus) {
                HttpResponse<String> response = send(base, entry);
                histogram.merge(response.statusCode(), 1, Integer::sum);
                String contentType = response.headers().firstValue("Content-Type").orElse("");
                boolean ok = response.statusCode() >= 400 && response.statusCode() < 500
                        && contentType.startsWith("application/problem+json")
                        && !response.body().contains("Exception") && !response.body().contains("\tat ");
                if (ok) {
                    JsonNode problem = JSON.readTree(response.body());
                    ok = problem.hasNonNull("type") && problem.hasNonNull("title") && problem.hasNonNull("detail");
                }
                if (!ok) {
                    failures.add(entry.get("method").asText() + " " + entry.get("path").asText() + " ("
                            + entry.get("why").asText() + ") → " + response.statusCode() + " " + contentType + " "
                            + abbreviate(response.body()));
                }
            }
            System.out.println("Hostile corpus: " + corpus.size() + " requests, status histogram " + histogram);
            assertThat(failures).as("requests not refused with a 4xx problem+json").isEmpty();
            assertThat(mongo.getDatabase("campaign_tracker").getCollection("events").countDocuments())
                    .as("events stored after the hostile corpus").isEqualTo(eventsBefore);
        }
    }

    private void setUpFixture(String base) throws Exception {
        expect2xx(base, "POST", "/api/units", Map.of("unitId", "h-center", "name", "海淀区新时代文明实践中心",
                "type", "实践中心", "district", "海淀区"));
        expect2xx(base, "POST", "/api/units", Map.of("unitId", "h-suo", "name", "学院路街道新时代文明实践所",
                "type", "实践所", "district", "海淀区", "parentUnitId", "h-center"));
        expect2xx(base, "POST", "/api/campaigns", Map.of("id", "h-camp", "title", "爱国卫生月", "theme", "爱国卫生",
                "description", "清洁家园", "district", "海淀区", "eligibleUnitTypes", List.of("实践所"),
                "startDate", today.minusDays(5).toString(), "endDate", today.plusDays(30).toString(),
                "targets", Map.of("sessions", 100)));
        expect2xx(base, "POST", "/api/campaigns/h-camp/enrollments", Map.of("unitId", "h-suo"));
        expect2xx(base, "POST", "/api/campaigns/h-camp/activities", Map.ofEntries(
                Map.entry("activityId", "h-act-1"), Map.entry("unitId", "h-suo"),
                Map.entry("date", today.toString()), Map.entry("title", "清洁"), Map.entry("category", "爱国卫生"),
                Map.entry("site", "社区"), Map.entry("sessions", 1), Map.entry("participations", 5),
                Map.entry("serviceHours", 2.5), Map.entry("beneficiaries", 30), Map.entry("notes", "")));
    }

    private void expect2xx(String base, String method, String path, Object body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", AUTH).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s → %s", method, path, r.body()).isBetween(200, 299);
    }

    private HttpResponse<String> send(String base, JsonNode entry) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + encodePath(entry.get("path").asText())))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", AUTH)
                .header("Content-Type", entry.get("contentType").asText());
        String method = entry.get("method").asText();
        if (entry.has("headers")) {
            entry.get("headers").fields().forEachRemaining(h -> request.header(h.getKey(),
                    h.getValue().asText().replace("{bigheader}", "x".repeat(20_000))));
        }
        if (entry.has("rawBase64")) {
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(
                    java.util.Base64.getDecoder().decode(entry.get("rawBase64").asText())));
        } else if (entry.has("raw")) {
            request.method(method, HttpRequest.BodyPublishers.ofString(expand(entry.get("raw").asText())));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.IOException("no answer to " + method + " " + entry.get("path").asText() + " ("
                    + entry.get("why").asText() + ")", e);
        }
    }

    private String expand(String raw) {
        if (raw.equals("{bigbody}")) {
            return "{" + "\"title\": \"x\",".repeat(200_000) + "\"a\": 1}";
        }
        String s = raw.replace("{huge}", "长".repeat(100_000));
        Matcher m = RELATIVE_DATE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int offset = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
            m.appendReplacement(out, today.plusDays(offset).toString());
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Keeps the hostile characters but makes the URI legal: spaces, brackets and non-ASCII percent-encoded. */
    private static String encodePath(String path) {
        String s = path;
        StringBuilder encoded = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp == ' ' || cp == '[' || cp == ']' || cp > 127) {
                encoded.append(URLEncoder.encode(new String(Character.toChars(cp)), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
            } else {
                encoded.appendCodePoint(cp);
            }
        });
        return encoded.toString();
    }

    private static List<JsonNode> corpus() throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        try (var in = HostileInputIT.class.getResourceAsStream("/hostile/requests.jsonl");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    entries.add(JSON.readTree(line));
                }
            }
        }
        return entries;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
