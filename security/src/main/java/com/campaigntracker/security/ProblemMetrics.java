package com.campaigntracker.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.io.IOException;
import java.net.URI;

/**
 * Counts problem+json answers by {@code type} and status ({@value #METER}, in Prometheus
 * {@code tracker_http_problems_total}). Whoever writes a problem tags the request with its type — this advice for
 * every controller, exception handler and the error page, {@link ProblemResponses} for the security filters — and
 * one filter around everything counts each answer once, after it was written.
 */
@ControllerAdvice
public class ProblemMetrics implements ResponseBodyAdvice<Object> {
    public static final String METER = "tracker.http.problems";
    static final String TYPE_ATTRIBUTE = ProblemMetrics.class.getName() + ".type";

    static void tag(HttpServletRequest request, URI type) {
        request.setAttribute(TYPE_ATTRIBUTE, type == null ? "about:blank" : type.toString());
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && request instanceof ServletServerHttpRequest servlet) {
            tag(servlet.getServletRequest(), problem.getType());
        }
        return body;
    }

    /** Counts the tagged answer once the chain has written it (also on the error dispatch, where /error answers). */
    static final class CountingFilter extends OncePerRequestFilter {
        private final ObjectProvider<MeterRegistry> registry;

        CountingFilter(ObjectProvider<MeterRegistry> registry) {
            this.registry = registry;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } finally {
                Object type = request.getAttribute(TYPE_ATTRIBUTE);
                MeterRegistry meters = registry.getIfAvailable();
                if (type != null && meters != null) {
                    request.removeAttribute(TYPE_ATTRIBUTE);
                    meters.counter(METER, "type", type.toString(), "status", String.valueOf(response.getStatus()))
                            .increment();
                }
            }
        }

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }
    }
}
