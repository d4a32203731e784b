package com.campaigntracker.command.briefing;

import com.campaigntracker.command.rules.RuleViolation;

/** The briefing id was issued with other content (HTTP 409); an issued briefing never changes. */
public class BriefingIdConflict extends RuleViolation {
    public BriefingIdConflict(String briefingId) {
        super(Kind.CONFLICT, "briefing-id-conflict", "简报编号冲突",
                "字段 简报编号(briefingId) 的 " + briefingId + " 已用于内容不同的简报;已印发的简报不能修改,更正请另发一期",
                "field", "briefingId", "briefingId", briefingId);
    }
}
