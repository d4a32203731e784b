package com.campaigntracker.command.unit;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;

/** A deactivated unit is referred to: as a parent, for 报到 or for recording (HTTP 422). */
public class UnitInactive extends RuleViolation {
    public UnitInactive(String field, String unitId) {
        super(Kind.UNPROCESSABLE, "unit-inactive", "单位已停用",
                FieldLabels.of(field) + "所指的单位 " + unitId + " 已停用", "field", field, "unitId", unitId);
    }
}
