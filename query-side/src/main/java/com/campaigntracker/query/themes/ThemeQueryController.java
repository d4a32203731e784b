package com.campaigntracker.query.themes;

import com.campaigntracker.query.campaigns.CampaignQueryController;
import com.campaigntracker.query.campaigns.CampaignSummary;
import com.campaigntracker.query.campaigns.Progress;
import com.campaigntracker.query.web.ApiException;
import com.campaigntracker.query.web.Params;
import com.campaigntracker.shared.campaign.CampaignStatus;
import com.campaigntracker.shared.validation.Bounds;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 主题进度: one theme across every district. Built from the campaign progress views the reader may see, so the
 * scoping rules are the campaign views' own (a district leader sees its district's campaigns and city-wide ones).
 */
@RestController
public class ThemeQueryController {
    /** The view of each campaign needs no ranking of its units: the theme ranks districts. */
    private static final int UNITS_RANKED = 1;
    private static final int SILENT_DAYS = 7;

    private final CampaignQueryController campaigns;

    public ThemeQueryController(CampaignQueryController campaigns) {
        this.campaigns = campaigns;
    }

    @GetMapping("/api/themes/{theme}/progress")
    public ThemeProgress progress(@PathVariable String theme, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String asOf) {
        String name = theme.strip();
        if (name.isEmpty() || name.codePointCount(0, name.length()) > Bounds.THEME_MAX) {
            throw ApiException.badRequest("主题不能为空，且最多 " + Bounds.THEME_MAX + " 个字");
        }
        LocalDate start = Params.date("from", from);
        LocalDate end = Params.date("to", to);
        LocalDate day = Params.date("asOf", asOf);
        if (start != null && end != null && end.isBefore(start)) {
            throw ApiException.badRequest("期间止（to）" + end + " 不能早于期间起（from）" + start);
        }
        List<Progress> views = new ArrayList<>();
        for (CampaignSummary c : campaigns.list(null, null, name)) {
            if (CampaignStatus.CANCELLED.name().equals(c.status()) || !meets(c, start, end)) {
                continue;
            }
            views.add(campaigns.progress(c.campaignId(), day, SILENT_DAYS, UNITS_RANKED));
        }
        return ThemeView.of(name, start, end, day, views);
    }

    /** Whether the campaign's period meets {@code from}..{@code to} (either end open when not given). */
    private static boolean meets(CampaignSummary c, LocalDate from, LocalDate to) {
        return (to == null || !LocalDate.parse(c.startDate()).isAfter(to))
                && (from == null || !LocalDate.parse(c.endDate()).isBefore(from));
    }
}
