package com.campaigntracker.command.unit;

import com.campaigntracker.command.rules.RuleViolation;

/** A unit account tried to act for a unit that is neither its own nor below it. */
public class NotYourUnit extends RuleViolation {
    public NotYourUnit(String actingUnit, String targetUnit) {
        super(Kind.FORBIDDEN, "not-your-unit", "无权代其他单位操作",
                "当前账号属于单位 " + actingUnit + "，只能为本单位及其下级单位填报；单位 " + targetUnit + " 不在其中",
                "actingUnit", actingUnit, "unitId", targetUnit);
    }
}
