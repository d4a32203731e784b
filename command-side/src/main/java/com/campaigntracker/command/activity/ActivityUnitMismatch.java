package com.campaigntracker.command.activity;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;

/** A correction names another unit than the one that recorded the activity (HTTP 422). */
public class ActivityUnitMismatch extends RuleViolation {
    public ActivityUnitMismatch(String campaignId, String activityId, String recordedUnitId, String givenUnitId) {
        super(Kind.UNPROCESSABLE, "activity-unit-mismatch", "单位与原记录不一致",
                FieldLabels.of("unitId") + "为 " + givenUnitId + ",但记录 " + activityId + " 由单位 " + recordedUnitId
                + " 填报;更正不能更换填报单位", "field", "unitId", "campaignId", campaignId,
                "activityId", activityId, "recordedUnitId", recordedUnitId, "unitId", givenUnitId);
    }
}
