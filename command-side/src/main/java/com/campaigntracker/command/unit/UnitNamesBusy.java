package com.campaigntracker.command.unit;

import com.campaigntracker.command.rules.RuleViolation;

/** The unit name index stayed locked by other unit commands for longer than the gate timeout (HTTP 503). */
public class UnitNamesBusy extends RuleViolation {
    public UnitNamesBusy() {
        super(Kind.BUSY, "unit-names-busy", "单位名册繁忙", "单位名册正在被其他登记或改名操作占用,请稍后重试");
    }
}
