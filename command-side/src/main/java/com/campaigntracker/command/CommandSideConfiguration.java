package com.campaigntracker.command;

import com.campaigntracker.eventstore.EventStoreConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Everything of the command-side; imported by its own application and by the standalone assembly. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@Import(EventStoreConfiguration.class)
public class CommandSideConfiguration {
}
