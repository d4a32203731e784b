package com.campaigntracker.command.unit;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;

public class UnitAlreadyRegistered extends RuleViolation {
    public UnitAlreadyRegistered(String unitId) {
        super(Kind.CONFLICT, "unit-already-registered", "单位编号已被使用",
                FieldLabels.of("unitId") + " " + unitId + " 已被使用,不能重复登记", "field", "unitId", "unitId", unitId);
    }
}
