package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;

/** An order from the menu names another category than its project's (HTTP 422). */
public class ServiceCategoryMismatch extends RuleViolation {
    public ServiceCategoryMismatch(String projectId, String projectCategory, String category) {
        super(Kind.UNPROCESSABLE, "service-category-mismatch", "类别与服务项目不符",
                FieldLabels.of("category") + "“" + category + "”与服务项目 " + projectId + " 的类别“" + projectCategory + "”不符;从服务菜单点单时可不填类别",
                "field", "category", "projectId", projectId, "projectCategory", projectCategory, "category", category);
    }
}
