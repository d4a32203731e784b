package com.campaigntracker.command.briefing;

import com.campaigntracker.command.rules.RuleViolation;

/** The account may not issue this briefing: its role, or a district leader's district (HTTP 403). */
public class NotAllowedToIssue extends RuleViolation {
    public NotAllowedToIssue(String reason) {
        super(Kind.FORBIDDEN, "briefing-issue-forbidden", "无权印发简报", reason);
    }
}
