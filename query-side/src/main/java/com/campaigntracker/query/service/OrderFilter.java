package com.campaigntracker.query.service;

import com.campaigntracker.query.projection.Docs;
import com.campaigntracker.query.web.ApiException;
import com.campaigntracker.query.web.Params;
import com.campaigntracker.shared.service.OrderState;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The filters of the order list, its exports and the statistics, checked (400 with a Chinese detail naming the
 * parameter and the rule).
 *
 * @param states  empty: every state
 * @param inbox   the reader's own part: {@code placed} (placed by units it acts for), {@code review} (orders it reviews
 *                and dispatches), {@code provider} (dispatched to units it acts for); null: everything it sees
 * @param from    placed on or after this day (Asia/Shanghai); null: open
 * @param to      placed on or before this day; null: open
 */
public record OrderFilter(Set<String> states, String requestingUnitId, String providerUnitId, String district,
                          String category, Boolean overdue, LocalDate from, LocalDate to, String inbox) {
    static final Set<String> INBOXES = Set.of("placed", "review", "provider");

    public static OrderFilter of(String state, String requestingUnitId, String providerUnitId, String district,
                                 String category, Boolean overdue, String from, String to, String inbox) {
        Set<String> states = new LinkedHashSet<>();
        String s = Params.blankToNull(state);
        if (s != null) {
            for (String one : s.split(",")) {
                String name = one.trim();
                if (Arrays.stream(OrderState.values()).noneMatch(v -> v.name().equals(name))) {
                    throw ApiException.badRequest("参数 state 无效: " + name + " 不是订单状态，须为 "
                            + Arrays.stream(OrderState.values()).map(Enum::name).collect(Collectors.joining("、")));
                }
                states.add(name);
            }
        }
        LocalDate f = Params.date("from", from);
        LocalDate t = Params.date("to", to);
        if (f != null && t != null && t.isBefore(f)) {
            throw ApiException.badRequest("参数 to 无效: 结束日期 " + t + " 早于开始日期 " + f);
        }
        String box = Params.blankToNull(inbox);
        if (box != null && !INBOXES.contains(box)) {
            throw ApiException.badRequest("参数 inbox 无效: 须为 placed(本单位点的单)、review(待本单位审派的单)或 provider(派给本单位的单)");
        }
        return new OrderFilter(states, Params.optionalId("requestingUnitId", requestingUnitId),
                Params.optionalId("providerUnitId", providerUnitId), Params.blankToNull(district),
                Params.blankToNull(category), overdue, f, t, box);
    }

    /** Placed within the period. */
    boolean placedWithin(ServiceOrderDocument o) {
        if (from == null && to == null) {
            return true;
        }
        if (o.placed() == null) {
            return false;
        }
        LocalDate day = LocalDate.ofInstant(Instant.parse(o.placed().at()), Docs.ZONE);
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    /** The same filters for every state (the board's per-state counts). */
    OrderFilter anyState() {
        return new OrderFilter(Set.of(), requestingUnitId, providerUnitId, district, category, overdue, from, to,
                inbox);
    }
}
