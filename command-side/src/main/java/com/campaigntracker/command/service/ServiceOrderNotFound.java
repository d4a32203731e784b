package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.RuleViolation;

/** No service order has this id (HTTP 404). */
public class ServiceOrderNotFound extends RuleViolation {
    public ServiceOrderNotFound(String orderId) {
        super(Kind.NOT_FOUND, "service-order-not-found", "服务单不存在",
                "服务单 " + orderId + " 不存在",
                "orderId", orderId);
    }
}
