package com.campaigntracker.command.activity;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;

/** The activity id is taken by an activity with other content (HTTP 409). */
public class ActivityIdConflict extends RuleViolation {
    public ActivityIdConflict(String campaignId, String activityId, String recordedUnitId) {
        super(Kind.CONFLICT, "activity-id-conflict", "活动记录编号冲突",
                FieldLabels.of("activityId") + "的编号 " + activityId + " 在活动 " + campaignId
                + " 中已用于内容不同的记录;重试请提交完全相同的内容,修改请使用更正",
                "field", "activityId", "campaignId", campaignId, "activityId", activityId,
                "recordedUnitId", recordedUnitId);
    }
}
