package com.campaigntracker.query.briefing;

import com.campaigntracker.query.briefing.CampaignFigures.CampaignSummary;
import com.campaigntracker.query.briefing.CampaignFigures.DistrictFigures;
import com.campaigntracker.query.briefing.CampaignFigures.MetricPace;
import com.campaigntracker.query.briefing.CampaignFigures.Totals;
import com.campaigntracker.query.briefing.CampaignFigures.UnitFigures;
import com.campaigntracker.query.briefing.CampaignFigures.UnitRef;
import com.campaigntracker.query.admin.ProjectionMonitor;
import com.campaigntracker.query.campaigns.CampaignQueryController;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place the 简报 touch the query side's read models: the campaign list and a campaign's as-of progress,
 * exactly as {@code GET /api/campaigns} and {@code GET /api/campaigns/{id}/progress?asOf=} answer them, read by
 * their JSON names (so a change of the views' Java types does not reach the briefings).
 */
@Component
public class BriefingFigureSource {
    /** Every unit with activities, so the appendix can list them all. */
    static final int ALL_UNITS = 1000;
    static final int SILENT_DAYS = 7;

    private final CampaignQueryController campaigns;
    private final ProjectionMonitor monitor;
    private final ObjectMapper json;

    public BriefingFigureSource(CampaignQueryController campaigns, ProjectionMonitor monitor, ObjectMapper json) {
        this.campaigns = campaigns;
        this.monitor = monitor;
        this.json = json;
    }

    /** Read-your-writes for a draft: waits (at most 5 s) until the projections have passed {@code position}. */
    public void awaitPosition(long position) {
        try {
            monitor.awaitPosition(position, java.time.Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public List<CampaignSummary> campaigns() {
        List<CampaignSummary> out = new ArrayList<>();
        for (JsonNode c : json.valueToTree(campaigns.list(null, null, null))) {
            out.add(new CampaignSummary(c.path("campaignId").asText(), text(c, "title"), text(c, "district"),
                    text(c, "status"), LocalDate.parse(c.path("startDate").asText()),
                    LocalDate.parse(c.path("endDate").asText())));
        }
        return out;
    }

    public CampaignFigures figures(String campaignId, LocalDate asOf) {
        JsonNode p = json.valueToTree(campaigns.progress(campaignId, asOf, SILENT_DAYS, ALL_UNITS));
        List<DistrictFigures> districts = new ArrayList<>();
        long reporting = 0;
        for (JsonNode d : p.path("byDistrict")) {
            long r = d.path("reportingUnits").asLong();
            reporting += r;
            districts.add(new DistrictFigures(text(d, "district"), d.path("enrolledUnits").asLong(), r, totals(d)));
        }
        List<MetricPace> metrics = new ArrayList<>();
        p.path("metrics").fields().forEachRemaining(e -> {
            JsonNode m = e.getValue();
            metrics.add(new MetricPace(e.getKey(), m.path("total").asDouble(), number(m, "target"),
                    number(m, "percent"), number(m, "expectedPercent"), text(m, "pacing")));
        });
        List<UnitFigures> top = new ArrayList<>();
        for (JsonNode u : p.path("leaderboard")) {
            top.add(new UnitFigures(text(u, "unitId"), text(u, "name"), text(u, "district"), totals(u)));
        }
        return new CampaignFigures(campaignId, text(p, "title"), text(p, "theme"), text(p, "district"),
                text(p, "status"), LocalDate.parse(p.path("startDate").asText()),
                LocalDate.parse(p.path("endDate").asText()), asOf, p.path("enrolledUnits").asLong(), reporting,
                totals(p.path("totals")), text(p, "pacing"), metrics, districts, top, refs(p.path("silentUnits")),
                refs(p.path("neverReported")));
    }

    private static List<UnitRef> refs(JsonNode units) {
        List<UnitRef> out = new ArrayList<>();
        for (JsonNode u : units) {
            out.add(new UnitRef(text(u, "unitId"), text(u, "name"), text(u, "district")));
        }
        return out;
    }

    private static Totals totals(JsonNode n) {
        return new Totals(n.path("sessions").asLong(), n.path("participations").asLong(),
                n.path("serviceHours").asDouble(), n.path("beneficiaries").asLong(), n.path("activities").asLong());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asDouble();
    }
}
