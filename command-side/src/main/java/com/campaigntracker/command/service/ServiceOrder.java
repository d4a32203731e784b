package com.campaigntracker.command.service;

import com.campaigntracker.command.Outcome;
import com.campaigntracker.command.rules.InvalidField;
import com.campaigntracker.command.unit.ActingUnitPolicy;
import com.campaigntracker.command.unit.UnitLookup;
import com.campaigntracker.command.unit.UnitState;
import com.campaigntracker.security.ServiceOrderProperties;
import com.campaigntracker.shared.AuditMetadata;
import com.campaigntracker.shared.service.CompletionReport;
import com.campaigntracker.shared.service.OrderState;
import com.campaigntracker.shared.service.ServiceCommands.AcceptServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.ApproveServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.CancelServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.CompleteServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.DeclineServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.DispatchServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.PlaceServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.RateServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.RejectServiceOrder;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One service order, 点单 → 审单 → 派单 → 接单 → 结项 → 评单 ({@link OrderState}). Every command checks, in this order:
 * who may act (reviewer, provider, requester), whether the order is still open (not cancelled or rejected), whether
 * it repeats what already happened (then {@link Outcome#UNCHANGED}), and only then whether the step fits the state.
 * Placing is {@code CREATE_IF_MISSING}, so the same order again is a retry and other content a conflict.
 */
@Aggregate
public class ServiceOrder {
    /** States an order has reached once it was approved (an approve again is a retry). */
    private static final Set<OrderState> APPROVED_ONCE = EnumSet.of(OrderState.APPROVED, OrderState.DISPATCHED,
            OrderState.ACCEPTED, OrderState.COMPLETED, OrderState.RATED);
    private static final Set<OrderState> ACCEPTED_ONCE = EnumSet.of(OrderState.ACCEPTED, OrderState.COMPLETED,
            OrderState.RATED);

    @AggregateIdentifier
    private String orderId;
    private Request request;
    private String category;
    private List<String> reviewingUnitIds;
    private String suggestedProviderUnitId;
    private String campaignId;
    private OrderState status;
    /** The unit it is dispatched to / accepted by; null while none. */
    private String providerUnitId;
    private String lastDeclinedBy;
    private CompletionReport report;
    private Integer score;
    private String comment;

    protected ServiceOrder() {
        // for Axon; also the state before placing
    }

    /** What the ordering unit asked for, compared to tell a retry from a conflicting order under the same id. */
    record Request(String projectId, String category, String requestingUnitId, LocalDate wantedFrom,
                   LocalDate wantedTo, String place, Integer peopleToServe, String contact, String notes) {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(PlaceServiceOrder command, UnitLookup units, ServiceProjectLookup projects,
                          ServiceOrderProperties settings, @MetaDataValue(AuditMetadata.ROLE) String role,
                          @MetaDataValue(AuditMetadata.ACTING_UNIT) String actingUnit) {
        ActingUnitPolicy.requireMayActFor(role, actingUnit, command.requestingUnitId(), units);
        LocalDate wantedTo = command.wantedTo() == null ? command.wantedFrom() : command.wantedTo();
        if (wantedTo.isBefore(command.wantedFrom())) {
            throw new InvalidField("wantedTo", wantedTo, "不能早于期望服务日期(" + command.wantedFrom() + ")");
        }
        if (orderId != null) {
            Request again = new Request(command.projectId(),
                    command.category() == null ? request.category() : command.category(),
                    command.requestingUnitId(), command.wantedFrom(), wantedTo, command.place(),
                    command.peopleToServe(), command.contact(), command.notes());
            if (again.equals(request)) {
                return Outcome.UNCHANGED;
            }
            throw new ServiceOrderIdConflict(command.orderId());
        }
        UnitState requester = ServicePolicies.eligibleRequester(command.requestingUnitId(), units);
        String orderedCategory = command.category();
        ServiceProjectState.Content project = null;
        if (command.projectId() != null) {
            project = projects.require("projectId", command.projectId()).requireOnMenu().content();
            if (orderedCategory != null && !orderedCategory.equals(project.category())) {
                throw new ServiceCategoryMismatch(command.projectId(), project.category(), orderedCategory);
            }
            if (!project.districts().contains(requester.district())) {
                throw new DistrictNotServed(command.projectId(), requester.district(), project.districts());
            }
            orderedCategory = project.category();
        } else if (orderedCategory == null) {
            throw new InvalidField("category", null, "不能为空(未从服务菜单选择项目时须填写需求类别)");
        } else {
            ServicePolicies.listedCategory(orderedCategory, settings);
        }
        apply(new ServiceOrderPlaced(command.orderId(), command.projectId(),
                project == null ? null : project.title(), orderedCategory, command.requestingUnitId(),
                requester.district(), ServicePolicies.unitsAbove(requester, units),
                project == null ? null : project.providerUnitId(), project == null ? null : project.campaignId(),
                command.wantedFrom(), wantedTo, command.place(), command.peopleToServe(), command.contact(),
                command.notes()));
        return Outcome.CHANGED;
    }

    @CommandHandler
    public Outcome handle(ApproveServiceOrder command, @MetaDataValue(AuditMetadata.ROLE) String role,
                          @MetaDataValue(AuditMetadata.ACTING_UNIT) String actingUnit) {
        requireReviewer(role, actingUnit);
        requireOpen();
        if (APPROVED_ONCE.contains(status)) {
            return Outcome.UNCHANGED;
        }
        apply(new ServiceOrderApproved(orderId));
        return Outcome.CHANGED;
    }

    @CommandHandler
    public Outcome handle(RejectServiceOrder command, @MetaDataValue(AuditMetadata.ROLE) String role,
                          @MetaDataValue(AuditMetadata.ACTING_UNIT) String actingUnit) {
        requireReviewer(role, actingUnit);
        if (status == OrderState.REJECTED) {
            return Outcome.UNCHANGED;
        }
        requireOpen();
        if (status != OrderState.PLACED) {
            throw new OrderNotAwaitingReview(orderId, status);
        }
        apply(new ServiceOrderRejected(orderId, command.reason()));
        return Outcome.CHANGED;
    }

    /**
     * 派单 to the given unit, by default the project's provider. A dispatched order not yet accepted may be
     * dispatched to another unit (the first did not answer); the same unit again is a retry.
     */
    @CommandHandler
    public Outcome handle(DispatchServiceOrder command, UnitLookup units,
                          @MetaDataValue(AuditMetadata.ROLE) String role,
                          @MetaDataValue(AuditMetadata.ACTING_UNIT) String actingUnit) {
        requireReviewer(role, actingUnit);
        requireOpen();
        String provider = command.providerUnitId() != null ? command.providerUnitId() : suggestedProviderUnitId;
        if (provider == null) {
            throw new InvalidField("providerUnitId", null, "不能为空(自由需求没有默认的服务单位)");
        }
        if (provider.equals(providerUnitId)
                && (status == OrderState.DISPATCHED || ACCEPTED_ONCE.contains(status))) {
            return Outcome.UNCHANGED;
        }
        if (status != OrderState.APPROVED && status != OrderState.DISPATCHED) {
            throw new OrderNotAwaitingDispatch(orderId, status);
        }
        UnitState unit = ServicePolicies.eligibleProvider("providerUnitId", provider, units);
        apply(new ServiceOrderDispatched(orderId, provider, unit.district()));
        return Outcome.CHANGED;
    }

    @CommandHandler
    public Outcome handle(AcceptServiceOrder command, UnitLookup units,
                          @MetaDataValue(AuditMetadata.ROLE) String role,
                          @MetaDataValue(AuditMetadata.ACTING_UNIT) String actingUnit) {
        requireOpen();
        if (providerUnitId == null) {
            throw new OrderNotDispatched(orderId, status);
        }
        requireProvider(role, actingUnit, units);
        if (ACCEPTED_ONCE.contains(status)) {
            return Outcome.UNCHANGED;
        }
        apply(new ServiceOrderAccepted(orderId, providerUnitId));
        return Outcome.CHANGED;
    }

    /** The order goes back to {@link OrderState#APPROVED}; the reviewer dispatches it to another unit. */
    @CommandHandler
    public Outcome handle(DeclineServiceOrder command, UnitLookup units,
                          @MetaDataValue(AuditMetadata.ROLE) String role,
                          @MetaDataValue(AuditMetadata.ACTING_UNIT) String actingUnit) {
        requireOpen();
        if (status == OrderState.APPROVED && lastDeclinedBy != null
                && ActingUnitPolicy.mayActFor(role, actingUnit, lastDeclinedBy, units)) {
            return Outcome.UNCHANGED;
        }
        if (providerUnitId == null) {
            throw new OrderNotDispatched(orderId, status);
        }
        requireProvider(role, actingUnit, units);
        if (status != OrderState.DISPATCHED) {
            throw new OrderNotDispatched(orderId, status);
        }
        apply(new ServiceOrderDeclined(orderId, providerUnitId, command.reason()));
        return Outcome.CHANGED;
    }

    /** 结项 with the report; the same report again is a retry. The service date is not after today. */
    @CommandHandler
    public Outcome handle(CompleteServiceOrder command, UnitLookup units, Clock clock,
                          @MetaDataValue(AuditMetadata.ROLE) String role,
                          @MetaDataValue(AuditMetadata.ACTING_UNIT) String actingUnit) {
        requireOpen();
        if (providerUnitId == null) {
            throw new OrderNotAccepted(orderId, status);
        }
        requireProvider(role, actingUnit, units);
        if (status == OrderState.COMPLETED || status == OrderState.RATED) {
            if (command.report().equals(report)) {
                return Outcome.UNCHANGED;
            }
            throw new OrderAlreadyCompleted(orderId);
        }
        if (status != OrderState.ACCEPTED) {
            throw new OrderNotAccepted(orderId, status);
        }
        LocalDate today = LocalDate.now(clock);
        if (command.report().date().isAfter(today)) {
            throw new CompletionDateInFuture(command.report().date(), today);
        }
        apply(new ServiceOrderCompleted(orderId, providerUnitId, request.requestingUnitId(), category, campaignId,
                command.report()));
        return Outcome.CHANGED;
    }

    /** 评单, once; the same rating again is a retry. */
    @CommandHandler
    public Outcome handle(RateServiceOrder command, UnitLookup units, @MetaDataValue(AuditMetadata.ROLE) String role,
                          @MetaDataValue(AuditMetadata.ACTING_UNIT) String actingUnit) {
        requireRequester(role, actingUnit, units);
        requireOpen();
        if (status == OrderState.RATED) {
            if (command.score() == score && Objects.equals(command.comment(), comment)) {
                return Outcome.UNCHANGED;
            }
            throw new OrderAlreadyRated(orderId, score);
        }
        if (status != OrderState.COMPLETED) {
            throw new OrderNotCompleted(orderId, status);
        }
        if (command.score() < 3 && (command.comment() == null || command.comment().isBlank())) {
            throw new RatingNeedsComment(orderId, command.score());
        }
        apply(new ServiceOrderRated(orderId, providerUnitId, category, command.score(), command.comment()));
        return Outcome.CHANGED;
    }

    /** The ordering unit withdraws its order while no provider has accepted it. */
    @CommandHandler
    public Outcome handle(CancelServiceOrder command, UnitLookup units,
                          @MetaDataValue(AuditMetadata.ROLE) String role,
                          @MetaDataValue(AuditMetadata.ACTING_UNIT) String actingUnit) {
        requireRequester(role, actingUnit, units);
        if (status == OrderState.CANCELLED) {
            return Outcome.UNCHANGED;
        }
        requireOpen();
        if (!status.isCancellable()) {
            throw new OrderNotCancellable(orderId, status);
        }
        apply(new ServiceOrderCancelled(orderId, status, command.reason()));
        return Outcome.CHANGED;
    }

    /** Review policy: a unit account strictly above the ordering unit; coordinators and in-process callers. */
    private void requireReviewer(String role, String actingUnit) {
        if (isUnitAccount(role) && !reviewingUnitIds.contains(actingUnit)) {
            throw new NotTheReviewer(orderId, actingUnit, request.requestingUnitId());
        }
    }

    /** Provider policy: the unit the order is dispatched to, or a unit above it. */
    private void requireProvider(String role, String actingUnit, UnitLookup units) {
        if (!ActingUnitPolicy.mayActFor(role, actingUnit, providerUnitId, units)) {
            throw new NotTheProvider(orderId, actingUnit, providerUnitId);
        }
    }

    /** Requester policy: the ordering unit, or a unit above it. */
    private void requireRequester(String role, String actingUnit, UnitLookup units) {
        if (!ActingUnitPolicy.mayActFor(role, actingUnit, request.requestingUnitId(), units)) {
            throw new NotTheRequester(orderId, actingUnit, request.requestingUnitId());
        }
    }

    /** Nothing happens to a cancelled or rejected order. */
    private void requireOpen() {
        if (status == OrderState.CANCELLED) {
            throw new OrderCancelled(orderId);
        }
        if (status == OrderState.REJECTED) {
            throw new OrderRejected(orderId);
        }
    }

    private static boolean isUnitAccount(String role) {
        return ActingUnitPolicy.UNIT_ROLE.equals(role);
    }

    @EventSourcingHandler
    void on(ServiceOrderPlaced event) {
        orderId = event.orderId();
        request = new Request(event.projectId(), event.category(), event.requestingUnitId(), event.wantedFrom(),
                event.wantedTo(), event.place(), event.peopleToServe(), event.contact(), event.notes());
        category = event.category();
        reviewingUnitIds = event.reviewingUnitIds();
        suggestedProviderUnitId = event.suggestedProviderUnitId();
        campaignId = event.campaignId();
        status = event.state();
    }

    @EventSourcingHandler
    void on(ServiceOrderDispatched event) {
        providerUnitId = event.providerUnitId();
        status = event.state();
    }

    @EventSourcingHandler
    void on(ServiceOrderDeclined event) {
        lastDeclinedBy = event.providerUnitId();
        providerUnitId = null;
        status = event.state();
    }

    @EventSourcingHandler
    void on(ServiceOrderCompleted event) {
        report = event.report();
        status = event.state();
    }

    @EventSourcingHandler
    void on(ServiceOrderRated event) {
        score = event.score();
        comment = event.comment();
        status = event.state();
    }

    /** Approved, rejected, accepted, cancelled: only the state changes. */
    @EventSourcingHandler
    void on(ServiceOrderEvent event) {
        status = event.state();
    }
}
