package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;

/** Only 实践中心, 实践所, 实践基地, 志愿服务队 and 区直单位 provide services (HTTP 422). */
public class UnitCannotProvide extends RuleViolation {
    public UnitCannotProvide(String field, String unitId, com.campaigntracker.shared.unit.UnitType type) {
        super(Kind.UNPROCESSABLE, "unit-cannot-provide", "该单位不能提供服务",
                FieldLabels.of(field) + "所指的单位 " + unitId + " 是" + type.label() + ",只有实践中心、实践所、实践基地、志愿服务队和区直单位可以提供服务",
                "field", field, "unitId", unitId, "unitType", type.label());
    }
}
