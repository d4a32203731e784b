package com.campaigntracker.command;

import com.campaigntracker.eventstore.EventStoreConfiguration;
import com.campaigntracker.security.SecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

import java.time.Clock;
import java.time.ZoneId;

/** Everything of the command-side; imported by its own application and by the standalone assembly. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@Import({EventStoreConfiguration.class, SecurityConfiguration.class})
@PropertySource("classpath:tracker-command-defaults.properties")
public class CommandSideConfiguration {
}
