package com.campaigntracker.query.service;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The answers of the 服务点单 reads: the service menu, orders (list, detail with timeline) and statistics. */
public final class ServiceViews {
    private ServiceViews() {
    }

    /**
     * A project of the 服务菜单.
     *
     * @param districts the districts it serves (empty: every district)
     * @param actions   what the reader may do with it now: REVISE, WITHDRAW (its provider and coordinators), ORDER
     *                  (a unit account whose district it serves)
     */
    @Schema(name = "ServiceProject")
    public record ServiceProjectView(String projectId, String title, String category, String description,
                                     String providerUnitId, String providerName, String providerDistrict,
                                     List<String> districts, Integer weeklyCapacity, String campaignId,
                                     boolean withdrawn, String withdrawalReason, String publishedAt,
                                     String publishedBy, String revisedAt, List<String> actions) {
    }

    /** Who did a step and when (from the event's audit metadata and timestamp). */
    @Schema(name = "ServiceOrderStepMark")
    public record Mark(String at, String user, String role, String unitId) {
    }

    /** The completion report (结项报告). */
    @Schema(name = "ServiceOrderCompletion")
    public record Completion(String date, long sessions, long participations, double serviceHours, long beneficiaries,
                             String summary) {
    }

    /** The requesting station's rating (评单). */
    @Schema(name = "ServiceOrderRating")
    public record Rating(int score, String comment) {
    }

    /**
     * One step of an order's timeline: every event, who and when.
     *
     * @param step     PLACED, APPROVED, REJECTED, DISPATCHED, ACCEPTED, DECLINED, COMPLETED, RATED, CANCELLED
     * @param unitId   the unit the account acted for (its audit metadata), null for coordinators
     * @param reason   a rejection, decline or cancellation reason
     * @param providerUnitId for DISPATCHED: the unit dispatched to; for ACCEPTED/DECLINED: the provider
     */
    @Schema(name = "ServiceOrderTimelineEntry")
    public record TimelineEntry(int n, String step, String at, String user, String role, String unitId,
                                String unitName, String reason, String providerUnitId, String providerName,
                                Integer score, String comment) {
    }

    /**
     * An order as the reader may see it.
     *
     * @param free           a free request (需求) with a category, not ordered from the menu
     * @param district       the requesting unit's district
     * @param suggestedProviderUnitId the menu project's provider, the default of 派单 (null for a free request)
     * @param contact        only for the units handling it (requester, the units above it, its provider) and
     *                       coordinators; else null with {@code contactHidden} true
     * @param overdue        its current step is past its deadline (the query's clock, the district's deadlines)
     * @param overdueStep    REVIEW, DISPATCH, ACCEPT or COMPLETE: the step now due (null when nothing is due)
     * @param dueAt          when the step now due must be done (ISO instant), null when nothing is due
     * @param actions        what the reader may do now: APPROVE, REJECT, DISPATCH, ACCEPT, DECLINE, COMPLETE, RATE,
     *                       CANCEL (the command side decides; this is what it would accept)
     * @param declineReasons every decline, oldest first
     * @param timeline       every step, oldest first
     */
    @Schema(name = "ServiceOrder")
    public record ServiceOrderView(String orderId, String state, String projectId, String projectTitle,
                                   String category, boolean free, String requestingUnitId, String requestingUnitName,
                                   String district, String suggestedProviderUnitId, String suggestedProviderName,
                                   String providerUnitId, String providerName, String wantedFrom,
                                   String wantedTo, String place, Integer peopleToServe, String contact,
                                   boolean contactHidden, String notes, String campaignId, String rejectionReason,
                                   List<String> declineReasons, String cancellationReason, Completion completion,
                                   Rating rating, Mark placed, Mark reviewed, Mark dispatched, Mark accepted,
                                   Mark completed, Mark rated, Mark cancelled, boolean overdue, String overdueStep,
                                   String dueAt, List<String> actions, List<TimelineEntry> timeline) {
    }

    /** How many of the listed orders are in one state, and how many of those are overdue. */
    @Schema(name = "ServiceOrderStateCount")
    public record StateCount(String state, long count, long overdue) {
    }

    /**
     * A page of orders: overdue orders the reader must act on first, then the newest.
     *
     * @param total     orders matching every filter
     * @param byState   the orders matching the filters but the state, per state (the board's tabs)
     * @param truncated more orders than one request examines matched: narrow the filters
     */
    @Schema(name = "ServiceOrderPage")
    public record ServiceOrderPage(int page, int size, long total, boolean hasMore, boolean truncated,
                                   long overdue, List<StateCount> byState, List<ServiceOrderView> items) {
    }

    /** Median hours of one step over the orders that went through it. */
    @Schema(name = "ServiceStepMedian")
    public record StepMedian(String step, Double hours, long samples) {
    }

    @Schema(name = "ServiceCategoryCount")
    public record CategoryCount(String category, long count) {
    }

    /** One district's orders (the district of the requesting unit). */
    @Schema(name = "ServiceDistrictStats")
    public record DistrictStats(String district, long orders, long completed, Double completionRate, long overdue,
                                List<StateCount> byState, List<CategoryCount> byCategory) {
    }

    @Schema(name = "ServiceCategoryStats")
    public record CategoryStats(String category, long orders, long freeRequests, long completed,
                                Double completionRate, Double averageRating, long ratings) {
    }

    /** A provider's record: dispatched to it, accepted, declined, completed, its ratings. */
    @Schema(name = "ServiceProviderStats")
    public record ProviderStats(String unitId, String name, String district, long dispatched, long accepted,
                                long declined, long completed, Double averageRating, long ratings) {
    }

    /** Free requests (需求) of a category that no open menu project of that category serves in their district. */
    @Schema(name = "ServiceUnservedDemand")
    public record UnservedDemand(String category, long freeRequests, List<String> districts) {
    }

    /**
     * 服务统计 over the orders placed in the period that the reader may see.
     *
     * @param completionRate completed (COMPLETED or RATED) ÷ orders neither rejected nor cancelled; null without any
     * @param medians        REVIEW (placed → approved/rejected), DISPATCH (approved → first dispatch), ACCEPT (last
     *                       dispatch → accepted), COMPLETE (accepted → completed)
     */
    @Schema(name = "ServiceStats")
    public record ServiceStatsView(String from, String to, String district, String category, String asOf,
                                   long orders, long completed, long overdue, Double completionRate,
                                   Double averageRating, long ratings, boolean truncated, List<StateCount> byState,
                                   List<StepMedian> medians, List<DistrictStats> byDistrict,
                                   List<CategoryStats> byCategory, List<ProviderStats> byProvider,
                                   List<UnservedDemand> unservedDemand) {
    }

    /** The deadlines of one district's orders (district null: everywhere else), in hours. */
    @Schema(name = "ServiceDeadlines")
    public record DeadlineView(String district, double reviewHours, double dispatchHours, double acceptHours) {
    }

    /**
     * What the forms offer: the configured categories, and the deadlines (completion is due by the wanted day).
     */
    @Schema(name = "ServiceSettings")
    public record ServiceSettingsView(List<String> categories, List<DeadlineView> deadlines) {
    }
}
