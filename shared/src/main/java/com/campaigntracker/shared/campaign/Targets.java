package com.campaigntracker.shared.campaign;

/**
 * What a campaign aims for. Every target is optional (null = no target for that metric).
 *
 * @param sessions       场次
 * @param participations 志愿者人次
 * @param serviceHours   服务时长 (hours)
 * @param beneficiaries  受益人次
 * @param enrolledUnits  报到单位数
 */
public record Targets(Long sessions, Long participations, Double serviceHours, Long beneficiaries,
                      Integer enrolledUnits) {

    public static Targets none() {
        return new Targets(null, null, null, null, null);
    }
}
