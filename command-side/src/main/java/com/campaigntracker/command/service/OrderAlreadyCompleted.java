package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.RuleViolation;

/** A completed order is not completed again with another report (HTTP 409). */
public class OrderAlreadyCompleted extends RuleViolation {
    public OrderAlreadyCompleted(String orderId) {
        super(Kind.CONFLICT, "order-already-completed", "服务单已结项",
                "服务单 " + orderId + " 已以另一份结项报告结项;重试请提交完全相同的报告",
                "orderId", orderId);
    }
}
