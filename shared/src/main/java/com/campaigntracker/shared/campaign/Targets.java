package com.campaigntracker.shared.campaign;

import com.campaigntracker.shared.validation.Bounds;
import com.campaigntracker.shared.validation.Within;

/**
 * What a campaign aims for. Every target is optional (null = no target for that metric).
 *
 * @param sessions       场次
 * @param participations 志愿者人次
 * @param serviceHours   服务时长 (hours)
 * @param beneficiaries  受益人次
 * @param enrolledUnits  报到单位数
 */
public record Targets(@Within(min = 0, max = Bounds.TARGET_COUNT_MAX) Long sessions,
                      @Within(min = 0, max = Bounds.TARGET_COUNT_MAX) Long participations,
                      @Within(min = 0, max = Bounds.TARGET_COUNT_MAX) Double serviceHours,
                      @Within(min = 0, max = Bounds.TARGET_COUNT_MAX) Long beneficiaries,
                      @Within(min = 0, max = Bounds.TARGET_UNITS_MAX) Integer enrolledUnits) {

    public static Targets none() {
        return new Targets(null, null, null, null, null);
    }
}
