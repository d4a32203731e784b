package com.campaigntracker.command.campaign;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;
import com.campaigntracker.shared.validation.Bounds;

import java.time.LocalDate;

/** A campaign period longer than {@link Bounds#CAMPAIGN_YEARS_MAX} years (HTTP 422). */
public class PeriodTooLong extends RuleViolation {
    public PeriodTooLong(String campaignId, LocalDate start, LocalDate end, LocalDate latestEnd) {
        super(Kind.UNPROCESSABLE, "period-too-long", "活动期间过长",
                FieldLabels.of("endDate") + "为 " + end + "，活动期间最长 " + Bounds.CAMPAIGN_YEARS_MAX
                        + " 年：自开始日期 " + start + " 起，结束日期最晚为 " + latestEnd + "；更长的工作请分期发起活动",
                "field", "endDate", "campaignId", campaignId, "startDate", start.toString(),
                "endDate", end.toString(), "latestEndDate", latestEnd.toString());
    }
}
