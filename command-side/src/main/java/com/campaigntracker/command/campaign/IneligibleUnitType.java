package com.campaigntracker.command.campaign;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;
import com.campaigntracker.shared.unit.UnitType;

import java.util.Set;
import java.util.stream.Collectors;

/** The campaign is not open to this kind of unit (HTTP 422). */
public class IneligibleUnitType extends RuleViolation {
    public IneligibleUnitType(String campaignId, String unitId, UnitType type, Set<UnitType> eligible) {
        super(Kind.UNPROCESSABLE, "ineligible-unit-type", "单位类型不在活动范围内",
                FieldLabels.of("unitId") + "所指的单位 " + unitId + " 类型为 " + type.label() + ",活动 " + campaignId + " 只接受 "
                + labels(eligible) + " 报到", "field", "unitId", "campaignId", campaignId, "unitId", unitId,
                "unitType", type.label(), "eligibleUnitTypes", labels(eligible));
    }

    private static String labels(Set<UnitType> types) {
        return types.stream().sorted().map(UnitType::label).collect(Collectors.joining("、"));
    }
}
