package com.campaigntracker.query.projection;

import com.campaigntracker.eventstore.TrackerMongo;
import com.campaigntracker.query.campaigns.CampaignProjection;
import com.campaigntracker.query.ledger.LedgerProjection;
import com.campaigntracker.query.service.ServiceProjection;
import com.campaigntracker.query.units.UnitProjection;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/** Wiring of the read models: the projector, its Axon processor (pooled streaming), dead letters. */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ProjectionConfiguration.class);

    @Bean
    Projector trackerProjector(TrackerMongo mongo) {
        List<Projection> projections = List.of(new UnitProjection(), new CampaignProjection(),
                new LedgerProjection(), new ServiceProjection());
        try {
            projections.forEach(p -> p.createIndexes(mongo.database()));
        } catch (RuntimeException e) {
            log.info("secondary indexes not created ({}): the embedded server serves key lookups only",
                    e.getMessage());
        }
        return new Projector(new MongoDocStore(mongo.database()), projections);
    }

    /** The group's event handler; the very queue Axon's dead-lettering invoker uses, looked up at first use. */
    @Bean
    ProjectionBatcher projectionBatcher(Projector projector, @Lazy EventProcessingConfiguration processing) {
        return new ProjectionBatcher(projector, () -> processing.deadLetterQueue(TrackerProjections.GROUP));
    }

    @Bean
    ConfigurerModule trackerProjectionsModule(ProjectionBatcher batcher, MongoTemplate mongoTemplate,
                                              @Value("${tracker.projections.batch-size:1000}") int batchSize,
                                              @Value("${tracker.projections.segments:4}") int segments,
                                              @Value("${tracker.projections.token-claim-interval:2s}")
                                              Duration claimInterval,
                                              @Value("${tracker.projections.claim-extension-threshold:3s}")
                                              Duration claimExtension) {
        MessageHandlerInterceptor<EventMessage<?>> flushAtBatchEnd = (unitOfWork, chain) -> {
            Object result = chain.proceed();
            batcher.afterMessage(unitOfWork);
            return result;
        };
        return configurer -> configurer.eventProcessing(ep -> ep
                .registerPooledStreamingEventProcessor(TrackerProjections.GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        (c, builder) -> builder.batchSize(batchSize).initialSegmentCount(segments)
                                .tokenClaimInterval(claimInterval.toMillis())
                                .claimExtensionThreshold(claimExtension.toMillis()))
                .registerSequencingPolicy(TrackerProjections.GROUP, c -> TrackerProjections.POLICY)
                .registerHandlerInterceptor(TrackerProjections.GROUP, c -> flushAtBatchEnd)
                // a rebuild replays every event, dead-lettered ones included: the queue starts empty, else every
                // replayed event of a campaign with letters would be parked behind them (its launch too)
                .registerDeadLetteringEventHandlerInvokerConfiguration(TrackerProjections.GROUP,
                        (c, builder) -> builder.allowReset(true))
                .registerDeadLetterQueue(TrackerProjections.GROUP, c -> new KnownSequencesDeadLetterQueue(
                        MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                .processingGroup(TrackerProjections.GROUP)
                                .mongoTemplate(mongoTemplate)
                                .serializer(c.eventSerializer())
                                .transactionManager(NoTransactionManager.INSTANCE)
                                .build(),
                        ProjectionConfiguration::sequencesWithLetters, Duration.ofSeconds(1), Clock.systemUTC())));
    }

    /** The sequence of each parked sequence's first letter, by the same policy that parked it. */
    private static Set<Object> sequencesWithLetters(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        Set<Object> sequences = new HashSet<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> first : sequence) {
                sequences.add(TrackerProjections.sequenceIdentifier(first.message()));
                break;
            }
        }
        return sequences;
    }
}
