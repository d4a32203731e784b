package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.RuleViolation;

/** Only the unit an order is dispatched to (or a unit above it) accepts, declines and completes it (HTTP 403). */
public class NotTheProvider extends RuleViolation {
    public NotTheProvider(String orderId, String actingUnit, String providerUnitId) {
        super(Kind.FORBIDDEN, "not-the-provider", "服务单未派给本单位",
                "服务单 " + orderId + " 派给了单位 " + providerUnitId + ",当前账号属于单位 " + actingUnit + ",不能接单、退单或结项",
                "orderId", orderId, "actingUnit", actingUnit, "providerUnitId", providerUnitId);
    }
}
