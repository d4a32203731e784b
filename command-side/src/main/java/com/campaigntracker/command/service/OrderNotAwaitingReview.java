package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.RuleViolation;
import com.campaigntracker.shared.service.OrderState;

/** Only a placed order is approved or rejected (HTTP 409). */
public class OrderNotAwaitingReview extends RuleViolation {
    public OrderNotAwaitingReview(String orderId, OrderState state) {
        super(Kind.CONFLICT, "order-not-awaiting-review", "服务单不在待审核状态",
                "服务单 " + orderId + " " + state.label() + ",只有待审核的服务单可以审核",
                "orderId", orderId, "state", state.name());
    }
}
