package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.RuleViolation;
import com.campaigntracker.shared.service.OrderState;

/** Only a completed order is rated (HTTP 409). */
public class OrderNotCompleted extends RuleViolation {
    public OrderNotCompleted(String orderId, OrderState state) {
        super(Kind.CONFLICT, "order-not-completed", "服务单尚未结项",
                "服务单 " + orderId + " " + state.label() + ",结项后才能评价",
                "orderId", orderId, "state", state.name());
    }
}
