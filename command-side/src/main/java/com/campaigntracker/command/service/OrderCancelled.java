package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.RuleViolation;

/** Nothing happens to a cancelled order (HTTP 409). */
public class OrderCancelled extends RuleViolation {
    public OrderCancelled(String orderId) {
        super(Kind.CONFLICT, "order-cancelled", "服务单已取消",
                "服务单 " + orderId + " 已取消,不再接受任何操作",
                "orderId", orderId);
    }
}
