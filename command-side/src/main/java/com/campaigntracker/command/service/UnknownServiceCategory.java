package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;

/** The category is not in {@code tracker.service-orders.categories} (HTTP 422). */
public class UnknownServiceCategory extends RuleViolation {
    public UnknownServiceCategory(String category, java.util.List<String> categories) {
        super(Kind.UNPROCESSABLE, "unknown-service-category", "服务类别不在目录中",
                FieldLabels.of("category") + "“" + category + "”不在服务类别目录中,可选: " + String.join("、", categories),
                "field", "category", "category", category, "categories", categories);
    }
}
