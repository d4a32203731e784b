package com.campaigntracker.query.campaigns;

import com.campaigntracker.query.projection.ProjectionEvent;
import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.campaign.Targets;
import org.bson.codecs.pojo.annotations.BsonId;

import java.util.List;

/**
 * {@value #COLLECTION}, keyed by campaign: what the campaign is, its enrolled count and totals. Rewritten by every
 * event of the campaign and its activities ({@code updatedAt}), so its content is the campaign's change marker.
 * Before its launch arrives (never in practice) it exists without a status.
 */
public record CampaignDocument(@BsonId String campaignId, String title, String theme, String description,
                               String district, List<String> eligibleUnitTypes, String startDate, String endDate,
                               Targets targets, String status, String cancelReason, String launchedAt,
                               String launchDay, Long enrolledUnits, Totals totals, String updatedAt,
                               String lastChangeDay) {
    public static final String COLLECTION = "rm_campaigns";
    /** Field names the campaign list filters on (what the index covers). */
    static final String STATUS = "status";
    static final String DISTRICT = "district";
    static final String THEME = "theme";

    public CampaignDocument {
        eligibleUnitTypes = eligibleUnitTypes == null ? List.of() : eligibleUnitTypes;
        targets = targets == null ? Targets.none() : targets;
        enrolledUnits = enrolledUnits == null ? 0L : enrolledUnits;
        totals = totals == null ? Totals.ZERO : totals;
    }

    public static CampaignDocument empty(String campaignId) {
        return new CampaignDocument(campaignId, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    public boolean launched() {
        return status != null;
    }

    public CampaignMeta meta() {
        return new CampaignMeta(title, theme, description, district, eligibleUnitTypes, startDate, endDate, targets,
                status, cancelReason, launchDay);
    }

    CampaignDocument with(CampaignMeta m, String launchedAt) {
        return new CampaignDocument(campaignId, m.title(), m.theme(), m.description(), m.district(),
                m.eligibleUnitTypes(), m.startDate(), m.endDate(), m.targets(), m.status(), m.cancelReason(),
                launchedAt, m.launchDay(), enrolledUnits, totals, updatedAt, lastChangeDay);
    }

    CampaignDocument enrolled(int delta) {
        return new CampaignDocument(campaignId, title, theme, description, district, eligibleUnitTypes, startDate,
                endDate, targets, status, cancelReason, launchedAt, launchDay, enrolledUnits + delta, totals,
                updatedAt, lastChangeDay);
    }

    CampaignDocument plus(Figures f, int sign) {
        return new CampaignDocument(campaignId, title, theme, description, district, eligibleUnitTypes, startDate,
                endDate, targets, status, cancelReason, launchedAt, launchDay, enrolledUnits, totals.plus(f, sign),
                updatedAt, lastChangeDay);
    }

    /** Changed by {@code e}: the latest change day seen (events of different streams need not arrive in order). */
    CampaignDocument touched(ProjectionEvent e) {
        String day = e.changeDay().toString();
        return new CampaignDocument(campaignId, title, theme, description, district, eligibleUnitTypes, startDate,
                endDate, targets, status, cancelReason, launchedAt, launchDay, enrolledUnits, totals,
                e.timestamp().toString(),
                lastChangeDay == null || lastChangeDay.compareTo(day) < 0 ? day : lastChangeDay);
    }
}
