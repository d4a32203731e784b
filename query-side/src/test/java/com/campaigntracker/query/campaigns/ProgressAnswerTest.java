package com.campaigntracker.query.campaigns;

import com.campaigntracker.query.units.UnitRepository;
import com.campaigntracker.query.web.ReadScope.UnitScope;
import com.campaigntracker.security.ExpensiveQueries;
import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.campaign.Targets;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ProgressAnswerTest {
    private final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
    private final CampaignRepository repository = mock(CampaignRepository.class);
    private final UnitRepository units = mock(UnitRepository.class);
    private final CampaignQueryController controller = new CampaignQueryController(repository, units,
            new StaticListableBeanFactory(Map.of("clock", Clock.fixed(Instant.parse("2026-06-15T04:00:00Z"),
                    ZoneId.of("Asia/Shanghai")))).getBeanProvider(Clock.class),
            new ExpensiveQueries(2), DataSize.ofMegabytes(32), json);

    @Test
    void aDashboardAskedAgainBetweenChangesIsAnsweredWithTheJsonRenderedOnce() throws Exception {
        CampaignDocument launched = new CampaignDocument("c", "爱国卫生月", "爱国卫生", "", "海淀区", List.of(),
                "2026-06-01", "2026-06-30", Targets.none(), "ACTIVE", null, "2026-06-01T01:00:00Z", "2026-06-01",
                0L, Totals.ZERO, "2026-06-01T01:00:00Z", "2026-06-01");
        when(units.readScope()).thenReturn(UnitScope.ALL);
        when(units.version()).thenReturn(1L);
        when(units.withAncestors(any())).thenReturn(Map.of());
        when(repository.campaign("c")).thenReturn(launched);
        when(repository.live(launched)).thenReturn(new CampaignState(launched.meta()));

        byte[] first = controller.progressJson("c", null, null, null, null).getBody();
        byte[] again = controller.progressJson("c", null, null, null, null).getBody();

        assertThat(again).isSameAs(first);
        verify(repository, times(1)).live(launched);
        assertThat(json.readTree(first).path("campaignId").asText()).isEqualTo("c");
        assertThat(json.readTree(first).path("title").asText()).isEqualTo("爱国卫生月");
        // the export reads the same cached view the answer was rendered from
        assertThat(json.writeValueAsBytes(controller.progress("c", null, null, null, null))).isEqualTo(first);

        CampaignDocument recorded = launched.plus(new Figures(1, 20, 3.5, 40), 1);
        when(repository.campaign("c")).thenReturn(recorded);
        when(repository.live(recorded)).thenReturn(new CampaignState(recorded.meta()));
        byte[] changed = controller.progressJson("c", null, null, null, null).getBody();
        assertThat(changed).isNotSameAs(first);
        verify(repository, times(1)).live(recorded);
    }
}
