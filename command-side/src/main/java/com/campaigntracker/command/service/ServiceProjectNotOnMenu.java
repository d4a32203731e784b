package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.RuleViolation;

/** A withdrawn project is neither revised nor ordered (HTTP 409). */
public class ServiceProjectNotOnMenu extends RuleViolation {
    public ServiceProjectNotOnMenu(String projectId) {
        super(Kind.CONFLICT, "service-project-withdrawn", "服务项目已下架",
                "服务项目 " + projectId + " 已下架,不能再修订或点单",
                "projectId", projectId);
    }
}
