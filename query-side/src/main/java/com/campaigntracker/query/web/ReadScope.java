package com.campaigntracker.query.web;

import com.campaigntracker.security.Actor;
import com.campaigntracker.security.CurrentActor;
import com.campaigntracker.security.Role;
import org.springframework.http.HttpStatus;

import java.util.function.Function;

/**
 * What the current account may read: a leader scoped to a district, and a UNIT account (the district of its unit),
 * see that district's campaigns and units (and city-wide campaigns, which include it); anything of another district
 * answers 403. Everyone else reads everything their role lets them reach.
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

    /**
     * The only district the current account may see, or null for no restriction: a district leader's district, or
     * for a UNIT account the district of its unit ({@code districtOfUnit} looks it up; an unknown unit or one without
     * district sees no district at all, "").
     */
    public static String district(Function<String, String> districtOfUnit) {
        String own = district();
        if (own != null) {
            return own;
        }
        Actor actor = CurrentActor.get();
        if (actor.has(Role.UNIT) && !actor.actsForAnyUnit() && actor.unitId() != null) {
            String d = districtOfUnit.apply(actor.unitId());
            return d == null ? "" : d;
        }
        return null;
    }

    /** Whether a list filter for {@code requested} is compatible with the account's district. */
    public static String effectiveDistrict(String requested) {
        return effectiveDistrict(requested, null);
    }

    /** {@link #effectiveDistrict(String)} for readers whose district a unit decides ({@link #district(Function)}). */
    public static String effectiveDistrict(String requested, Function<String, String> districtOfUnit) {
        String own = districtOfUnit == null ? district() : district(districtOfUnit);
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
        requireCampaign(campaignId, campaignDistrict, null);
    }

    /** {@link #requireCampaign(String, String)} for readers whose district a unit decides (UNIT accounts too). */
    public static void requireCampaign(String campaignId, String campaignDistrict,
                                       Function<String, String> districtOfUnit) {
        String own = districtOfUnit == null ? district() : district(districtOfUnit);
        if (own != null && campaignDistrict != null && !campaignDistrict.equals(own)) {
            throw outside("活动 " + campaignId, campaignDistrict, own);
        }
    }

    /**
     * Whose units the current account may see inside a campaign: its units (ids, names, hierarchy, leaderboard,
     * silent lists), their ledger rows and their history entries. A district leader sees its district's; a UNIT
     * account the district of its unit ({@code districtOfUnit} looks it up); coordinators, admins and leaders
     * without a district see every unit. Aggregates per district (byDistrict, totals, daily series) stay
     * city-wide for everyone: the 各区排名 is what leaders compare.
     */
    public static UnitScope units(Function<String, String> districtOfUnit) {
        // a unit account whose unit is unknown (or has no district) sees no unit of anyone
        String own = district(districtOfUnit);
        return own == null ? UnitScope.ALL : new UnitScope(own);
    }

    /**
     * The units a reader may see, by district ({@code district} null: all). The rule of {@link #units}, applied
     * where a view names units.
     */
    public record UnitScope(String district) {
        public static final UnitScope ALL = new UnitScope(null);

        public boolean all() {
            return district == null;
        }

        public boolean sees(String unitDistrict) {
            return district == null || district.equals(unitDistrict);
        }

        /** Refuses (403) a unit of another district. */
        public void require(String unitId, String unitDistrict) {
            if (!sees(unitDistrict)) {
                throw outside("单位 " + unitId, unitDistrict, district.isEmpty() ? "本单位所在区" : district);
            }
        }
    }

    private static ApiException outside(String what, String district, String own) {
        return new ApiException(HttpStatus.FORBIDDEN, "无权查看",
                what + " 属于 " + district + "，当前账号只能查看 " + own + " 的数据");
    }
}
