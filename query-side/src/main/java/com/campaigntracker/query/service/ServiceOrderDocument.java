package com.campaigntracker.query.service;

import com.campaigntracker.query.service.ServiceViews.Completion;
import com.campaigntracker.query.service.ServiceViews.Mark;
import com.campaigntracker.query.service.ServiceViews.Rating;
import org.bson.codecs.pojo.annotations.BsonId;

import java.util.List;

/**
 * {@value #COLLECTION}: a service order, keyed by order id: its state, what was ordered, who handles it, the
 * completion report and rating, who did each step and when, and its timeline (every event, bounded by the steps an
 * order can take). Written only by the order's own events (sequence {@code o:<orderId>}), which carry everything it
 * needs (districts, reviewing units, provider).
 *
 * @param reviewingUnitIds   the units above the requesting unit, nearest first (who may review and dispatch)
 * @param providerUnitIds    every unit the order was ever dispatched to, in dispatch order (a provider that declined
 *                           still reads the order it declined)
 * @param firstDispatched    the first 派单 (the dispatch time measured from approval)
 * @param dispatched         the latest 派单 (to the current provider; acceptance is measured from it)
 * @param awaitingDispatchSince when it last became due for dispatch: approved, or the latest decline
 */
public record ServiceOrderDocument(@BsonId String orderId, String state, String projectId, String projectTitle,
                                   String category, String requestingUnitId, String district,
                                   List<String> reviewingUnitIds, String suggestedProviderUnitId, String campaignId,
                                   String wantedFrom, String wantedTo, String place, Integer peopleToServe,
                                   String contact, String notes, String providerUnitId, String providerDistrict,
                                   List<String> providerUnitIds, String rejectionReason, List<String> declineReasons,
                                   String cancellationReason, Completion completion, Rating rating, Mark placed,
                                   Mark reviewed, Mark firstDispatched, Mark dispatched, Mark accepted,
                                   Mark completed, Mark rated, Mark cancelled, String awaitingDispatchSince,
                                   List<TimelineStep> timeline) {
    public static final String COLLECTION = "rm_service_orders";
    /** Field names the order lists filter on (what the indexes cover). */
    static final String STATE = "state";
    static final String CATEGORY = "category";
    static final String DISTRICT = "district";
    static final String REQUESTING_UNIT = "requestingUnitId";
    static final String PROVIDER = "providerUnitId";
    static final String PROVIDERS = "providerUnitIds";
    static final String PLACED_AT = "placed.at";

    /**
     * One event of the order, as stored: its step, who (audit metadata) and when, and what it decided.
     *
     * @param providerUnitId DISPATCHED: the unit dispatched to; ACCEPTED, DECLINED, COMPLETED, RATED: the provider
     */
    public record TimelineStep(String step, String at, String user, String role, String unitId, String reason,
                       String providerUnitId, Integer score, String comment) {
    }

    public ServiceOrderDocument {
        reviewingUnitIds = reviewingUnitIds == null ? List.of() : List.copyOf(reviewingUnitIds);
        providerUnitIds = providerUnitIds == null ? List.of() : List.copyOf(providerUnitIds);
        // a reason may be missing in an old event: kept as null, not refused
        declineReasons = declineReasons == null ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(declineReasons));
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    /** A free request (需求), not ordered from the menu. */
    public boolean free() {
        return projectId == null;
    }
}
