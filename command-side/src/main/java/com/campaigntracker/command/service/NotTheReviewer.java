package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.RuleViolation;

/** Only a unit above the ordering unit (or a coordinator) reviews and dispatches (HTTP 403). */
public class NotTheReviewer extends RuleViolation {
    public NotTheReviewer(String orderId, String actingUnit, String requestingUnitId) {
        super(Kind.FORBIDDEN, "not-the-reviewer", "无权审单或派单",
                "服务单 " + orderId + " 由单位 " + requestingUnitId + " 点单,只能由其上级实践所或实践中心(或协调员)审核和派单;当前账号属于单位 " + actingUnit,
                "orderId", orderId, "actingUnit", actingUnit, "requestingUnitId", requestingUnitId);
    }
}
