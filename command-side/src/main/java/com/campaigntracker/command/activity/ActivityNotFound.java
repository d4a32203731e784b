package com.campaigntracker.command.activity;

import com.campaigntracker.command.rules.RuleViolation;

public class ActivityNotFound extends RuleViolation {
    public ActivityNotFound(String campaignId, String activityId) {
        super(Kind.NOT_FOUND, "activity-not-found", "活动记录不存在",
                "活动 " + campaignId + " 中没有编号为 " + activityId + " 的记录",
                "campaignId", campaignId, "activityId", activityId);
    }
}
