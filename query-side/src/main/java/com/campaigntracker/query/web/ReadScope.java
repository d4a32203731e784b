package com.campaigntracker.query.web;

import com.campaigntracker.security.Actor;
import com.campaigntracker.security.CurrentActor;
import com.campaigntracker.security.Role;
import org.springframework.http.HttpStatus;

/**
 * What the current account may read: a leader scoped to a district sees that district's campaigns and units
 * (and city-wide campaigns, which include it); everyone else reads everything their role lets them reach.
 */
public final class ReadScope {
    private ReadScope() {
    }

    /** The only district the current account may see, or null for no restriction. */
    public static String district() {
        Actor actor = CurrentActor.get();
        boolean scopedLeader = actor.has(Role.LEADER) && !actor.actsForAnyUnit() && actor.district() != null;
        return scopedLeader ? actor.district() : null;
    }

    /** Whether a list filter for {@code requested} is compatible with the account's district. */
    public static String effectiveDistrict(String requested) {
        String own = district();
        if (own == null) {
            return requested;
        }
        if (requested != null && !requested.equals(own)) {
            throw outside("district", requested, own);
        }
        return own;
    }

    /** Refuses a campaign of another district (a city-wide campaign, district null, is visible to all). */
    public static void requireCampaign(String campaignId, String campaignDistrict) {
        String own = district();
        if (own != null && campaignDistrict != null && !campaignDistrict.equals(own)) {
            throw outside("活动 " + campaignId, campaignDistrict, own);
        }
    }

    /** Refuses a unit of another district. */
    public static void requireUnit(String unitId, String unitDistrict) {
        String own = district();
        if (own != null && !own.equals(unitDistrict)) {
            throw outside("单位 " + unitId, unitDistrict, own);
        }
    }

    private static ApiException outside(String what, String district, String own) {
        return new ApiException(HttpStatus.FORBIDDEN, "无权查看",
                what + " 属于 " + district + "，当前账号只能查看 " + own + " 的数据");
    }
}
