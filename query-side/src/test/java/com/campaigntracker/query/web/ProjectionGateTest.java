package com.campaigntracker.query.web;

import com.campaigntracker.query.admin.ProjectionMonitor;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ProjectionGateTest {

    @Test
    void readsDuringARebuildAnswer503WithRetryAfter() {
        ProjectionMonitor monitor = mock(ProjectionMonitor.class);
        when(monitor.rebuilding()).thenReturn(true);
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThatThrownBy(() -> new ProjectionGate(monitor).preHandle(
                new MockHttpServletRequest("GET", "/api/campaigns/c/progress"), response, new Object()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("重建");
                });
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
    }

    @Test
    void minPositionWaitsAndReportsWhetherItGotThere() throws Exception {
        ProjectionMonitor monitor = mock(ProjectionMonitor.class);
        when(monitor.awaitPosition(eq(41L), any(Duration.class))).thenReturn(true);
        when(monitor.position()).thenReturn(42L);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/campaigns");
        request.setParameter("minPosition", "41");
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(new ProjectionGate(monitor).preHandle(request, response, new Object())).isTrue();
        assertThat(response.getHeader("X-Projection-Caught-Up")).isEqualTo("true");
        assertThat(response.getHeader("X-Projection-Position")).isEqualTo("42");

        MockHttpServletRequest bad = new MockHttpServletRequest("GET", "/api/campaigns");
        bad.setParameter("minPosition", "x");
        assertThatThrownBy(() -> new ProjectionGate(monitor).preHandle(bad, new MockHttpServletResponse(),
                new Object())).isInstanceOf(ApiException.class).hasMessageContaining("minPosition");
    }

    @Test
    void writesAreNotGated() throws Exception {
        ProjectionMonitor monitor = mock(ProjectionMonitor.class);
        when(monitor.rebuilding()).thenReturn(true);
        assertThat(new ProjectionGate(monitor).preHandle(new MockHttpServletRequest("POST", "/api/campaigns"),
                new MockHttpServletResponse(), new Object())).isTrue();
    }
}
