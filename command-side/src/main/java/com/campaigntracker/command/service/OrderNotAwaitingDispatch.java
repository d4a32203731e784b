package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.RuleViolation;
import com.campaigntracker.shared.service.OrderState;

/** Only an approved (or dispatched, not yet accepted) order is dispatched (HTTP 409). */
public class OrderNotAwaitingDispatch extends RuleViolation {
    public OrderNotAwaitingDispatch(String orderId, OrderState state) {
        super(Kind.CONFLICT, "order-not-awaiting-dispatch", "服务单不在待派单状态",
                "服务单 " + orderId + " " + state.label() + ",只有审核通过、尚未接单的服务单可以派单",
                "orderId", orderId, "state", state.name());
    }
}
