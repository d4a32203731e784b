package com.campaigntracker.query.units;

import io.swagger.v3.oas.annotations.media.Schema;

import com.campaigntracker.query.campaigns.Totals;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/** The answers of the unit endpoints. */
public final class UnitViews {
    private UnitViews() {
    }

    /** A row of the unit directory. */
    public record UnitSummary(String unitId, String name, String type, String district, String parentUnitId,
                              @Schema(deprecated = true, description = "已弃用:parentUnitId 的旧名") String parentId,
                              boolean active) {
    }

    /** A neighbour in the hierarchy (null name and type for a unit the directory does not hold). */
    public record UnitLink(String unitId, String name, String type) {
    }

    /** One unit with its place in the hierarchy: parent, children and the chain up to the 实践中心. */
    public record UnitDetail(@JsonUnwrapped UnitSummary unit, UnitLink parent, List<UnitLink> children,
                             List<UnitLink> ancestors, String deactivationReason, String registeredAt) {
    }

    public record UnitParticipation(@JsonUnwrapped UnitSummary unit, List<CampaignParticipation> campaigns) {
    }

    /** The unit's part in one campaign. */
    public record CampaignParticipation(String campaignId, String title, String theme, String status,
                                        String startDate, String endDate, boolean enrolled, String enrolledAt,
                                        Totals totals, String lastActivityDate) {
    }
}
