package com.campaigntracker.command.unit;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;
import com.campaigntracker.shared.unit.UnitType;

/** The parent does not make sense for the unit's type, e.g. a 实践站 under a 实践中心 (HTTP 422). */
public class InvalidHierarchy extends RuleViolation {
    public InvalidHierarchy(String unitId, UnitType type, String parentUnitId, UnitType parentType) {
        super(Kind.UNPROCESSABLE, "invalid-hierarchy", "单位层级不合理",
                parentType == null
                        ? FieldLabels.of("parentUnitId") + "不能为空:" + type.label() + " 必须挂在" + expected(type) + "之下"
                        : FieldLabels.of("parentUnitId") + "无效:" + type.label() + " 不能挂在" + parentType.label() + " "
                          + parentUnitId + " 之下" + (type == UnitType.PRACTICE_CENTER ? "(实践中心没有上级)"
                          : ",应挂在" + expected(type) + "之下"),
                "field", "parentUnitId", "unitId", unitId, "unitType", type.label(), "parentUnitId", parentUnitId,
                "parentUnitType", parentType == null ? null : parentType.label());
    }

    private static String expected(UnitType type) {
        StringBuilder sb = new StringBuilder();
        for (UnitType candidate : UnitType.values()) {
            if (type.acceptsParent(candidate)) {
                sb.append(sb.isEmpty() ? "" : "或").append(candidate.label());
            }
        }
        return sb.isEmpty() ? "(无)" : sb.toString();
    }
}
