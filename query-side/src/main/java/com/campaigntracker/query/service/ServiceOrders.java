package com.campaigntracker.query.service;

import com.campaigntracker.query.projection.Docs;
import com.campaigntracker.query.service.ServiceOrderDocument.TimelineStep;
import com.campaigntracker.query.service.ServiceViews.ServiceOrderPage;
import com.campaigntracker.query.service.ServiceViews.ServiceOrderView;
import com.campaigntracker.query.service.ServiceViews.StateCount;
import com.campaigntracker.query.service.ServiceViews.TimelineEntry;
import com.campaigntracker.query.units.UnitDocument;
import com.campaigntracker.query.units.UnitRepository;
import com.campaigntracker.query.web.ApiException;
import com.campaigntracker.query.web.ReadScope;
import com.campaigntracker.security.ServiceOrderProperties;
import com.campaigntracker.shared.service.OrderState;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The orders a reader sees, with their deadlines checked against the query's clock: the list (overdue orders the
 * reader must act on first), one order with its timeline, and the rows the exports and statistics use.
 */
@Component
public class ServiceOrders {
    private final ServiceRepository repository;
    private final UnitRepository units;
    private final ServiceOrderProperties settings;
    private final Clock clock;

    public ServiceOrders(ServiceRepository repository, UnitRepository units, ServiceOrderProperties settings,
                         ObjectProvider<Clock> clock) {
        this.repository = repository;
        this.units = units;
        this.settings = settings;
        this.clock = clock.getIfUnique(() -> Clock.system(Docs.ZONE));
    }

    /** An order as a reader sees it now: its deadline, whether it has passed, whether the reader must act first. */
    public record Seen(ServiceOrderDocument order, OrderDeadline due, boolean overdue, boolean first) {
    }

    /** The orders matching the filter but its states, in the reader's scope. */
    public record Selection(ServiceReader reader, List<Seen> orders, boolean truncated, Instant now) {
    }

    public ServiceReader reader() {
        return ServiceReader.current(units);
    }

    public Instant now() {
        return clock.instant();
    }

    /** Every order {@code f} matches (any state) that the current reader sees, newest placed first. */
    public Selection select(OrderFilter f) {
        ServiceReader reader = reader();
        Instant now = clock.instant();
        String district = reader.leader() ? ReadScope.effectiveDistrict(f.district()) : f.district();
        if (reader.leader() && f.inbox() != null) {
            return new Selection(reader, List.of(), false, now); // a leader handles no order
        }
        List<Bson> q = new ArrayList<>();
        if (district != null) {
            q.add(Filters.eq(ServiceOrderDocument.DISTRICT, district));
        }
        if (f.category() != null) {
            q.add(Filters.eq(ServiceOrderDocument.CATEGORY, f.category()));
        }
        if (f.requestingUnitId() != null) {
            q.add(Filters.eq(ServiceOrderDocument.REQUESTING_UNIT, f.requestingUnitId()));
        }
        if (f.providerUnitId() != null) {
            q.add(Filters.eq(ServiceOrderDocument.PROVIDER, f.providerUnitId()));
        }
        if (reader.unitAccount()) {
            if (reader.actsFor().isEmpty()) {
                return new Selection(reader, List.of(), false, now);
            }
            List<String> acts = List.copyOf(reader.actsFor());
            q.add(Filters.or(Filters.in(ServiceOrderDocument.REQUESTING_UNIT, acts),
                    Filters.in("reviewingUnitIds", acts), Filters.in(ServiceOrderDocument.PROVIDERS, acts)));
            if (f.inbox() != null) {
                q.add(switch (f.inbox()) {
                    case "placed" -> Filters.in(ServiceOrderDocument.REQUESTING_UNIT, acts);
                    case "review" -> Filters.in("reviewingUnitIds", acts);
                    default -> Filters.in(ServiceOrderDocument.PROVIDER, acts);
                });
            }
        } else if ("provider".equals(f.inbox())) {
            q.add(Filters.ne(ServiceOrderDocument.PROVIDER, null));
        }
        ServiceRepository.Scan scan = repository.orders(q.isEmpty() ? new org.bson.Document() : Filters.and(q));
        List<Seen> seen = new ArrayList<>();
        for (ServiceOrderDocument o : scan.orders()) {
            if (!reader.sees(o) || !f.placedWithin(o)) {
                continue;
            }
            Seen s = seen(o, reader, now);
            if (f.overdue() == null || f.overdue() == s.overdue()) {
                seen.add(s);
            }
        }
        return new Selection(reader, seen, scan.truncated(), now);
    }

    private Seen seen(ServiceOrderDocument o, ServiceReader reader, Instant now) {
        OrderDeadline due = OrderDeadline.of(o, settings.deadlines(o.district()));
        boolean overdue = due != null && due.passed(now);
        return new Seen(o, due, overdue, overdue && reader.concernedWith(due.step(), o));
    }

    /** Overdue orders the reader must act on first (the most overdue first), then the newest placed. */
    static final Comparator<Seen> BOARD_ORDER = Comparator.comparing((Seen s) -> !s.first())
            .thenComparing(s -> s.first() ? s.due().dueAt() : Instant.MIN)
            .thenComparing(s -> s.order().placed() == null ? "" : s.order().placed().at(), Comparator.reverseOrder())
            .thenComparing(s -> s.order().orderId());

    public ServiceOrderPage page(OrderFilter f, int page, int size) {
        Selection all = select(f);
        List<StateCount> byState = stateCounts(all.orders());
        List<Seen> matching = inStates(all, f.states());
        long overdue = matching.stream().filter(Seen::overdue).count();
        long from = (long) page * size;
        List<Seen> window = matching.stream().skip(from).limit(size).toList();
        return new ServiceOrderPage(page, size, matching.size(), from + window.size() < matching.size(),
                all.truncated(), overdue, byState, views(window, all.reader()));
    }

    /** The selection's orders in the given states (all when empty), in board order. */
    public static List<Seen> inStates(Selection all, Set<String> states) {
        return all.orders().stream().filter(s -> states.isEmpty() || states.contains(s.order().state()))
                .sorted(BOARD_ORDER).toList();
    }

    static List<StateCount> stateCounts(List<Seen> orders) {
        List<StateCount> out = new ArrayList<>();
        for (OrderState state : OrderState.values()) {
            long count = 0;
            long overdue = 0;
            for (Seen s : orders) {
                if (s.order().state().equals(state.name())) {
                    count++;
                    overdue += s.overdue() ? 1 : 0;
                }
            }
            out.add(new StateCount(state.name(), count, overdue));
        }
        return out;
    }

    /** One order with its timeline; 404 for an unknown order, 403 for one the reader does not see. */
    public ServiceOrderView one(String orderId) {
        ServiceOrderDocument o = repository.order(orderId);
        if (o == null) {
            throw ApiException.notFound("服务订单 " + orderId + " 不存在");
        }
        ServiceReader reader = reader();
        if (!reader.sees(o)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "无权查看",
                    "服务订单 " + orderId + " 不由当前账号的单位点单、审派或承接，当前账号无权查看");
        }
        return views(List.of(seen(o, reader, clock.instant())), reader).get(0);
    }

    /** The views of these orders, unit names looked up once. */
    public List<ServiceOrderView> views(List<Seen> orders, ServiceReader reader) {
        Set<String> ids = new HashSet<>();
        for (Seen s : orders) {
            ServiceOrderDocument o = s.order();
            ids.add(o.requestingUnitId());
            ids.add(o.providerUnitId());
            ids.add(o.suggestedProviderUnitId());
            o.timeline().forEach(t -> {
                ids.add(t.unitId());
                ids.add(t.providerUnitId());
            });
        }
        ids.remove(null);
        Map<String, UnitDocument> names = units.find(ids);
        return orders.stream().map(s -> view(s, reader, names)).toList();
    }

    /** The unit names of these ids (the ones the directory knows). */
    public Map<String, UnitDocument> units(Collection<String> ids) {
        return units.find(ids.stream().filter(java.util.Objects::nonNull).toList());
    }

    private static ServiceOrderView view(Seen s, ServiceReader reader, Map<String, UnitDocument> names) {
        ServiceOrderDocument o = s.order();
        boolean contact = reader.seesContact(o);
        List<TimelineEntry> timeline = new ArrayList<>();
        int n = 0;
        for (TimelineStep t : o.timeline()) {
            timeline.add(new TimelineEntry(++n, t.step(), t.at(), t.user(), t.role(), t.unitId(), name(names,
                    t.unitId()), t.reason(), t.providerUnitId(), name(names, t.providerUnitId()), t.score(),
                    t.comment()));
        }
        return new ServiceOrderView(o.orderId(), o.state(), o.projectId(), o.projectTitle(), o.category(), o.free(),
                o.requestingUnitId(), name(names, o.requestingUnitId()), o.district(), o.suggestedProviderUnitId(),
                name(names, o.suggestedProviderUnitId()), o.providerUnitId(),
                name(names, o.providerUnitId()), o.wantedFrom(), o.wantedTo(), o.place(), o.peopleToServe(),
                contact ? o.contact() : null, !contact && o.contact() != null, o.notes(), o.campaignId(),
                o.rejectionReason(), o.declineReasons(), o.cancellationReason(), o.completion(), o.rating(),
                o.placed(), o.reviewed(), o.dispatched(), o.accepted(), o.completed(), o.rated(), o.cancelled(),
                s.overdue(), s.due() == null ? null : s.due().step(),
                s.due() == null ? null : s.due().dueAt().toString(), reader.actions(o), timeline);
    }

    static String name(Map<String, UnitDocument> names, String unitId) {
        UnitDocument u = unitId == null ? null : names.get(unitId);
        return u == null ? null : u.name();
    }
}
