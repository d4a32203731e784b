package com.campaigntracker.command.activity;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;

import java.time.LocalDate;

/** The activity date lies outside the campaign period (HTTP 422). */
public class DateOutsidePeriod extends RuleViolation {
    public DateOutsidePeriod(String campaignId, LocalDate date, LocalDate startDate, LocalDate endDate) {
        super(Kind.UNPROCESSABLE, "date-outside-period", "日期不在活动期间内",
                FieldLabels.of("date") + "为 " + date + ",不在活动 " + campaignId + " 的期间 " + startDate + " 至 "
                + endDate + " 之内",
                "field", "date", "campaignId", campaignId, "date", date.toString(),
                "startDate", startDate.toString(), "endDate", endDate.toString());
    }
}
