package com.campaigntracker.query.campaigns;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ViewCacheWeightTest {

    @Test
    void aViewWeighsByItsRowsSoALongCampaignFillsTheCacheSooner() {
        Totals none = Totals.ZERO;
        List<Progress.DailyRow> threeYears = Collections.nCopies(1096,
                new Progress.DailyRow("2026-01-01", none, none));
        Progress.HierarchyNode station = new Progress.HierarchyNode("s", "站", "实践站", "海淀区", true, none, none,
                List.of());
        Progress.HierarchyNode institute = new Progress.HierarchyNode("i", "所", "实践所", "海淀区", true, none, none,
                List.of(station));

        Progress small = new Progress(null, null, List.of(), List.of(), List.of(institute), List.of(), List.of(), 7,
                List.of(), List.of());
        Progress large = new Progress(null, null, List.of(), List.of(), List.of(institute), List.of(), threeYears, 7,
                List.of(), List.of());

        assertThat(CampaignQueryController.weight(small)).isEqualTo(3 * CampaignQueryController.ROW_BYTES);
        assertThat(CampaignQueryController.weight(large)).isEqualTo((3 + 1096) * CampaignQueryController.ROW_BYTES);
    }
}
