package com.campaigntracker.command.service;

import com.campaigntracker.command.rules.RuleViolation;

/** Only the ordering unit (or a unit above it) rates or cancels its order (HTTP 403). */
public class NotTheRequester extends RuleViolation {
    public NotTheRequester(String orderId, String actingUnit, String requestingUnitId) {
        super(Kind.FORBIDDEN, "not-the-requester", "不是点单单位",
                "服务单 " + orderId + " 由单位 " + requestingUnitId + " 点单,只有点单单位可以评价或取消;当前账号属于单位 " + actingUnit,
                "orderId", orderId, "actingUnit", actingUnit, "requestingUnitId", requestingUnitId);
    }
}
