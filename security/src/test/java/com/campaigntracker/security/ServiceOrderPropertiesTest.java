package com.campaigntracker.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The service-order settings as both sides bind them: defaults, and a district's own deadlines over them. */
class ServiceOrderPropertiesTest {

    private static ServiceOrderProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("tracker.service-orders", ServiceOrderProperties.class);
    }

    @Test
    void withoutSettingsTheIssuesCategoriesAndDeadlinesApply() {
        ServiceOrderProperties settings = bind(Map.of());
        assertThat(settings.getCategories()).containsExactly("理论宣讲", "健康促进", "科普", "法律", "文化文艺", "助老助残",
                "环境卫生", "其他");
        ServiceOrderProperties.Deadlines haidian = settings.deadlines("海淀区");
        assertThat(haidian.getReview()).isEqualTo(Duration.ofHours(24));
        assertThat(haidian.getDispatch()).isEqualTo(Duration.ofHours(24));
        assertThat(haidian.getAccept()).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void aDistrictsOwnDeadlineReplacesOnlyWhatItSets() {
        ServiceOrderProperties settings = bind(Map.of(
                "tracker.service-orders.categories", "理论宣讲,志愿服务",
                "tracker.service-orders.deadlines.review", "12h",
                "tracker.service-orders.districts[延庆区].accept", "24h"));
        assertThat(settings.getCategories()).containsExactly("理论宣讲", "志愿服务");
        ServiceOrderProperties.Deadlines yanqing = settings.deadlines("延庆区");
        assertThat(yanqing.getAccept()).isEqualTo(Duration.ofHours(24));
        assertThat(yanqing.getReview()).isEqualTo(Duration.ofHours(12));
        assertThat(yanqing.getDispatch()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.deadlines("海淀区").getAccept()).isEqualTo(Duration.ofHours(48));
        assertThat(settings.deadlines(null).getReview()).isEqualTo(Duration.ofHours(12));
    }
}
