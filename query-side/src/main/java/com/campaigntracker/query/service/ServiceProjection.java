package com.campaigntracker.query.service;

import com.campaigntracker.query.projection.Batch;
import com.campaigntracker.query.projection.Projection;
import com.campaigntracker.query.projection.ProjectionEvent;
import com.campaigntracker.query.projection.Table;
import com.campaigntracker.query.service.ServiceOrderDocument.TimelineStep;
import com.campaigntracker.query.service.ServiceViews.Completion;
import com.campaigntracker.query.service.ServiceViews.Mark;
import com.campaigntracker.query.service.ServiceViews.Rating;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderAccepted;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderApproved;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderCancelled;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderCompleted;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderDeclined;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderDispatched;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderEvent;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderPlaced;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderRated;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderRejected;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectEvent;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectPublished;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectRevised;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectWithdrawn;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The 服务菜单 ({@link ServiceProjectDocument}) and service orders ({@link ServiceOrderDocument}): each document
 * is written by its own stream's events only (sequences {@code p:<projectId>}, {@code o:<orderId>}); names and
 * overdue flags are added when read.
 */
public class ServiceProjection extends Projection {
    public static final Table<ServiceProjectDocument> PROJECTS = Table.of(ServiceProjectDocument.COLLECTION,
            ServiceProjectDocument.class);
    public static final Table<ServiceOrderDocument> ORDERS = Table.of(ServiceOrderDocument.COLLECTION,
            ServiceOrderDocument.class);

    public ServiceProjection() {
        super(ServiceProjectEvent.class, ServiceOrderEvent.class);
        on(ServiceProjectPublished.class, (p, e, batch) -> wantProject(batch, p.projectId()),
                (p, e, batch) -> batch.put(PROJECTS, new ServiceProjectDocument(p.projectId(), p.title(),
                        p.category(), p.description(), p.providerUnitId(), p.providerDistrict(), p.districts(),
                        p.weeklyCapacity(), p.campaignId(), false, null, e.timestamp().toString(), e.user(), null)));
        on(ServiceProjectRevised.class, (p, e, batch) -> wantProject(batch, p.projectId()),
                (p, e, batch) -> changeProject(batch, p.projectId(), d -> new ServiceProjectDocument(d.projectId(),
                        p.title(), p.category(), p.description(), p.providerUnitId(), p.providerDistrict(),
                        p.districts(), p.weeklyCapacity(), p.campaignId(), d.withdrawn(), d.withdrawalReason(),
                        d.publishedAt(), d.publishedBy(), e.timestamp().toString())));
        on(ServiceProjectWithdrawn.class, (p, e, batch) -> wantProject(batch, p.projectId()),
                (p, e, batch) -> changeProject(batch, p.projectId(), d -> new ServiceProjectDocument(d.projectId(),
                        d.title(), d.category(), d.description(), d.providerUnitId(), d.providerDistrict(),
                        d.districts(), d.weeklyCapacity(), d.campaignId(), true, p.reason(), d.publishedAt(),
                        d.publishedBy(), d.revisedAt())));

        on(ServiceOrderPlaced.class, (o, e, batch) -> wantOrder(batch, o.orderId()), (o, e, batch) -> {
            require(o.requestingUnitId() != null, "requestingUnitId");
            require(o.category() != null, "category");
            require(o.wantedFrom() != null, "wantedFrom");
            Order d = new Order();
            d.orderId = o.orderId();
            d.projectId = o.projectId();
            d.projectTitle = o.projectTitle();
            d.category = o.category();
            d.requestingUnitId = o.requestingUnitId();
            d.district = o.district();
            d.reviewingUnitIds = o.reviewingUnitIds();
            d.suggestedProviderUnitId = o.suggestedProviderUnitId();
            d.campaignId = o.campaignId();
            d.wantedFrom = o.wantedFrom().toString();
            d.wantedTo = (o.wantedTo() != null ? o.wantedTo() : o.wantedFrom()).toString();
            d.place = o.place();
            d.peopleToServe = o.peopleToServe();
            d.contact = o.contact();
            d.notes = o.notes();
            d.placed = mark(e);
            d.step(o, e, null, null, null, null);
            batch.put(ORDERS, d.build());
        });
        on(ServiceOrderApproved.class, (o, e, batch) -> wantOrder(batch, o.orderId()),
                (o, e, batch) -> changeOrder(batch, o, e, d -> {
                    d.reviewed = mark(e);
                    d.awaitingDispatchSince = e.timestamp().toString();
                    d.step(o, e, null, null, null, null);
                }));
        on(ServiceOrderRejected.class, (o, e, batch) -> wantOrder(batch, o.orderId()),
                (o, e, batch) -> changeOrder(batch, o, e, d -> {
                    d.reviewed = mark(e);
                    d.rejectionReason = o.reason();
                    d.step(o, e, o.reason(), null, null, null);
                }));
        on(ServiceOrderDispatched.class, (o, e, batch) -> wantOrder(batch, o.orderId()),
                (o, e, batch) -> changeOrder(batch, o, e, d -> {
                    require(o.providerUnitId() != null, "providerUnitId");
                    d.dispatched = mark(e);
                    if (d.firstDispatched == null) {
                        d.firstDispatched = d.dispatched;
                    }
                    d.providerUnitId = o.providerUnitId();
                    d.providerDistrict = o.providerDistrict();
                    if (!d.providerUnitIds.contains(o.providerUnitId())) {
                        d.providerUnitIds.add(o.providerUnitId());
                    }
                    d.step(o, e, null, o.providerUnitId(), null, null);
                }));
        on(ServiceOrderAccepted.class, (o, e, batch) -> wantOrder(batch, o.orderId()),
                (o, e, batch) -> changeOrder(batch, o, e, d -> {
                    d.accepted = mark(e);
                    d.step(o, e, null, o.providerUnitId(), null, null);
                }));
        on(ServiceOrderDeclined.class, (o, e, batch) -> wantOrder(batch, o.orderId()),
                (o, e, batch) -> changeOrder(batch, o, e, d -> {
                    d.declineReasons.add(o.reason());
                    d.awaitingDispatchSince = e.timestamp().toString();
                    // back in the queue for dispatch: no current provider
                    d.providerUnitId = null;
                    d.providerDistrict = null;
                    d.step(o, e, o.reason(), o.providerUnitId(), null, null);
                }));
        on(ServiceOrderCompleted.class, (o, e, batch) -> wantOrder(batch, o.orderId()),
                (o, e, batch) -> changeOrder(batch, o, e, d -> {
                    require(o.report() != null && o.report().figures() != null && o.report().date() != null,
                            "report");
                    var f = o.report().figures();
                    d.completion = new Completion(o.report().date().toString(), f.sessions(), f.participations(),
                            f.serviceHours(), f.beneficiaries(), o.report().summary());
                    d.completed = mark(e);
                    d.step(o, e, null, o.providerUnitId(), null, null);
                }));
        on(ServiceOrderRated.class, (o, e, batch) -> wantOrder(batch, o.orderId()),
                (o, e, batch) -> changeOrder(batch, o, e, d -> {
                    d.rating = new Rating(o.score(), o.comment());
                    d.rated = mark(e);
                    d.step(o, e, null, o.providerUnitId(), o.score(), o.comment());
                }));
        on(ServiceOrderCancelled.class, (o, e, batch) -> wantOrder(batch, o.orderId()),
                (o, e, batch) -> changeOrder(batch, o, e, d -> {
                    d.cancellationReason = o.reason();
                    d.cancelled = mark(e);
                    d.step(o, e, o.reason(), null, null, null);
                }));
    }

    private static void wantProject(Batch batch, String projectId) {
        require(projectId != null, "projectId");
        batch.want(PROJECTS, projectId);
    }

    private static void changeProject(Batch batch, String projectId, UnaryOperator<ServiceProjectDocument> change) {
        ServiceProjectDocument d = batch.get(PROJECTS, projectId);
        if (d != null) {
            batch.put(PROJECTS, change.apply(d));
        }
    }

    private static void wantOrder(Batch batch, String orderId) {
        require(orderId != null, "orderId");
        batch.want(ORDERS, orderId);
    }

    /** Applies a step to a placed order and moves it to the event's state (an order never placed stays absent). */
    private static void changeOrder(Batch batch, ServiceOrderEvent event, ProjectionEvent e,
                                    java.util.function.Consumer<Order> change) {
        ServiceOrderDocument stored = batch.get(ORDERS, event.orderId());
        if (stored == null) {
            return;
        }
        Order d = Order.of(stored);
        change.accept(d);
        batch.put(ORDERS, d.build());
    }

    private static Mark mark(ProjectionEvent e) {
        return new Mark(e.timestamp().toString(), e.user(), e.role(), e.actingUnit());
    }

    /** The step name of an event in the timeline: the state it leads to, DECLINED for a decline. */
    static String stepOf(ServiceOrderEvent event) {
        return event instanceof ServiceOrderDeclined ? "DECLINED" : event.state().name();
    }

    @Override
    public List<String> collections() {
        return List.of(PROJECTS.name(), ORDERS.name());
    }

    @Override
    public void createIndexes(MongoDatabase db) {
        db.getCollection(PROJECTS.name()).createIndex(Indexes.ascending(ServiceProjectDocument.CATEGORY));
        db.getCollection(PROJECTS.name()).createIndex(Indexes.ascending(ServiceProjectDocument.PROVIDER));
        db.getCollection(ORDERS.name()).createIndex(Indexes.ascending(ServiceOrderDocument.DISTRICT,
                ServiceOrderDocument.STATE));
        db.getCollection(ORDERS.name()).createIndex(Indexes.ascending(ServiceOrderDocument.REQUESTING_UNIT));
        db.getCollection(ORDERS.name()).createIndex(Indexes.ascending(ServiceOrderDocument.PROVIDERS));
        db.getCollection(ORDERS.name()).createIndex(Indexes.ascending(ServiceOrderDocument.PLACED_AT));
    }

    /** An order while one event changes it (the document is immutable; this is its working copy). */
    private static final class Order {
        String orderId;
        String state;
        String projectId;
        String projectTitle;
        String category;
        String requestingUnitId;
        String district;
        List<String> reviewingUnitIds = List.of();
        String suggestedProviderUnitId;
        String campaignId;
        String wantedFrom;
        String wantedTo;
        String place;
        Integer peopleToServe;
        String contact;
        String notes;
        String providerUnitId;
        String providerDistrict;
        List<String> providerUnitIds = new ArrayList<>();
        String rejectionReason;
        List<String> declineReasons = new ArrayList<>();
        String cancellationReason;
        Completion completion;
        Rating rating;
        Mark placed;
        Mark reviewed;
        Mark firstDispatched;
        Mark dispatched;
        Mark accepted;
        Mark completed;
        Mark rated;
        Mark cancelled;
        String awaitingDispatchSince;
        List<TimelineStep> timeline = new ArrayList<>();

        static Order of(ServiceOrderDocument s) {
            Order d = new Order();
            d.orderId = s.orderId();
            d.state = s.state();
            d.projectId = s.projectId();
            d.projectTitle = s.projectTitle();
            d.category = s.category();
            d.requestingUnitId = s.requestingUnitId();
            d.district = s.district();
            d.reviewingUnitIds = s.reviewingUnitIds();
            d.suggestedProviderUnitId = s.suggestedProviderUnitId();
            d.campaignId = s.campaignId();
            d.wantedFrom = s.wantedFrom();
            d.wantedTo = s.wantedTo();
            d.place = s.place();
            d.peopleToServe = s.peopleToServe();
            d.contact = s.contact();
            d.notes = s.notes();
            d.providerUnitId = s.providerUnitId();
            d.providerDistrict = s.providerDistrict();
            d.providerUnitIds = new ArrayList<>(s.providerUnitIds());
            d.rejectionReason = s.rejectionReason();
            d.declineReasons = new ArrayList<>(s.declineReasons());
            d.cancellationReason = s.cancellationReason();
            d.completion = s.completion();
            d.rating = s.rating();
            d.placed = s.placed();
            d.reviewed = s.reviewed();
            d.firstDispatched = s.firstDispatched();
            d.dispatched = s.dispatched();
            d.accepted = s.accepted();
            d.completed = s.completed();
            d.rated = s.rated();
            d.cancelled = s.cancelled();
            d.awaitingDispatchSince = s.awaitingDispatchSince();
            d.timeline = new ArrayList<>(s.timeline());
            return d;
        }

        /** Moves to the event's state and adds its step to the timeline. */
        void step(ServiceOrderEvent event, ProjectionEvent e, String reason, String provider, Integer score,
                  String comment) {
            state = event.state().name();
            timeline.add(new TimelineStep(stepOf(event), e.timestamp().toString(), e.user(), e.role(), e.actingUnit(), reason,
                    provider, score, comment));
        }

        ServiceOrderDocument build() {
            return new ServiceOrderDocument(orderId, state, projectId, projectTitle, category, requestingUnitId,
                    district, reviewingUnitIds, suggestedProviderUnitId, campaignId, wantedFrom, wantedTo, place,
                    peopleToServe, contact, notes, providerUnitId, providerDistrict, providerUnitIds,
                    rejectionReason, declineReasons, cancellationReason, completion, rating, placed, reviewed,
                    firstDispatched, dispatched, accepted, completed, rated, cancelled, awaitingDispatchSince,
                    timeline);
        }
    }
}
