package com.campaigntracker.command.unit;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;

public class UnitNotFound extends RuleViolation {
    public UnitNotFound(String field, String unitId) {
        super(Kind.NOT_FOUND, "unit-not-found", "单位不存在",
                FieldLabels.of(field) + "所指的单位 " + unitId + " 不存在", "field", field, "unitId", unitId);
    }
}
