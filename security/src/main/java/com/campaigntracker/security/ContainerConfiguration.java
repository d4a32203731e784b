package com.campaigntracker.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Defences that only the container can give (README "Limits"): a read timeout while a body arrives, a bound on
 * bodies being received per client address, refusals that close the connection instead of swallowing the rest of
 * the body, and problem+json for the errors Tomcat answers itself (malformed URLs, oversized headers).
 */
@Configuration(proxyBeanMethods = false)
class ContainerConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> trackerContainerLimits(
            @Value("${tracker.limits.body-read-timeout:10s}") Duration bodyReadTimeout,
            @Value("${tracker.limits.uploads-per-address:32}") int uploadsPerAddress,
            ObjectMapper json) {
        ProblemResponses problems = new ProblemResponses(json);
        return factory -> {
            // Without this, a body is read with the (20 s) connection timeout per read, reset by every byte.
            factory.addConnectorCustomizers(connector -> {
                connector.setProperty("disableUploadTimeout", "false");
                connector.setProperty("connectionUploadTimeout", String.valueOf(bodyReadTimeout.toMillis()));
            });
            factory.addContextCustomizers(context -> {
                context.getPipeline().addValve(new RequestBodyGuardValve(uploadsPerAddress, problems));
                if (context.getParent() instanceof StandardHost host) {
                    // the host adds its own (HTML) report valve unless one of this class is already there
                    host.getPipeline().addValve(new ProblemErrorReportValve(json));
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        };
    }
}
