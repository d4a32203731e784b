package com.campaigntracker.command.unit;

import com.campaigntracker.command.rules.RuleViolation;

/** Another active unit of the same parent (or, at the top, of the same district) has this name (HTTP 409). */
public class UnitNameTaken extends RuleViolation {
    public UnitNameTaken(String unitId, String name, String district, String parentUnitId, String parentName,
                         String holderId, String holderName) {
        super(Kind.CONFLICT, "unit-name-taken", "单位名称重复",
                "单位名称「" + name + "」已被"
                        + (parentUnitId == null ? district + "的另一个顶级单位" : "上级单位「" + parentName + "」下的另一个单位")
                        + "使用(" + holderName + ",编号 " + holderId + ");同一上级单位下的单位名称不能重复,请换一个名称",
                "field", "name", "unitId", unitId, "name", name, "district", district, "parentUnitId", parentUnitId,
                "parentName", parentName, "existingUnitId", holderId);
    }
}
