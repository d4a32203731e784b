package com.campaigntracker.command.api;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding 6 of issue 16 over HTTP: each refusal is a 400 problem+json naming the rule, and nothing is stored. */
class MalformedTextApiTest extends ApiTestSupport {

    @Test
    void overlongUtf8IsRefusedNotDecodedToASlash() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{\"unitId\":\"" + id("u") + "\",\"name\":\"a").getBytes(StandardCharsets.UTF_8));
        body.write(0xC0);
        body.write(0xAF);
        body.writeBytes("b\",\"type\":\"实践所\",\"district\":\"海淀区\"}".getBytes(StandardCharsets.UTF_8));
        long before = storageEngine.createHeadToken().position().orElse(-1);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/units")).header("Authorization", COORDINATOR)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("UTF-8");
        assertThat(storageEngine.createHeadToken().position().orElse(-1)).isEqualTo(before);
    }

    @Test
    void loneSurrogatesInvisibleNamesBidiControlsAndUnknownDistrictsAre400() {
        String[][] cases = {
                {"\"a\\ud800b\"", "\"海淀区\"", "代理项"},
                {"\"\\u200b\\u200b\"", "\"海淀区\"", "不可见"},
                {"\"abc\\u202Eexe\"", "\"海淀区\"", "双向"},
                {"\"某单位\"", "\"海淀区\\u200b\\u200b海淀\"", "必须是以下区之一"},
                {"\"某单位\"", "\"Haidian\"", "必须是以下区之一"}};
        for (String[] c : cases) {
            Answer a = post("/api/units", "{\"unitId\":\"" + id("u") + "\",\"name\":" + c[0]
                    + ",\"type\":\"实践所\",\"district\":" + c[1] + "}");
            assertThat(a.status()).as(a.raw()).isEqualTo(400);
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.type()).isEqualTo(ProblemAdvice.TYPE_BASE + "invalid-field");
            assertThat(a.detail()).contains(c[2]);
        }
    }
}
