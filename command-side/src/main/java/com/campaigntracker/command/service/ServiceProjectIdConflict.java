package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;

/** The project id is taken by other content or another kind of record (HTTP 409). */
public class ServiceProjectIdConflict extends RuleViolation {
    public ServiceProjectIdConflict(String projectId) {
        super(Kind.CONFLICT, "service-project-id-conflict", "服务项目编号冲突",
                FieldLabels.of("projectId") + " " + projectId + " 已用于内容不同的记录;重试请提交完全相同的内容,修改请使用修订",
                "field", "projectId", "projectId", projectId);
    }
}
