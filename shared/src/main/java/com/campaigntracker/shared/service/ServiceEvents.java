package com.campaigntracker.shared.service;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * Events of the 服务菜单 (one stream per project) and of service orders (one stream per order). Each event carries
 * what a projection needs without looking other streams up; who did it and when is in the event's metadata
 * ({@code user}, {@code role}, {@code actingUnit}) and timestamp. A public, versioned contract: reshape only through
 * upcasters.
 */
public final class ServiceEvents {
    private ServiceEvents() {
    }

    public sealed interface ServiceProjectEvent permits ServiceProjectPublished, ServiceProjectRevised,
            ServiceProjectWithdrawn {
        String projectId();
    }

    /**
     * @param providerDistrict the provider unit's district, for filters without a unit lookup
     * @param districts        the districts served, without duplicates, in the order given
     * @param weeklyCapacity   orders a week the provider can take; null = not stated (advisory, not enforced)
     * @param campaignId       the campaign its completed orders count towards; null = none
     */
    @Revision("1")
    public record ServiceProjectPublished(String projectId, String title, String category, String description,
                                          String providerUnitId, String providerDistrict, List<String> districts,
                                          Integer weeklyCapacity, String campaignId) implements ServiceProjectEvent {
        public ServiceProjectPublished {
            districts = List.copyOf(districts);
        }
    }

    /** The project's full new content (orders placed before keep what they were placed with). */
    @Revision("1")
    public record ServiceProjectRevised(String projectId, String title, String category, String description,
                                        String providerUnitId, String providerDistrict, List<String> districts,
                                        Integer weeklyCapacity, String campaignId) implements ServiceProjectEvent {
        public ServiceProjectRevised {
            districts = List.copyOf(districts);
        }
    }

    @Revision("1")
    public record ServiceProjectWithdrawn(String projectId, String reason) implements ServiceProjectEvent {
    }

    public sealed interface ServiceOrderEvent permits ServiceOrderPlaced, ServiceOrderApproved, ServiceOrderRejected,
            ServiceOrderDispatched, ServiceOrderAccepted, ServiceOrderDeclined, ServiceOrderCompleted,
            ServiceOrderRated, ServiceOrderCancelled {
        String orderId();

        /** The state the order is in after this event. */
        OrderState state();
    }

    /**
     * 点单.
     *
     * @param projectId        the menu item ordered; null for a free request (需求)
     * @param projectTitle     its title when ordered; null for a free request
     * @param category         the project's category, or the free request's
     * @param requestingUnitId the ordering station (or 所)
     * @param district         the requesting unit's district (the order's district in every view and deadline)
     * @param reviewingUnitIds the units above the requesting unit, nearest first: who may review and dispatch
     * @param suggestedProviderUnitId the project's provider (the default of 派单); null for a free request
     * @param campaignId       the project's campaign when ordered; null = none. A completion counts there.
     * @param wantedTo         equal to {@code wantedFrom} for a single day
     * @param contact          shown only to the units handling the order
     */
    @Revision("1")
    public record ServiceOrderPlaced(String orderId, String projectId, String projectTitle, String category,
                                     String requestingUnitId, String district, List<String> reviewingUnitIds,
                                     String suggestedProviderUnitId, String campaignId, LocalDate wantedFrom,
                                     LocalDate wantedTo, String place, Integer peopleToServe, String contact,
                                     String notes) implements ServiceOrderEvent {
        public ServiceOrderPlaced {
            reviewingUnitIds = List.copyOf(reviewingUnitIds);
        }

        @Override
        public OrderState state() {
            return OrderState.PLACED;
        }
    }

    @Revision("1")
    public record ServiceOrderApproved(String orderId) implements ServiceOrderEvent {
        @Override
        public OrderState state() {
            return OrderState.APPROVED;
        }
    }

    @Revision("1")
    public record ServiceOrderRejected(String orderId, String reason) implements ServiceOrderEvent {
        @Override
        public OrderState state() {
            return OrderState.REJECTED;
        }
    }

    /** 派单 (again after a decline). {@code providerDistrict}: the provider unit's district. */
    @Revision("1")
    public record ServiceOrderDispatched(String orderId, String providerUnitId, String providerDistrict)
            implements ServiceOrderEvent {
        @Override
        public OrderState state() {
            return OrderState.DISPATCHED;
        }
    }

    @Revision("1")
    public record ServiceOrderAccepted(String orderId, String providerUnitId) implements ServiceOrderEvent {
        @Override
        public OrderState state() {
            return OrderState.ACCEPTED;
        }
    }

    /** The provider turned it down; the order is {@link OrderState#APPROVED} again, waiting for another 派单. */
    @Revision("1")
    public record ServiceOrderDeclined(String orderId, String providerUnitId, String reason)
            implements ServiceOrderEvent {
        @Override
        public OrderState state() {
            return OrderState.APPROVED;
        }
    }

    /**
     * 结项. {@code campaignId} is the order's campaign (from {@link ServiceOrderPlaced}); whether the completion also
     * became an activity there (activity id = order id) shows as that activity's own events.
     */
    @Revision("1")
    public record ServiceOrderCompleted(String orderId, String providerUnitId, String requestingUnitId,
                                        String category, String campaignId, CompletionReport report)
            implements ServiceOrderEvent {
        @Override
        public OrderState state() {
            return OrderState.COMPLETED;
        }
    }

    /** 评单. Provider and category repeated so ratings roll up per provider and per category directly. */
    @Revision("1")
    public record ServiceOrderRated(String orderId, String providerUnitId, String category, int score,
                                    String comment) implements ServiceOrderEvent {
        @Override
        public OrderState state() {
            return OrderState.RATED;
        }
    }

    /** {@code previousState}: PLACED, APPROVED or DISPATCHED. */
    @Revision("1")
    public record ServiceOrderCancelled(String orderId, OrderState previousState, String reason)
            implements ServiceOrderEvent {
        @Override
        public OrderState state() {
            return OrderState.CANCELLED;
        }
    }
}
