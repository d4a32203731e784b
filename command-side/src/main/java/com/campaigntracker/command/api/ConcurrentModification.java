package com.campaigntracker.command.api;

import com.campaigntracker.command.rules.RuleViolation;

/** Another process changed the same stream at the same moment, even after retries (HTTP 409). */
public class ConcurrentModification extends RuleViolation {
    public ConcurrentModification() {
        super(Kind.CONFLICT, "concurrent-modification", "并发修改冲突", "同一对象正被同时修改,本次请求未生效,请重试");
    }
}
