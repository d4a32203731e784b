package com.campaigntracker.command.api;

import com.campaigntracker.shared.briefing.BriefingCommands;
import com.campaigntracker.shared.briefing.BriefingEvents.BriefingIssued;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BriefingIssueApiTest extends ApiTestSupport {

    static String briefing(String briefingId, String office, String paragraph) {
        return """
                {"briefingId": %s, "office": "%s", "officeName": "首都精神文明办", "title": "首都精神文明建设情况简报",
                 "issueNo": 1, "totalIssueNo": 1, "date": "2020-08-13", "column": "新时代文明实践中心建设",
                 "sections": [{"heading": "海淀区扎实开展爱国卫生月。", "paragraphs": ["%s"],
                   "source": "(海淀区文明办)",
                   "figures": {"campaigns": 1, "enrolledUnits": 3, "reportingUnits": 2, "sessions": 612,
                     "participations": 36118, "serviceHours": 460.5, "beneficiaries": 85317,
                     "links": [{"campaignId": "c1", "title": "爱国卫生月", "asOf": "2020-06-30",
                       "progress": "/api/campaigns/c1/progress?asOf=2020-06-30",
                       "history": "/api/campaigns/c1/history", "ledger": "/api/campaigns/c1/activities"}]}}],
                 "footer": {"editor": "梅雪峰", "reviewer": "田文松", "phone": "55569506", "fax": "55569505",
                   "email": "x@163.com", "reportTo": "中央文明办", "sendTo": "首都文明委委员", "distributeTo": "各区文明办"},
                 "appendix": {"include": false, "rows": []},
                 "scope": {"campaignId": null, "district": "海淀区", "from": "2020-06-01", "to": "2020-06-30"},
                 "asOf": "2020-06-30", "groupBy": "district"}
                """.formatted(briefingId == null ? "null" : "\"" + briefingId + "\"", office, paragraph);
    }

    @Test
    void eightParallelIssuesGetEightConsecutiveNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Answer>> issues = IntStream.range(0, 8).<Callable<Answer>>mapToObj(i ->
                    () -> post("/api/briefings", briefing(null, "shoudu", "第 " + i + " 份"))).toList();
            List<Integer> issueNos = new ArrayList<>();
            List<Integer> totals = new ArrayList<>();
            for (Future<Answer> f : pool.invokeAll(issues)) {
                Answer a = assertAccepted(f.get(), 201);
                issueNos.add(a.body().path("issueNo").asInt());
                totals.add(a.body().path("totalIssueNo").asInt());
            }
            assertThat(issueNos).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
            assertThat(totals).containsExactlyInAnyOrder(2150, 2151, 2152, 2153, 2154, 2155, 2156, 2157);
        } finally {
            pool.shutdownNow();
        }
        List<Object> events = payloads(BriefingCommands.seriesId("shoudu"));
        assertThat(events).hasSize(8).allSatisfy(e -> assertThat(e).isInstanceOf(BriefingIssued.class));
        BriefingIssued first = (BriefingIssued) events.get(0);
        assertThat(first.issuedBy()).isEqualTo("coordinator");
        assertThat(first.briefing().issueNo()).isEqualTo(first.issueNo());
        assertThat(first.briefing().sections().get(0).figures().sessions()).isEqualTo(612);
        assertThat(first.briefing().scope().district()).isEqualTo("海淀区");
    }

    @Test
    void aRetryIsANoOpAndAnIssuedBriefingNeverChanges() {
        String id = id("b");
        Answer first = assertAccepted(post("/api/briefings", briefing(id, "haidian", "原文")), 201);
        long before = eventCount();
        Answer again = assertAccepted(post("/api/briefings", briefing(id, "haidian", "原文")), 200);
        assertThat(again.body().path("issueNo").asInt()).isEqualTo(first.body().path("issueNo").asInt());
        assertThat(eventCount()).isEqualTo(before);
        assertRejected(409, "briefing-id-conflict", "POST", "/api/briefings", briefing(id, "haidian", "改过的"));
    }

    @Test
    void badInputAndUnknownOfficesAreRefused() {
        assertRejected(404, "briefing-office-not-found", "POST", "/api/briefings", briefing(null, "nowhere", "x"));
        assertRejected(400, "invalid-field", "POST", "/api/briefings", briefing(null, "shoudu", " "));
    }

    @Test
    void leadersMayNotIssueUnlessConfigured() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/briefings"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("hd-leader:leader-pw".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(briefing(null, "haidian", "x"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("type").asText()).endsWith("/briefing-issue-forbidden");
    }
}
