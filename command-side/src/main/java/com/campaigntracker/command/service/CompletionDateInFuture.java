package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.RuleViolation;

/** A service is not reported complete before it happened (HTTP 422). */
public class CompletionDateInFuture extends RuleViolation {
    public CompletionDateInFuture(java.time.LocalDate date, java.time.LocalDate today) {
        super(Kind.UNPROCESSABLE, "date-in-future", "日期在未来",
                "服务日期为 " + date + ",晚于今天 " + today + "(北京时间),不能为尚未开展的服务结项",
                "field", "date", "date", date.toString(), "today", today.toString());
    }
}
