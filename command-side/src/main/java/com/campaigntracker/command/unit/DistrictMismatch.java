package com.campaigntracker.command.unit;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;

/** A unit's district differs from its parent's (HTTP 422). */
public class DistrictMismatch extends RuleViolation {
    public DistrictMismatch(String unitId, String district, String parentUnitId, String parentDistrict) {
        super(Kind.UNPROCESSABLE, "district-mismatch", "所属区不一致",
                FieldLabels.of("district") + "为 " + district + ",与上级单位 " + parentUnitId + " 所属的 " + parentDistrict + " 不一致",
                "field", "district", "unitId", unitId, "district", district, "parentUnitId", parentUnitId,
                "parentDistrict", parentDistrict);
    }
}
