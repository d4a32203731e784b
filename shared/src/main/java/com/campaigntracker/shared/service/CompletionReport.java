package com.campaigntracker.shared.service;

import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.validation.Bounds;
import com.campaigntracker.shared.validation.Day;
import com.campaigntracker.shared.validation.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/**
 * 结项报告: what the provider did for the order. The figures are an activity's figures, so a completion linked to a
 * campaign becomes that campaign's activity unchanged.
 *
 * @param date    服务日期 (not after today, checked by the aggregate)
 * @param figures 场次, 志愿者人次, 服务时长, 受益人次 with the bounds of an activity
 * @param summary 服务小结
 */
public record CompletionReport(@Day LocalDate date,
                               @NotNull(message = Bounds.MISSING) @Valid Figures figures,
                               @Text(max = Bounds.NOTES_MAX, multiline = true) String summary) {
}
