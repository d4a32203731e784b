package com.campaigntracker.eventstore;

import com.mongodb.client.MongoClient;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

import java.time.Duration;

/** MongoDB wiring shared by the command side and the query side. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrackerMongoProperties.class)
@PropertySource("classpath:tracker-eventstore-defaults.properties")
public class EventStoreConfiguration {

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

    @Bean
    EventStorageEngine eventStorageEngine(MongoTemplate template,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer) {
        return MongoEventStorageEngine.builder()
                .mongoTemplate(template)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .build();
    }

    @Bean
    TokenStore tokenStore(MongoTemplate template, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(template)
                .serializer(serializer)
                .claimTimeout(Duration.ofSeconds(10))
                .build();
    }
}
