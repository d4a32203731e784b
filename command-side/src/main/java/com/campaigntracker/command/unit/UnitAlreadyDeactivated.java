package com.campaigntracker.command.unit;

import com.campaigntracker.command.rules.RuleViolation;

/** A command on a unit that has been deactivated (HTTP 409). */
public class UnitAlreadyDeactivated extends RuleViolation {
    public UnitAlreadyDeactivated(String unitId) {
        super(Kind.CONFLICT, "unit-deactivated", "单位已停用",
                "单位 " + unitId + " 已停用,不能再修改", "unitId", unitId);
    }
}
