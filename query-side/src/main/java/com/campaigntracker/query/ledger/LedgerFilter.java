package com.campaigntracker.query.ledger;

import com.campaigntracker.query.web.ApiException;
import com.campaigntracker.query.web.Params;

import java.time.LocalDate;

/** The filter of the 活动台账, the same for its JSON pages and its exports. */
public record LedgerFilter(String unitId, LocalDate from, LocalDate to, String category, boolean withRetracted) {

    /** From the query parameters (each optional); retracted rows are included unless asked otherwise. */
    public static LedgerFilter of(String unitId, String from, String to, String category, Boolean includeRetracted) {
        String unit = Params.optionalId("unitId", unitId);
        LocalDate fromDate = Params.date("from", from);
        LocalDate toDate = Params.date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw ApiException.badRequest("参数 to 早于 from");
        }
        return new LedgerFilter(unit, fromDate, toDate, Params.blankToNull(category),
                includeRetracted == null || includeRetracted);
    }

    boolean matches(ActivityDocument d) {
        if (unitId != null && !unitId.equals(d.unitId())) {
            return false;
        }
        LocalDate date = LocalDate.parse(d.date());
        if (from != null && date.isBefore(from)) {
            return false;
        }
        if (to != null && date.isAfter(to)) {
            return false;
        }
        if (category != null && !category.equals(d.category())) {
            return false;
        }
        return withRetracted || !d.isRetracted();
    }
}
