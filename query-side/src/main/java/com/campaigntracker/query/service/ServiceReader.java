package com.campaigntracker.query.service;

import com.campaigntracker.query.units.UnitDocument;
import com.campaigntracker.query.units.UnitRepository;
import com.campaigntracker.security.Actor;
import com.campaigntracker.security.CurrentActor;
import com.campaigntracker.security.Role;
import com.campaigntracker.shared.service.OrderState;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who reads the service orders, and what that lets them see and do — the command side's rules
 * ({@code shared/service/package-info}) applied to a read: coordinators and admins see and may handle every order; a
 * unit account acts for its unit and the units below it, so it sees the orders those units placed, the orders it
 * reviews (it is above the requesting unit) and the orders dispatched to them; a district leader reads its district's
 * orders and does nothing.
 *
 * @param anyUnit  a coordinator or admin (acts for any unit)
 * @param district a district leader's district; null for every other reader
 * @param unitId   a unit account's own unit (the one that reviews: it must be above the requesting unit)
 * @param actsFor  a unit account's unit and every unit below it; empty for other readers
 * @param unitDistrict a unit account's district (what the menu shows it)
 */
public record ServiceReader(boolean anyUnit, boolean leader, String district, String unitId, Set<String> actsFor,
                            String unitDistrict) {

    public static ServiceReader current(UnitRepository units) {
        Actor actor = CurrentActor.get();
        if (actor.actsForAnyUnit()) {
            return new ServiceReader(true, false, null, null, Set.of(), null);
        }
        if (actor.has(Role.UNIT) && actor.unitId() != null) {
            UnitDocument own = units.find(actor.unitId());
            Set<String> acts = new TreeSet<>();
            if (own != null) {
                units.withDescendants(own).forEach(u -> acts.add(u.unitId()));
            }
            // an account whose unit the directory does not know yet reads (and acts for) nothing
            return new ServiceReader(false, false, null, actor.unitId(), acts, own == null ? "" : own.district());
        }
        return new ServiceReader(false, true, actor.district(), null, Set.of(), null);
    }

    /** A unit account (which sees only its own units' orders). */
    public boolean unitAccount() {
        return !anyUnit && !leader;
    }

    private boolean actsForAny(Collection<String> unitIds) {
        return unitIds.stream().anyMatch(actsFor::contains);
    }

    private boolean actsFor(String unitId) {
        return unitId != null && actsFor.contains(unitId);
    }

    public boolean sees(ServiceOrderDocument o) {
        if (anyUnit) {
            return true;
        }
        if (leader) {
            return district == null || district.equals(o.district());
        }
        return actsFor(o.requestingUnitId()) || actsForAny(o.reviewingUnitIds()) || actsForAny(o.providerUnitIds());
    }

    /** The requester, the units above it and the current provider handle the order (and coordinators). */
    public boolean seesContact(ServiceOrderDocument o) {
        return anyUnit || actsFor(o.requestingUnitId()) || actsForAny(o.reviewingUnitIds())
                || actsFor(o.providerUnitId());
    }

    /** Review and dispatch: the account's own unit is above the requesting unit (as the order recorded it). */
    private boolean reviews(ServiceOrderDocument o) {
        return anyUnit || (unitId != null && actsFor(unitId) && o.reviewingUnitIds().contains(unitId));
    }

    private boolean provides(ServiceOrderDocument o) {
        return anyUnit || actsFor(o.providerUnitId());
    }

    private boolean requests(ServiceOrderDocument o) {
        return anyUnit || actsFor(o.requestingUnitId());
    }

    /** What the command side would let this reader do with the order now. */
    public List<String> actions(ServiceOrderDocument o) {
        OrderState state = OrderState.valueOf(o.state());
        List<String> out = new ArrayList<>();
        if (leader) {
            return out;
        }
        if (state == OrderState.PLACED && reviews(o)) {
            out.add("APPROVE");
            out.add("REJECT");
        }
        if ((state == OrderState.APPROVED || state == OrderState.DISPATCHED) && reviews(o)) {
            out.add("DISPATCH");
        }
        if (state == OrderState.DISPATCHED && provides(o)) {
            out.add("ACCEPT");
            out.add("DECLINE");
        }
        if (state == OrderState.ACCEPTED && provides(o)) {
            out.add("COMPLETE");
        }
        if (state == OrderState.COMPLETED && requests(o)) {
            out.add("RATE");
        }
        if (state.isCancellable() && requests(o)) {
            out.add("CANCEL");
        }
        return out;
    }

    /** Whether the reader is the one to take {@code step} (REVIEW, DISPATCH, ACCEPT, COMPLETE) of the order. */
    public boolean concernedWith(String step, ServiceOrderDocument o) {
        if (leader) {
            return true;
        }
        return switch (step) {
            case "REVIEW", "DISPATCH" -> reviews(o);
            case "ACCEPT", "COMPLETE" -> provides(o);
            default -> false;
        };
    }

    /** The menu: a scoped reader sees the projects serving its district and those its district's units provide. */
    public boolean sees(ServiceProjectDocument p) {
        String own = leader ? district : unitAccount() ? unitDistrict : null;
        return own == null || p.serves(own) || own.equals(p.providerDistrict()) || actsFor(p.providerUnitId());
    }

    /** REVISE and WITHDRAW for its provider (and coordinators); ORDER for a unit account it serves, and coordinators. */
    public List<String> actions(ServiceProjectDocument p) {
        List<String> out = new ArrayList<>();
        if (leader || p.isWithdrawn()) {
            return out;
        }
        if (anyUnit || actsFor(p.providerUnitId())) {
            out.add("REVISE");
            out.add("WITHDRAW");
        }
        if (anyUnit || (!actsFor.isEmpty() && p.serves(unitDistrict))) {
            out.add("ORDER");
        }
        return out;
    }
}
