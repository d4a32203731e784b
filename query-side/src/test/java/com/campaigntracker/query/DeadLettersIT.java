package com.campaigntracker.query;

import java.time.LocalDate;
import com.campaigntracker.eventstore.TrackerMongo;
import com.campaigntracker.query.campaigns.CampaignProjection;
import com.campaigntracker.query.projection.TrackerProjections;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRecorded;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignRevised;
import com.campaigntracker.shared.unit.UnitType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.campaigntracker.query.EventFeed.at;
import static com.campaigntracker.query.Scenario.f;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events the projection cannot apply (here: because an operator corrupted a read-model document) are dead-lettered
 * one campaign at a time while the rest keeps flowing; once the document is repaired, a retry applies them.
 */
class DeadLettersIT extends QueryIntegrationTest {
    @Autowired
    TrackerMongo mongo;
    @Autowired
    EventProcessingConfiguration processing;

    /** Campaigns whose totals a test corrupted, with the totals to put back. */
    private final Map<String, Document> corrupted = new LinkedHashMap<>();

    @Test
    void aFailureWhileApplyingDeadLettersOnlyTheFailingCampaign() {
        clock.set(LocalDate.parse("2025-07-20"));
        Scenario s = new Scenario(feed);
        String u = uid("st");
        String broken = uid("broken");
        String healthy = inTheSameSegmentAs(broken);
        s.unit(u, "站", UnitType.PRACTICE_STATION, "通州区", null, at("2025-06-01", 9))
                .launch(broken, "原标题", "t", null, "2025-07-01", "2025-07-31", null, at("2025-06-30", 9))
                .launch(healthy, "t", "t", null, "2025-07-01", "2025-07-31", null, at("2025-06-30", 9))
                .record(broken, "a1", u, "2025-07-02", "宣讲", f(2, 10, 1, 5), at("2025-07-02", 9))
                .record(healthy, "h1", u, "2025-07-02", "宣讲", f(1, 1, 1, 1), at("2025-07-02", 9));
        assertThat(sessions(healthy)).isEqualTo(1);

        corruptTotals(broken);
        s.record(broken, "a2", u, "2025-07-03", "宣讲", f(3, 1, 1, 1), at("2025-07-03", 9))
                .record(healthy, "h2", u, "2025-07-03", "宣讲", f(4, 1, 1, 1), at("2025-07-03", 10));
        feed.publish(new CampaignRevised(broken, "新标题", null, null), at("2025-07-03", 11));
        s.record(broken, "a3", u, "2025-07-04", "宣讲", f(5, 1, 1, 1), at("2025-07-04", 9))
                .record(healthy, "h3", u, "2025-07-04", "宣讲", f(6, 1, 1, 1), at("2025-07-04", 10));

        // the processor got past the failure (every segment reached the head) and the other campaign, in the very
        // segment of the failing one, has all its figures
        Response r = get("/api/campaigns/" + healthy + "/progress");
        assertThat(r.raw().headers().firstValue("X-Projection-Caught-Up")).hasValue("true");
        assertThat(r.body().at("/totals/sessions").asLong()).isEqualTo(1 + 4 + 6);
        // the failing campaign's events from the first failing one on wait in the queue, in order, the first with why
        List<DeadLetter<? extends EventMessage<?>>> letters = letters(broken);
        assertThat(letters).extracting(l -> l.message().getPayload()).satisfiesExactly(
                p -> assertThat(p).isInstanceOfSatisfying(ActivityRecorded.class,
                        a -> assertThat(a.activityId()).isEqualTo("a2")),
                p -> assertThat(p).isInstanceOf(CampaignRevised.class),
                p -> assertThat(p).isInstanceOfSatisfying(ActivityRecorded.class,
                        a -> assertThat(a.activityId()).isEqualTo("a3")));
        assertThat(letters.get(0).cause()).hasValueSatisfying(c -> assertThat(c.message()).isNotBlank());
        JsonNode listed = get("/api/admin/dead-letters").body();
        assertThat(listed.get("sequences")).anySatisfy(seq -> {
            assertThat(seq.get("sequence").asText()).isEqualTo("c:" + broken);
            assertThat(seq.get("letters")).hasSize(3);
        });
        // nothing behind the failure was applied: not the revision, not the later activity
        Document campaign = campaigns().find(Filters.eq("_id", broken)).first();
        assertThat(campaign.getString("title")).isEqualTo("原标题");
        assertThat(mongo.database().getCollection("rm_activities")
                .countDocuments(Filters.eq("campaignId", broken))).isEqualTo(1);
    }

    @Test
    void afterTheFixARetryProcessesTheDeadLetters() {
        clock.set(LocalDate.parse("2025-07-20"));
        Scenario s = new Scenario(feed);
        String u = uid("st");
        String broken = uid("broken");
        String reference = uid("ref");
        s.unit(u, "站", UnitType.PRACTICE_STATION, "通州区", null, at("2025-06-01", 9));
        // the same history for both campaigns: the reference one is what the broken one must look like after the fix
        for (String c : List.of(broken, reference)) {
            s.launch(c, "原标题", "t", "通州区", "2025-07-01", "2025-07-31", null, at("2025-06-30", 9))
                    .enrol(c, u, at("2025-06-30", 10))
                    .record(c, "a1", u, "2025-07-02", "宣讲", f(2, 10, 1.5, 5), at("2025-07-02", 9));
        }
        assertThat(sessions(broken)).isEqualTo(2);

        corruptTotals(broken);
        for (String c : List.of(broken, reference)) {
            s.record(c, "a2", u, "2025-07-03", "宣讲", f(3, 20, 2, 7), at("2025-07-03", 9))
                    .correct(c, "a1", "2025-07-01", f(4, 12, 1.5, 5), at("2025-07-04", 9))
                    .record(c, "a3", u, "2025-07-05", "清洁", f(5, 30, 3, 9), at("2025-07-05", 9));
            feed.publish(new CampaignRevised(c, "新标题", null, null), at("2025-07-05", 10));
        }
        assertThat(sessions(reference)).isEqualTo(4 + 3 + 5);
        List<DeadLetter<? extends EventMessage<?>>> queued = letters(broken);
        assertThat(queued).hasSize(4);

        // retried before the fix: tried (touched again), fails again, every letter stays queued in order
        JsonNode early = retry();
        assertThat(early.get("sequencesFailed").asInt()).isGreaterThanOrEqualTo(1);
        List<DeadLetter<? extends EventMessage<?>>> stillQueued = letters(broken);
        assertThat(stillQueued).extracting(l -> l.message().getIdentifier())
                .containsExactlyElementsOf(queued.stream().map(l -> l.message().getIdentifier()).toList());
        assertThat(stillQueued.get(0).lastTouched()).isAfter(queued.get(0).lastTouched());

        repairTotals(broken);
        JsonNode retried = retry();
        assertThat(retried.get("sequencesProcessed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(queue().contains("c:" + broken)).isFalse();
        JsonNode fixed = get("/api/campaigns/" + broken + "/progress").body();
        assertThat(fixed.get("title").asText()).isEqualTo("新标题");
        assertThat(fixed.at("/totals/sessions").asLong()).isEqualTo(4 + 3 + 5);
        assertThat(fixed.at("/totals/activities").asLong()).isEqualTo(3);
        assertThat(withoutId(fixed)).isEqualTo(withoutId(get("/api/campaigns/" + reference + "/progress").body()));

        // retried twice, and a letter queued twice (as when the processor retries a batch it partly dead-lettered):
        // the projection skips what it has applied, nothing counts twice
        retry();
        EventMessage<?> again = queued.get(1).message();
        queue().enqueue("c:" + broken, new GenericDeadLetter<>("c:" + broken, again));
        retry();
        assertThat(queue().contains("c:" + broken)).isFalse();
        assertThat(withoutId(get("/api/campaigns/" + broken + "/progress").body())).isEqualTo(withoutId(fixed));
    }

    /** Leaves the shared read model as a replay would build it (the rebuild test compares the two). */
    @AfterEach
    void repairAndRetry() {
        if (!corrupted.isEmpty()) {
            List.copyOf(corrupted.keySet()).forEach(this::repairTotals);
            retry();
        }
    }

    private JsonNode retry() {
        Response r = post("/api/admin/dead-letters/retry");
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    /** An operator's mistake: the campaign's totals overwritten with a string; every activity of it now throws. */
    private void corruptTotals(String campaignId) {
        Document totals = campaigns().find(Filters.eq("_id", campaignId)).first().get("totals", Document.class);
        corrupted.put(campaignId, totals);
        campaigns().updateOne(Filters.eq("_id", campaignId), Updates.set("totals", "corrupted"));
    }

    /** The operator's fix: the totals as they were (no event of the campaign has been applied since). */
    private void repairTotals(String campaignId) {
        campaigns().updateOne(Filters.eq("_id", campaignId), Updates.set("totals", corrupted.remove(campaignId)));
    }

    /** A campaign whose events the same segment processes (segments split on the sequence id's hash, ≤ 16 here). */
    private static String inTheSameSegmentAs(String campaignId) {
        int bits = ("c:" + campaignId).hashCode() & 0xF;
        String other;
        do {
            other = uid("healthy");
        } while ((("c:" + other).hashCode() & 0xF) != bits);
        return other;
    }

    private long sessions(String campaignId) {
        return get("/api/campaigns/" + campaignId + "/progress").body().at("/totals/sessions").asLong();
    }

    private static JsonNode withoutId(JsonNode progress) {
        ObjectNode copy = progress.deepCopy();
        copy.remove("campaignId");
        return copy;
    }

    private MongoCollection<Document> campaigns() {
        return mongo.database().getCollection(CampaignProjection.CAMPAIGNS.name());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue() {
        return processing.deadLetterQueue(TrackerProjections.GROUP).orElseThrow();
    }

    private List<DeadLetter<? extends EventMessage<?>>> letters(String campaignId) {
        List<DeadLetter<? extends EventMessage<?>>> out = new ArrayList<>();
        queue().deadLetterSequence("c:" + campaignId).forEach(out::add);
        return out;
    }
}
