package com.campaigntracker.command.activity;

import com.campaigntracker.command.rules.RuleViolation;

/** Nothing happens to a retracted activity (HTTP 409). */
public class ActivityAlreadyRetracted extends RuleViolation {
    public ActivityAlreadyRetracted(String campaignId, String activityId) {
        super(Kind.CONFLICT, "activity-retracted", "活动记录已撤回",
                "活动 " + campaignId + " 中编号为 " + activityId + " 的记录已撤回,不能再更正、撤回或重复提交",
                "campaignId", campaignId, "activityId", activityId);
    }
}
