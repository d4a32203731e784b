package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.RuleViolation;

/** An order is rated once (HTTP 409). */
public class OrderAlreadyRated extends RuleViolation {
    public OrderAlreadyRated(String orderId, int score) {
        super(Kind.CONFLICT, "order-already-rated", "服务单已评价",
                "服务单 " + orderId + " 已评价(" + score + " 分),每张服务单只能评价一次",
                "orderId", orderId, "score", score);
    }
}
