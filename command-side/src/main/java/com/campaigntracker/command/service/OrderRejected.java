package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.RuleViolation;

/** Nothing happens to a rejected order (HTTP 409). */
public class OrderRejected extends RuleViolation {
    public OrderRejected(String orderId) {
        super(Kind.CONFLICT, "order-rejected", "服务单已驳回",
                "服务单 " + orderId + " 已驳回,不再接受任何操作;如仍有需要请重新点单",
                "orderId", orderId);
    }
}
