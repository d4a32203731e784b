package com.campaigntracker.query.ledger;

import com.campaigntracker.query.web.ApiException;
import com.campaigntracker.query.web.Params;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The filter of the 审计记录: one unit, event types, one operator, a date range (the day an event was recorded,
 * Asia/Shanghai). An empty filter matches everything.
 */
public record HistoryFilter(String unitId, Set<String> types, String user, LocalDate from, LocalDate to) {

    /** From the query parameters (each optional; {@code type} a comma-separated list of event names). */
    public static HistoryFilter of(String unitId, String type, String user, String from, String to) {
        String unit = Params.optionalId("unitId", unitId);
        Set<String> types = Params.blankToNull(type) == null ? Set.of()
                : Arrays.stream(type.split(",")).map(String::strip).filter(t -> !t.isEmpty()).collect(Collectors.toSet());
        for (String t : types) {
            if (!t.matches("[A-Za-z]{1,64}")) {
                throw ApiException.badRequest("事件类型无效: " + t);
            }
        }
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw ApiException.badRequest("截止日期早于起始日期");
        }
        String who = Params.blankToNull(user);
        return new HistoryFilter(unit, types, who == null ? null : who.strip(), fromDate, toDate);
    }

    boolean empty() {
        return unitId == null && types.isEmpty() && user == null && from == null && to == null;
    }

    /** Whether the entry was recorded before the range begins: every older entry then is too. */
    boolean before(HistoryPageDocument.Entry e) {
        return from != null && e.day() != null && LocalDate.parse(e.day()).isBefore(from);
    }

    boolean matches(HistoryPageDocument.Entry e) {
        if (unitId != null && !unitId.equals(e.unitId())) {
            return false;
        }
        if (!types.isEmpty() && !types.contains(e.type())) {
            return false;
        }
        if (user != null && !user.equals(e.user())) {
            return false;
        }
        return to == null || e.day() == null || !LocalDate.parse(e.day()).isAfter(to);
    }
}
