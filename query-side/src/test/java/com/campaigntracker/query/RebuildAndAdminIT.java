package com.campaigntracker.query;

import com.campaigntracker.eventstore.TrackerMongo;
import com.campaigntracker.query.admin.ReadModelVersion;
import com.campaigntracker.query.projection.Projector;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRecorded;
import com.campaigntracker.shared.unit.UnitType;
import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.campaigntracker.query.EventFeed.at;
import static com.campaigntracker.query.Scenario.f;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RebuildAndAdminIT extends QueryIntegrationTest {
    @Autowired
    TrackerMongo mongo;
    @Autowired
    Projector projector;
    @Autowired
    ReadModelVersion readModelVersion;

    @Test
    void aReadModelBuiltByAnOlderReleaseIsRebuiltAndTheCurrentOneIsLeftAlone() {
        Scenario s = new Scenario(feed);
        String c = uid("ver");
        String u = uid("st");
        s.unit(u, "站", UnitType.PRACTICE_STATION, "通州区", null, at("2025-06-01", 9))
                .launch(c, "t", "t", null, "2025-07-01", "2025-07-31", null, at("2025-06-30", 9))
                .record(c, "a1", u, "2025-07-02", "宣讲", f(4, 1, 1, 1), at("2025-07-02", 10));
        JsonNode before = get("/api/campaigns/" + c + "/progress").body();
        String since = getRaw("/api/admin/projections").body().get(0).get("since").asText();

        readModelVersion.check(); // recorded at start: nothing to do
        assertThat(readModelVersion.stored()).isEqualTo(ReadModelVersion.CURRENT);
        assertThat(getRaw("/api/admin/projections").body().get(0).get("since").asText()).isEqualTo(since);

        mongo.database().getCollection(ReadModelVersion.COLLECTION)
                .updateOne(Filters.eq("_id", "read-model"), Updates.set("version", ReadModelVersion.CURRENT - 1));
        readModelVersion.check();
        assertThat(getRaw("/api/admin/projections").body().get(0).get("since").asText()).isNotEqualTo(since);
        await().atMost(Duration.ofSeconds(120)).until(() ->
                !getRaw("/api/admin/projections").body().get(0).get("rebuilding").asBoolean());
        assertThat(readModelVersion.stored()).isEqualTo(ReadModelVersion.CURRENT);
        assertThat(get("/api/campaigns/" + c + "/progress").body()).isEqualTo(before);
    }

    @Test
    void aFullReplayGivesByteForByteTheSameReadModelAsTheIncrementalBuild() {
        List<String> campaigns = RealisticScenario.publish(feed, uid("r"));
        clock.set(LocalDate.parse("2025-08-12"));
        JsonNode before = get("/api/campaigns/" + campaigns.get(0) + "/progress").body();
        assertThat(before.at("/totals/activities").asLong()).isGreaterThan(100);
        Map<String, List<String>> incremental = dump();
        assertThat(incremental.values().stream().mapToInt(List::size).sum()).isGreaterThan(1000);
        assertThat(incremental.get("rm_service_orders")).hasSizeGreaterThanOrEqualTo(60);
        assertThat(incremental.get("rm_service_projects")).hasSizeGreaterThanOrEqualTo(3);

        Response rebuild = post("/api/admin/projections/rebuild");
        assertThat(rebuild.status()).isEqualTo(202);
        assertThat(rebuild.body().get("rebuilding").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(120)).until(() ->
                !getRaw("/api/admin/projections").body().get(0).get("rebuilding").asBoolean());
        JsonNode admin = getRaw("/api/admin/projections").body().get(0);
        assertThat(admin.get("name").asText()).isEqualTo("tracker-projections");
        assertThat(admin.get("label").asText()).startsWith("读模型投影");
        assertThat(admin.get("running").asBoolean()).isTrue();
        assertThat(admin.get("eventsProcessed").asLong()).isGreaterThan(800);
        assertThat(admin.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(admin.get("segments").size()).isEqualTo(4);

        JsonNode after = get("/api/campaigns/" + campaigns.get(0) + "/progress").body();
        assertThat(after).isEqualTo(before);
        Map<String, List<String>> replayed = dump();
        assertThat(replayed.keySet()).isEqualTo(incremental.keySet());
        for (String collection : incremental.keySet()) {
            assertThat(replayed.get(collection)).as(collection).isEqualTo(incremental.get(collection));
        }
    }

    @Test
    void aPoisonEventIsDeadLetteredAndTheRestKeepsFlowing() {
        Scenario s = new Scenario(feed);
        String poisoned = uid("poison");
        String healthy = uid("healthy");
        String u = uid("st");
        s.unit(u, "站", UnitType.PRACTICE_STATION, "通州区", null, at("2025-06-01", 9))
                .launch(poisoned, "t", "t", null, "2025-07-01", "2025-07-31", null, at("2025-06-30", 9))
                .launch(healthy, "t", "t", null, "2025-07-01", "2025-07-31", null, at("2025-06-30", 9));
        feed.publish(new ActivityRecorded(poisoned, "bad", u, LocalDate.parse("2025-07-02"), "t", "c", "s", null,
                null), at("2025-07-02", 9), "unit-x", "unit");
        s.record(healthy, "ok", u, "2025-07-02", "宣讲", f(3, 1, 1, 1), at("2025-07-02", 10));

        assertThat(get("/api/campaigns/" + healthy + "/progress").body().at("/metrics/sessions/total").asLong())
                .isEqualTo(3);
        JsonNode letters = get("/api/admin/dead-letters").body();
        assertThat(letters.get("size").asLong()).isGreaterThanOrEqualTo(1);
        List<String> causes = new ArrayList<>();
        letters.get("sequences").forEach(seq -> seq.get("letters").forEach(l -> causes.add(l.get("cause").asText())));
        assertThat(causes).anyMatch(c -> c.contains("figures"));
        JsonNode retried = post("/api/admin/dead-letters/retry").body();
        assertThat(retried.get("sizeAfter").asLong()).isGreaterThanOrEqualTo(1); // still poisonous: stays queued
    }

    @Test
    void aRebuildReplaysADeadLetteredCampaignAndQueuesOnlyItsPoisonAgain() {
        Scenario s = new Scenario(feed);
        String poisoned = uid("again");
        String u = uid("st");
        s.unit(u, "站", UnitType.PRACTICE_STATION, "通州区", null, at("2025-06-01", 9))
                .launch(poisoned, "t", "t", null, "2025-07-01", "2025-07-31", null, at("2025-06-30", 9))
                .record(poisoned, "before", u, "2025-07-01", "宣讲", f(2, 1, 1, 1), at("2025-07-01", 10));
        feed.publish(new ActivityRecorded(poisoned, "bad", u, LocalDate.parse("2025-07-02"), "t", "c", "s", null,
                null), at("2025-07-02", 9), "unit-x", "unit");
        s.record(poisoned, "after", u, "2025-07-03", "宣讲", f(5, 1, 1, 1), at("2025-07-03", 10));
        assertThat(get("/api/campaigns/" + poisoned + "/progress").body().at("/metrics/sessions/total").asLong())
                .isEqualTo(2); // "after" waits behind the poison
        long lettersBefore = lettersOf(poisoned);
        assertThat(lettersBefore).isEqualTo(2);

        assertThat(post("/api/admin/projections/rebuild").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).until(() ->
                !getRaw("/api/admin/projections").body().get(0).get("rebuilding").asBoolean());

        // launched and "before" are projected again; the poison and what follows it are queued once, not twice
        assertThat(get("/api/campaigns/" + poisoned + "/progress").body().at("/metrics/sessions/total").asLong())
                .isEqualTo(2);
        assertThat(lettersOf(poisoned)).isEqualTo(lettersBefore);
    }

    private long lettersOf(String campaign) {
        long n = 0;
        for (JsonNode seq : get("/api/admin/dead-letters").body().get("sequences")) {
            if (seq.get("sequence").asText().equals("c:" + campaign)) {
                n += seq.get("letters").size();
            }
        }
        return n;
    }

    private Map<String, List<String>> dump() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String c : projector.collections()) {
            List<String> docs = new ArrayList<>();
            for (Document d : mongo.database().getCollection(c).find().sort(new Document("_id", 1))) {
                docs.add(d.toJson());
            }
            out.put(c, docs);
        }
        return out;
    }
}
