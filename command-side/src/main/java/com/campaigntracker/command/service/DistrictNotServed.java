package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;

/** The ordering unit's district is not among the project's districts (HTTP 422). */
public class DistrictNotServed extends RuleViolation {
    public DistrictNotServed(String projectId, String district, java.util.List<String> districts) {
        super(Kind.UNPROCESSABLE, "district-not-served", "服务项目不覆盖该区",
                "服务项目 " + projectId + " 的" + FieldLabels.of("districts") + "为 " + String.join("、", districts) + ",不包括点单单位所在的" + district,
                "projectId", projectId, "district", district, "districts", districts);
    }
}
