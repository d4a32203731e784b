package com.campaigntracker.command.api;

import com.campaigntracker.shared.AuditMetadata;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Copies the audit metadata of a command onto its events. Declaring any correlation data provider switches off
 * Axon's default one, so the message-origin provider (correlation and trace ids) is declared here too.
 */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    CorrelationDataProvider auditCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(AuditMetadata.USER, AuditMetadata.ROLE, AuditMetadata.ACTING_UNIT,
                AuditMetadata.IMPORT_ID, AuditMetadata.IMPORT_ROW);
    }

    @Bean
    CorrelationDataProvider commandSideMessageOriginProvider() {
        return new MessageOriginProvider();
    }
}
