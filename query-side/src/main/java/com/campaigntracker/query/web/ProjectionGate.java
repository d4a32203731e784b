package com.campaigntracker.query.web;

import com.campaigntracker.query.admin.ProjectionMonitor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * In front of every read (GET) of the query API:
 * <ul>
 *   <li>during a rebuild, answers 503 problem+json (Retry-After: 2) instead of a half-built view;</li>
 *   <li>{@code ?minPosition=N}: waits up to 5 s for the processor's tokens to reach global position N (what a
 *   command answer carries), then answers; header {@code X-Projection-Caught-Up} says whether it got there.</li>
 * </ul>
 */
@Component
public class ProjectionGate implements HandlerInterceptor, WebMvcConfigurer {
    static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private final ProjectionMonitor monitor;

    public ProjectionGate(ProjectionMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/campaigns", "/api/campaigns/**", "/api/units",
                "/api/units/**", "/api/units.xlsx", "/api/units.csv", "/api/themes/**", "/api/service-projects",
                "/api/service-projects/**", "/api/service-orders", "/api/service-orders/**", "/api/service-orders.xlsx",
                "/api/service-orders.csv");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!"GET".equals(request.getMethod())) {
            return true;
        }
        if (monitor.rebuilding()) {
            response.setHeader("Retry-After", "2");
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "读模型正在重建",
                    "读模型正在从第一个事件重建，视图尚不完整，请稍后再试（进度见 /api/admin/projections）");
        }
        String min = request.getParameter("minPosition");
        if (min != null) {
            long n;
            try {
                n = Long.parseLong(min);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("参数 minPosition 无效: 须为非负整数");
            }
            if (n < 0) {
                throw ApiException.badRequest("参数 minPosition 无效: 须为非负整数");
            }
            boolean reached = monitor.awaitPosition(n, MAX_WAIT);
            response.setHeader("X-Projection-Caught-Up", Boolean.toString(reached));
            Long pos = storedOrLocalPosition();
            if (pos != null) {
                response.setHeader("X-Projection-Position", pos.toString());
            }
        }
        return true;
    }

    /** The position all replicas' segments reached (shared token store), else this JVM's segments'. */
    private Long storedOrLocalPosition() {
        try {
            Long stored = monitor.storedPosition();
            if (stored != null) {
                return stored;
            }
        } catch (RuntimeException e) {
            // store unreachable: say what this JVM knows
        }
        return monitor.position();
    }
}
