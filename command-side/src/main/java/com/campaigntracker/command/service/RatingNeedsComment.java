package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;

/** A score below 3 says why (HTTP 422). */
public class RatingNeedsComment extends RuleViolation {
    public RatingNeedsComment(String orderId, int score) {
        super(Kind.UNPROCESSABLE, "rating-needs-comment", "低分评价须填写评语",
                "评分为 " + score + " 分(低于 3 分)时," + FieldLabels.of("comment") + "不能为空",
                "field", "comment", "orderId", orderId, "score", score);
    }
}
