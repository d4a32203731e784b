package com.campaigntracker.eventstore;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

import java.time.Duration;

/** MongoDB wiring shared by the command side and the query side. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TrackerMongoProperties.class, EventStoreProperties.class})
@PropertySource("classpath:tracker-eventstore-defaults.properties")
public class EventStoreConfiguration {

    /** Replaces Axon's registry of the same type (its auto-configuration backs off): see the class. */
    @Bean
    org.axonframework.micrometer.GlobalMetricRegistry globalMetricRegistry(
            io.micrometer.core.instrument.MeterRegistry registry) {
        return new BoundedMetricRegistry(registry);
    }

    /** Beijing time: "today" for both sides (period rules, days left, silent units). Tests replace it. */
    @Bean
    java.time.Clock trackerClock() {
        return java.time.Clock.system(java.time.ZoneId.of("Asia/Shanghai"));
    }

    @Bean(destroyMethod = "close")
    TrackerMongo trackerMongo(TrackerMongoProperties props) {
        return new TrackerMongo(props);
    }

    @Bean(destroyMethod = "")
    MongoClient trackerMongoClient(TrackerMongo mongo) {
        return mongo.client();
    }

    @Bean
    MongoTemplate axonMongoTemplate(TrackerMongo mongo) {
        return DefaultMongoTemplate.builder().mongoDatabase(mongo.client(), mongo.databaseName()).build();
    }

    /**
     * Our own engine (global gap-aware sequence, index-only queries, group commit on the embedded store) in place
     * of axon-mongo's MongoEventStorageEngine. Also exposes {@link TrackerEventStorageEngine#headPosition()}.
     */
    @Bean(destroyMethod = "shutdown")
    TrackerEventStorageEngine eventStorageEngine(TrackerMongo mongo, EventStoreProperties props,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Serializer serializer,
                                                 ObjectProvider<EventUpcaster> upcasters) {
        boolean embedded = mongo.embedded().isPresent();
        return TrackerEventStorageEngine.builder()
                .database(mongo.database())
                .durabilityBarrier(mongo.embedded().<DurabilityBarrier>map(EmbeddedMongo::durabilityBarrier)
                                        .orElse(DurabilityBarrier.NONE))
                .writeConcern(embedded ? WriteConcern.ACKNOWLEDGED : WriteConcern.MAJORITY.withJournal(true))
                .secondaryIndexes(!embedded)
                .batchSize(props.batchSize())
                .trackingBatchSize(props.trackingBatchSize())
                .gapTimeout(props.gapTimeout())
                .holdBack(props.holdBack())
                .maxGapOffset(props.maxGapOffset())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(new EventUpcasterChain(upcasters.orderedStream().toList()))
                .build();
    }

    /**
     * Axon's embedded event store on our engine, with every tracking consumer on its own stream. The shared
     * consumer cache (Axon's default) refills from wherever its producer last stopped: after a replay of 100k events
     * it held some 65k events and exhausted a 512 MB heap; a private stream holds one read window.
     */
    @Bean
    org.axonframework.eventsourcing.eventstore.EmbeddedEventStore eventStore(
            EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(
                        org.axonframework.eventsourcing.eventstore.EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(org.axonframework.eventhandling.EventBusSpanFactory.class))
                .optimizeEventConsumption(false)
                .build();
    }

    /** README "Metrics": bound to the registry when Spring Boot's actuator provides one. */
    @Bean
    EventStoreMetrics eventStoreMetrics(TrackerEventStorageEngine engine, TrackerMongo mongo,
                                        ObjectProvider<org.axonframework.eventsourcing.eventstore.EventStore> store) {
        return new EventStoreMetrics(engine, mongo, store);
    }

    @Bean
    TokenStore tokenStore(MongoTemplate template, Serializer serializer,
                          @org.springframework.beans.factory.annotation.Value("${tracker.tokens.claim-timeout:10s}")
                          Duration claimTimeout) {
        // a segment whose owner stopped extending its claim for this long may be claimed by another replica
        return MongoTokenStore.builder()
                .mongoTemplate(template)
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .build();
    }
}
