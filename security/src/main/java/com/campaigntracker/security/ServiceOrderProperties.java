package com.campaigntracker.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of the service orders (点单 → 评单), read by both sides (both import {@link SecurityConfiguration}): the
 * command side refuses a category not in {@link #getCategories()}, the query side lists them for the forms and
 * flags overdue orders by {@link #deadlines(String)}.
 * <pre>
 * tracker.service-orders.categories=理论宣讲,健康促进,科普,法律,文化文艺,助老助残,环境卫生,其他
 * tracker.service-orders.deadlines.review=24h        (placed → approved / rejected)
 * tracker.service-orders.deadlines.dispatch=24h      (approved → dispatched)
 * tracker.service-orders.deadlines.accept=48h        (dispatched → accepted / declined)
 * tracker.service-orders.districts.延庆区.accept=24h  (a district's own deadline; unset ones fall back)
 * </pre>
 * Completion is due by the order's {@code wantedTo} day (Asia/Shanghai), not configured here.
 */
@ConfigurationProperties(prefix = "tracker.service-orders")
public class ServiceOrderProperties {
    public static final List<String> DEFAULT_CATEGORIES =
            List.of("理论宣讲", "健康促进", "科普", "法律", "文化文艺", "助老助残", "环境卫生", "其他");

    private List<String> categories = new ArrayList<>(DEFAULT_CATEGORIES);
    private final Deadlines deadlines = new Deadlines(Duration.ofHours(24), Duration.ofHours(24),
            Duration.ofHours(48));
    private Map<String, Deadlines> districts = new LinkedHashMap<>();

    public List<String> getCategories() {
        return categories;
    }

    public void setCategories(List<String> categories) {
        this.categories = categories;
    }

    public Deadlines getDeadlines() {
        return deadlines;
    }

    public Map<String, Deadlines> getDistricts() {
        return districts;
    }

    public void setDistricts(Map<String, Deadlines> districts) {
        this.districts = districts;
    }

    /** The deadlines of orders placed in {@code district}: its own where set, else the defaults. */
    public Deadlines deadlines(String district) {
        Deadlines own = district == null ? null : districts.get(district);
        if (own == null) {
            return deadlines;
        }
        return new Deadlines(own.review != null ? own.review : deadlines.review,
                own.dispatch != null ? own.dispatch : deadlines.dispatch,
                own.accept != null ? own.accept : deadlines.accept);
    }

    /** How long each step may take. */
    public static class Deadlines {
        private Duration review;
        private Duration dispatch;
        private Duration accept;

        public Deadlines() {
        }

        public Deadlines(Duration review, Duration dispatch, Duration accept) {
            this.review = review;
            this.dispatch = dispatch;
            this.accept = accept;
        }

        public Duration getReview() {
            return review;
        }

        public void setReview(Duration review) {
            this.review = review;
        }

        public Duration getDispatch() {
            return dispatch;
        }

        public void setDispatch(Duration dispatch) {
            this.dispatch = dispatch;
        }

        public Duration getAccept() {
            return accept;
        }

        public void setAccept(Duration accept) {
            this.accept = accept;
        }
    }
}
