package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;

/** The order id is taken by other content or another kind of record (HTTP 409). */
public class ServiceOrderIdConflict extends RuleViolation {
    public ServiceOrderIdConflict(String orderId) {
        super(Kind.CONFLICT, "service-order-id-conflict", "服务单编号冲突",
                FieldLabels.of("orderId") + " " + orderId + " 已用于内容不同的记录;重试请提交完全相同的内容",
                "field", "orderId", "orderId", orderId);
    }
}
