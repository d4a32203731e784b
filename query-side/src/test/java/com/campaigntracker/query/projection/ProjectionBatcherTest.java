package com.campaigntracker.query.projection;

import com.campaigntracker.query.campaigns.CampaignProjection;
import com.campaigntracker.query.ledger.LedgerProjection;
import com.campaigntracker.query.units.UnitProjection;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRecorded;
import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignLaunched;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignRevised;
import com.campaigntracker.shared.unit.UnitType;
import com.mongodb.MongoTimeoutException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batcher in a processor batch (a {@link BatchingUnitOfWork} flushed at its last message, as the interceptor
 * does) and in a dead-letter retry (a plain unit of work): which failures are dead-lettered, which are rethrown.
 */
class ProjectionBatcherTest {
    private static final Table<Projector.StreamPosition> ELSEWHERE = Table.of("rm_elsewhere",
            Projector.StreamPosition.class);
    private FlakyStore store;
    private InMemorySequencedDeadLetterQueue<EventMessage<?>> queue;
    private ProjectionBatcher batcher;
    private Projector projector;
    private final Map<String, Long> seqs = new HashMap<>();

    @BeforeEach
    void setUp() {
        store = new FlakyStore();
        queue = InMemorySequencedDeadLetterQueue.defaultQueue();
        projector = new Projector(store, List.of(new UnitProjection(), new CampaignProjection(), new LedgerProjection()));
        batcher = new ProjectionBatcher(projector, () -> Optional.of(queue));
        assertThat(processorBatch(launch("a"), launch("b")).isExceptional()).isFalse();
    }

    @Test
    void anEventThatCannotBeAppliedIsDeadLetteredWithTheRestOfItsCampaignAndTheOthersAreApplied() {
        corruptSeries("a");
        EventMessage<?> a1 = record("a", "a1", 2);
        EventMessage<?> revised = msg("a", new CampaignRevised("a", "新标题", null, null));
        EventMessage<?> a2 = record("a", "a2", 5);

        ResultMessage<?> result = processorBatch(record("b", "b1", 1), a1, record("b", "b2", 3), revised, a2,
                record("b", "b3", 4));

        assertThat(result.isExceptional()).isFalse();
        assertThat(sessions("b")).isEqualTo(8);
        assertThat(store.get(CampaignProjection.CAMPAIGNS, "a").title()).isEqualTo("标题");
        List<DeadLetter<? extends EventMessage<?>>> letters = letters("c:a");
        assertThat(letters).extracting(l -> l.message().getIdentifier())
                .containsExactly(a1.getIdentifier(), revised.getIdentifier(), a2.getIdentifier());
        assertThat(letters.get(0).cause()).hasValueSatisfying(c -> assertThat(c.type()).contains("BsonInvalidOperation"));
        assertThat(letters.get(1).cause()).isEmpty();
        assertThat(queue.contains("c:b")).isFalse();
        assertThat(batcher.eventsProjected()).isEqualTo(2 + 3);
    }

    @Test
    void whileAReplayHoldsItsDocumentsAFailingEventIsDeadLetteredAndNothingIsAppliedTwice() {
        projector.hold(1_000);
        corruptSeries("a");
        EventMessage<?> a1 = record("a", "a1", 2);
        EventMessage<?> revised = msg("a", new CampaignRevised("a", "新标题", null, null));
        EventMessage<?> a2 = record("a", "a2", 5);

        ResultMessage<?> result = processorBatch(record("b", "b1", 1), record("b", "b2", 3),
                msg("b", new CampaignRevised("b", "乙", null, null)), a1, record("b", "b3", 4), revised, a2);
        projector.release();

        assertThat(result.isExceptional()).isFalse();
        assertThat(sessions("b")).isEqualTo(8); // b1 and b2 were applied before a1 failed, and only once
        assertThat(store.get(CampaignProjection.CAMPAIGNS, "b").title()).isEqualTo("乙");
        assertThat(store.get(CampaignProjection.CAMPAIGNS, "a").title()).isEqualTo("标题");
        assertThat(letters("c:a")).extracting(l -> l.message().getIdentifier())
                .containsExactly(a1.getIdentifier(), revised.getIdentifier(), a2.getIdentifier());
        assertThat(batcher.eventsProjected()).isEqualTo(2 + 4);
    }

    @Test
    void eventsOfTheFailingCampaignBeforeTheFailingOneAreApplied() {
        corruptSeries("a");
        EventMessage<?> a1 = record("a", "a1", 2);

        processorBatch(msg("a", new CampaignRevised("a", "新标题", null, null)), a1);

        assertThat(store.get(CampaignProjection.CAMPAIGNS, "a").title()).isEqualTo("新标题");
        assertThat(letters("c:a")).extracting(l -> l.message().getIdentifier()).containsExactly(a1.getIdentifier());
    }

    @Test
    void whenMongoIsUnreachableTheBatchFailsAsAWholeAndNothingIsDeadLettered() {
        store.failReads = true;

        ResultMessage<?> result = processorBatch(record("a", "a1", 2), record("b", "b1", 1));

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(MongoTimeoutException.class);
        assertThat(queue.size()).isZero();
    }

    @Test
    void aReadThatFailsWhileAnEventIsAppliedIsNotTheEventsFault() {
        Projection lazyReader = new Projection() {
            {
                // not declared up front: looked up alone, while the event is applied
                on(ActivityRecorded.class, (r, e, batch) -> { }, (r, e, batch) -> batch.get(ELSEWHERE, "k"));
            }

            @Override
            public List<String> collections() {
                return List.of();
            }
        };
        batcher = new ProjectionBatcher(new Projector(store, List.of(lazyReader)), () -> Optional.of(queue));
        store.failReadsOf = "rm_elsewhere";

        ResultMessage<?> result = processorBatch(record("a", "a1", 2), record("b", "b1", 1));

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(MongoTimeoutException.class);
        assertThat(queue.size()).isZero();
    }

    @Test
    void aFailedWriteFailsTheBatchAsAWholeAndNothingIsDeadLettered() {
        store.failWrites = true;

        ResultMessage<?> result = processorBatch(record("a", "a1", 2), record("b", "b1", 1));

        assertThat(result.isExceptional()).isTrue();
        assertThat(queue.size()).isZero();
    }

    @Test
    void inADeadLetterRetryTheFailureReachesAxonInsteadOfBeingDeadLetteredAgain() {
        corruptSeries("a");
        EventMessage<?> a1 = record("a", "a1", 2);

        UnitOfWork<EventMessage<?>> uow = DefaultUnitOfWork.startAndGet(a1);
        ResultMessage<?> result = uow.executeWithResult(() -> {
            batcher.add(a1.getPayload(), a1);
            batcher.afterMessage(uow);
            return null;
        });

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(BsonInvalidOperationException.class);
        assertThat(queue.size()).isZero();
    }

    /** What the pooled streaming processor does with a batch: each message, then the interceptor's flush. */
    private ResultMessage<?> processorBatch(EventMessage<?>... messages) {
        BatchingUnitOfWork<EventMessage<?>> uow = new BatchingUnitOfWork<>(List.of(messages));
        return uow.executeWithResult(() -> {
            EventMessage<?> m = uow.getMessage();
            batcher.add(m.getPayload(), m);
            batcher.afterMessage(uow);
            return null;
        });
    }

    private EventMessage<?> launch(String c) {
        return msg(c, new CampaignLaunched(c, "标题", "志愿服务", "说明", "海淀区", EnumSet.of(UnitType.PRACTICE_STATION),
                LocalDate.parse("2025-07-01"), LocalDate.parse("2025-07-31"), null));
    }

    private EventMessage<?> record(String c, String a, int sessions) {
        return msg(c + "~" + a, new ActivityRecorded(c, a, "st", LocalDate.parse("2025-07-05"), "t", "宣讲", "s",
                new Figures(sessions, 1, 1, 1), null));
    }

    private EventMessage<?> msg(String stream, Object payload) {
        long seq = seqs.merge(stream, 1L, Long::sum) - 1;
        return new GenericDomainEventMessage<>("T", stream, seq, payload);
    }

    /** An operator's mistake: the campaign's daily series overwritten; every activity of it now throws. */
    private void corruptSeries(String c) {
        store.write(CampaignProjection.SERIES.name(), List.of(new BsonDocument("_id", new BsonString(c)).append("days", new BsonString("corrupted"))), Set.of());
    }

    private long sessions(String c) {
        return store.get(CampaignProjection.CAMPAIGNS, c).totals().sessions();
    }

    private List<DeadLetter<? extends EventMessage<?>>> letters(String sequence) {
        List<DeadLetter<? extends EventMessage<?>>> out = new ArrayList<>();
        queue.deadLetterSequence(sequence).forEach(out::add);
        return out;
    }

    /** The in-memory store, made to fail as an unreachable MongoDB would. */
    static class FlakyStore extends MemoryDocStore {
        boolean failReads;
        String failReadsOf;
        boolean failWrites;

        @Override
        public Map<String, BsonDocument> find(String collection, Collection<String> ids) {
            if (failReads || collection.equals(failReadsOf)) {
                throw new MongoTimeoutException("no server reachable");
            }
            return super.find(collection, ids);
        }

        @Override
        public void write(String collection, Collection<BsonDocument> documents, Set<String> absentAtLoad) {
            if (failWrites) {
                throw new MongoTimeoutException("no server reachable");
            }
            super.write(collection, documents, absentAtLoad);
        }
    }
}
