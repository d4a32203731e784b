package com.campaigntracker.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/** The web layer's operational pieces both sides share: problem metrics and the unknown-path answer. */
@Configuration(proxyBeanMethods = false)
@Import({ProblemMetrics.class, UnknownPathAdvice.class})
public class WebOperationsConfiguration {

    /** Outermost, so it sees the answers of the security filters and of the error page too. */
    @Bean
    FilterRegistrationBean<ProblemMetrics.CountingFilter> problemCountingFilter(ObjectProvider<MeterRegistry> meters) {
        var registration = new FilterRegistrationBean<>(new ProblemMetrics.CountingFilter(meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
