package com.campaigntracker.command.activity;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;

import java.time.LocalDate;

/** An activity cannot be reported before it happened (HTTP 422). */
public class DateInFuture extends RuleViolation {
    public DateInFuture(LocalDate date, LocalDate today) {
        super(Kind.UNPROCESSABLE, "date-in-future", "日期在未来",
                FieldLabels.of("date") + "为 " + date + ",晚于今天 " + today + "(北京时间),不能填报尚未开展的活动",
                "field", "date", "date", date.toString(), "today", today.toString());
    }
}
