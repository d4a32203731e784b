package com.campaigntracker.query.me;

import org.springframework.http.HttpMethod;

/**
 * What the UI offers an account. Each permission is one request the server's web authorization rules
 * ({@code SecurityConfiguration}) are asked about — not a second table of roles: whatever those rules allow, the
 * account may; the object-level rules (its own unit, its district) still decide each request.
 */
public enum Permission {
    /** 发起活动. */
    LAUNCH_CAMPAIGN(HttpMethod.POST, "/api/campaigns"),
    /** 修改 / 延期 / 结束 / 取消 a campaign. */
    MANAGE_CAMPAIGNS(HttpMethod.POST, "/api/campaigns/_/revise"),
    /** 单位管理: register, rename, deactivate units. */
    MANAGE_UNITS(HttpMethod.POST, "/api/units"),
    /** 报到 (and withdraw) for a unit it acts for. */
    ENROL(HttpMethod.POST, "/api/campaigns/_/enrollments"),
    /** 填报, correct and retract activities of a unit it acts for. */
    RECORD_ACTIVITIES(HttpMethod.POST, "/api/campaigns/_/activities"),
    /** Dashboards, ledgers, audit trails (within the account's read scope). */
    READ(HttpMethod.GET, "/api/campaigns"),
    /** 简报: read issued briefings. */
    READ_BRIEFINGS(HttpMethod.GET, "/api/briefings"),
    /** 简报: draft. */
    DRAFT_BRIEFINGS(HttpMethod.POST, "/api/briefings/drafts"),
    /**
     * 服务点单: publish projects, place, review, dispatch, accept, complete, rate orders — each for the units it acts
     * for (the command side checks each order's units).
     */
    SERVICE_ORDERS(HttpMethod.POST, "/api/service-orders"),
    /** 系统管理: projections, dead letters, backups. */
    ADMINISTER(HttpMethod.GET, "/api/admin/projections");

    private final HttpMethod method;
    private final String probe;

    Permission(HttpMethod method, String probe) {
        this.method = method;
        this.probe = probe;
    }

    HttpMethod method() {
        return method;
    }

    /** A request path standing for the action ({@code _} for any id). */
    String probe() {
        return probe;
    }
}
