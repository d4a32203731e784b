package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.RuleViolation;
import com.campaigntracker.shared.service.OrderState;

/** The ordering unit cancels only before a provider accepted (HTTP 409). */
public class OrderNotCancellable extends RuleViolation {
    public OrderNotCancellable(String orderId, OrderState state) {
        super(Kind.CONFLICT, "order-not-cancellable", "服务单不能取消",
                "服务单 " + orderId + " " + state.label() + ",服务单位接单后不能取消",
                "orderId", orderId, "state", state.name());
    }
}
