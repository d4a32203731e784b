package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;

/** Only a 实践站 or 实践所 places orders (HTTP 422). */
public class UnitCannotOrder extends RuleViolation {
    public UnitCannotOrder(String unitId, com.campaigntracker.shared.unit.UnitType type) {
        super(Kind.UNPROCESSABLE, "unit-cannot-order", "该单位不能点单",
                FieldLabels.of("requestingUnitId") + " " + unitId + " 是" + type.label() + ",只有实践站或实践所可以点单",
                "field", "requestingUnitId", "unitId", unitId, "unitType", type.label());
    }
}
