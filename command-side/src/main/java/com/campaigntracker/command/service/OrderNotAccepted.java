package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.RuleViolation;
import com.campaigntracker.shared.service.OrderState;

/** Only an accepted order is completed (HTTP 409). */
public class OrderNotAccepted extends RuleViolation {
    public OrderNotAccepted(String orderId, OrderState state) {
        super(Kind.CONFLICT, "order-not-accepted", "服务单尚未接单",
                "服务单 " + orderId + " " + state.label() + ",须先接单才能结项",
                "orderId", orderId, "state", state.name());
    }
}
