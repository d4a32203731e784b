package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;

/** A service project referred to does not exist (HTTP 404). */
public class ServiceProjectNotFound extends RuleViolation {
    public ServiceProjectNotFound(String field, String projectId) {
        super(Kind.NOT_FOUND, "service-project-not-found", "服务项目不存在",
                FieldLabels.of(field) + "所指的服务项目 " + projectId + " 不存在",
                "field", field, "projectId", projectId);
    }
}
