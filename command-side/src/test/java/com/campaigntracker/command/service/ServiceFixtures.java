package com.campaigntracker.command.service;

import com.campaigntracker.command.OtherStreams;
import com.campaigntracker.shared.AuditMetadata;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignClosed;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignLaunched;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitEnrolled;
import com.campaigntracker.shared.campaign.Targets;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectPublished;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectWithdrawn;
import com.campaigntracker.shared.unit.UnitEvents.UnitDeactivated;
import com.campaigntracker.shared.unit.UnitEvents.UnitRegistered;
import com.campaigntracker.shared.unit.UnitType;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** The 海淀 network of the seeds ("夕阳再晨" 科技助老) and a 密云 team, as the streams the service rules look up. */
final class ServiceFixtures {
    static final String CENTER = "hd-center";
    static final String SUO = "hd-suo";
    static final String ZHAN = "hd-zhan";
    static final String OTHER_SUO = "hd-other-suo";
    static final String OTHER_ZHAN = "hd-other-zhan";
    static final String XIYANG = "xiyang";
    static final String LANTIAN = "lantian";
    static final String GONE = "gone";
    static final String CAMPAIGN = "xueleifeng";
    static final String CLOSED_CAMPAIGN = "closed";
    static final String PROJECT = "keji-zhulao";
    static final String WITHDRAWN_PROJECT = "old-project";
    static final String MIYUN_PROJECT = "miyun-xiaosha";
    static final LocalDate START = LocalDate.of(2026, 3, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);

    private ServiceFixtures() {
    }

    static OtherStreams network() {
        return new OtherStreams()
                .unit(CENTER, new UnitRegistered(CENTER, "海淀区新时代文明实践中心", UnitType.PRACTICE_CENTER, "海淀区", null))
                .unit(SUO, new UnitRegistered(SUO, "学院路街道实践所", UnitType.PRACTICE_INSTITUTE, "海淀区", CENTER))
                .unit(ZHAN, new UnitRegistered(ZHAN, "学院路某社区实践站", UnitType.PRACTICE_STATION, "海淀区", SUO))
                .unit(OTHER_SUO, new UnitRegistered(OTHER_SUO, "中关村街道实践所", UnitType.PRACTICE_INSTITUTE, "海淀区",
                        CENTER))
                .unit(OTHER_ZHAN, new UnitRegistered(OTHER_ZHAN, "中关村某社区实践站", UnitType.PRACTICE_STATION, "海淀区",
                        OTHER_SUO))
                .unit(XIYANG, new UnitRegistered(XIYANG, "“夕阳再晨”志愿服务队", UnitType.VOLUNTEER_TEAM, "海淀区", CENTER))
                .unit(LANTIAN, new UnitRegistered(LANTIAN, "密云蓝天救援队", UnitType.VOLUNTEER_TEAM, "密云区", null))
                .unit(GONE, new UnitRegistered(GONE, "已解散的队伍", UnitType.VOLUNTEER_TEAM, "海淀区", null),
                        new UnitDeactivated(GONE, "解散"))
                .campaign(CAMPAIGN, new CampaignLaunched(CAMPAIGN, "学雷锋志愿服务月", null, null, "海淀区",
                        EnumSet.allOf(UnitType.class), START, END, Targets.none()), new UnitEnrolled(CAMPAIGN, XIYANG))
                .campaign(CLOSED_CAMPAIGN, new CampaignLaunched(CLOSED_CAMPAIGN, "已结束的活动", null, null, "海淀区",
                        EnumSet.allOf(UnitType.class), START, END, Targets.none()), new CampaignClosed(CLOSED_CAMPAIGN))
                .project(PROJECT, published(PROJECT, CAMPAIGN))
                .project(WITHDRAWN_PROJECT, published(WITHDRAWN_PROJECT, null),
                        new ServiceProjectWithdrawn(WITHDRAWN_PROJECT, "不再提供"))
                .project(MIYUN_PROJECT, new ServiceProjectPublished(MIYUN_PROJECT, "社区消杀", "环境卫生", null, LANTIAN,
                        "密云区", List.of("密云区"), null, null));
    }

    static ServiceProjectPublished published(String projectId, String campaignId) {
        return new ServiceProjectPublished(projectId, "科技助老:智能手机使用培训", "助老助残", "教老年人使用智能手机",
                XIYANG, "海淀区", List.of("海淀区"), 5, campaignId);
    }

    static Map<String, Object> unitAccount(String unit) {
        return Map.of(AuditMetadata.ROLE, "UNIT", AuditMetadata.ACTING_UNIT, unit);
    }

    static Map<String, Object> coordinator() {
        return Map.of(AuditMetadata.ROLE, "COORDINATOR");
    }
}
