package com.campaigntracker.query.campaigns;

/** The five additive figures of a progress view: 场次, 人次, 服务时长, 受益人次 and non-retracted activities. */
public record Totals(long sessions, long participations, double serviceHours, long beneficiaries, long activities) {
}
