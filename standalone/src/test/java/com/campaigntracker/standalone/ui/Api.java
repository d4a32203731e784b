package com.campaigntracker.standalone.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product's REST API, to set the scene for a browser test and to check what the browser did; as the admin
 * account when the product checks credentials.
 */
final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Api(String base) {
        this.base = base;
    }

    JsonNode post(String path, Object body) {
        return command("POST", path, body);
    }

    JsonNode put(String path, Object body) {
        return command("PUT", path, body);
    }

    /** A command as the admin; it must be accepted. */
    private JsonNode command(String method, String path, Object body) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Authorization", Accounts.ADMIN.basicAuth())
                .method(method, HttpRequest.BodyPublishers.ofString(write(body))));
        assertThat(r.statusCode()).as("%s %s answered %s", method, path, r.body()).isBetween(200, 299);
        return read(r.body());
    }

    /** GET; null when the answer is not 2xx (e.g. the read model has not caught up yet). */
    JsonNode get(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", Accounts.ADMIN.basicAuth()).GET());
        return r.statusCode() / 100 == 2 ? read(r.body()) : null;
    }

    void unit(String id, String name, String type, String district, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", id);
        body.put("name", name);
        body.put("type", type);
        body.put("district", district);
        body.put("parentUnitId", parent);
        post("/api/units", body);
    }

    JsonNode campaign(String id, String title, String district, List<String> types, LocalDate start, LocalDate end,
                      Map<String, Object> targets) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("title", title);
        body.put("theme", "爱国卫生");
        body.put("description", "浏览器测试用活动");
        body.put("district", district);
        body.put("eligibleUnitTypes", types);
        body.put("startDate", start.toString());
        body.put("endDate", end.toString());
        body.put("targets", targets);
        return post("/api/campaigns", body);
    }

    JsonNode enroll(String campaignId, String unitId) {
        return post("/api/campaigns/" + campaignId + "/enrollments", Map.of("unitId", unitId));
    }

    JsonNode activity(String campaignId, String activityId, String unitId, LocalDate date, String title,
                      int sessions, int participations, double hours, int beneficiaries) {
        Map<String, Object> body = new HashMap<>();
        body.put("activityId", activityId);
        body.put("unitId", unitId);
        body.put("date", date.toString());
        body.put("title", title);
        body.put("category", "环境清洁");
        body.put("site", "社区公共区域");
        body.put("sessions", sessions);
        body.put("participations", participations);
        body.put("serviceHours", hours);
        body.put("beneficiaries", beneficiaries);
        body.put("notes", "");
        return post("/api/campaigns/" + campaignId + "/activities", body);
    }

    /** The read model has caught up with a command's answer (read-your-writes through {@code minPosition}). */
    boolean caughtUp(String path, JsonNode commandAnswer) {
        JsonNode position = commandAnswer == null ? null : commandAnswer.get("position");
        String q = position == null || position.isNull() ? "" : (path.contains("?") ? "&" : "?") + "minPosition=" + position.asText();
        return get(path + q) != null;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e, e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (Exception e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
