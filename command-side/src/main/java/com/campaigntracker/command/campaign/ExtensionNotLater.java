package com.campaigntracker.command.campaign;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;

import java.time.LocalDate;

/** Extending means a later end date (HTTP 422). */
public class ExtensionNotLater extends RuleViolation {
    public ExtensionNotLater(String campaignId, LocalDate currentEndDate, LocalDate requestedEndDate) {
        super(Kind.UNPROCESSABLE, "extension-not-later", "延期日期须晚于原结束日期",
                FieldLabels.of("endDate") + "为 " + requestedEndDate + ",必须晚于活动 " + campaignId + " 原结束日期 "
                + currentEndDate,
                "field", "endDate", "campaignId", campaignId, "currentEndDate", currentEndDate.toString(),
                "endDate", requestedEndDate.toString());
    }
}
