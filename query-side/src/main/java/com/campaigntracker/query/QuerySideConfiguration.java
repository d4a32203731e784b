package com.campaigntracker.query;

import com.campaigntracker.eventstore.EventStoreConfiguration;
import com.campaigntracker.security.SecurityConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Everything of the query-side; imported by its own application and by the standalone assembly. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@Import({EventStoreConfiguration.class, SecurityConfiguration.class})
public class QuerySideConfiguration {
}
