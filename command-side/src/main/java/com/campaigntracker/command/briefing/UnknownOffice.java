package com.campaigntracker.command.briefing;

import com.campaigntracker.command.rules.RuleViolation;

/** No issuing office of this key is configured (HTTP 404). */
public class UnknownOffice extends RuleViolation {
    public UnknownOffice(String office) {
        super(Kind.NOT_FOUND, "briefing-office-not-found", "未找到印发单位",
                "字段 印发单位(office) 的 " + office + " 未配置(tracker.briefing.offices)", "field", "office",
                "office", office);
    }
}
