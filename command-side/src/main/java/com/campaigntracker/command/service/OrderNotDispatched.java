package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.RuleViolation;
import com.campaigntracker.shared.service.OrderState;

/** Only a dispatched order is accepted or declined (HTTP 409). */
public class OrderNotDispatched extends RuleViolation {
    public OrderNotDispatched(String orderId, OrderState state) {
        super(Kind.CONFLICT, "order-not-dispatched", "服务单不在待接单状态",
                "服务单 " + orderId + " " + state.label() + ",只有已派单、待接单的服务单可以接单或退单",
                "orderId", orderId, "state", state.name());
    }
}
