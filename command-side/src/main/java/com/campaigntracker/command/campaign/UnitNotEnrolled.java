package com.campaigntracker.command.campaign;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;

/** Only units that reported in (报到) and have not withdrawn record activities (HTTP 422). */
public class UnitNotEnrolled extends RuleViolation {
    public UnitNotEnrolled(String campaignId, String unitId) {
        super(Kind.UNPROCESSABLE, "unit-not-enrolled", "单位未报到",
                FieldLabels.of("unitId") + "所指的单位 " + unitId + " 未在活动 " + campaignId + " 报到(或已退出)",
                "field", "unitId", "campaignId", campaignId, "unitId", unitId);
    }
}
