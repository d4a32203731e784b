package com.campaigntracker.command.campaign;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;

/** A district campaign only takes units of its district (HTTP 422). */
public class UnitOutOfScope extends RuleViolation {
    public UnitOutOfScope(String campaignId, String campaignDistrict, String unitId, String unitDistrict) {
        super(Kind.UNPROCESSABLE, "unit-out-of-scope", "单位不在活动区域内",
                FieldLabels.of("unitId") + "所指的单位 " + unitId + " 属于 " + unitDistrict + ",活动 " + campaignId + " 只面向 "
                + campaignDistrict, "field", "unitId", "campaignId", campaignId, "campaignDistrict", campaignDistrict,
                "unitId", unitId, "unitDistrict", unitDistrict);
    }
}
