package com.campaigntracker.query.service;

import com.campaigntracker.query.projection.Docs;
import com.campaigntracker.security.ServiceOrderProperties;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The step an order is waiting for and when it is due, from the order's own times and its district's deadlines:
 * review within {@code review} of placing, dispatch within {@code dispatch} of approval (or of the latest decline),
 * acceptance within {@code accept} of the latest dispatch, completion by the end of the wanted day (Asia/Shanghai).
 * Computed when read, against the query's clock: no background job flags anything.
 *
 * @param step REVIEW, DISPATCH, ACCEPT or COMPLETE
 */
public record OrderDeadline(String step, Instant dueAt) {

    /** The deadline of the step the order waits for; null when it waits for none (finished, or only a rating). */
    public static OrderDeadline of(ServiceOrderDocument o, ServiceOrderProperties.Deadlines d) {
        return switch (o.state()) {
            case "PLACED" -> after("REVIEW", o.placed() == null ? null : o.placed().at(), d.getReview());
            case "APPROVED" -> after("DISPATCH", o.awaitingDispatchSince(), d.getDispatch());
            case "DISPATCHED" -> after("ACCEPT", o.dispatched() == null ? null : o.dispatched().at(), d.getAccept());
            case "ACCEPTED" -> o.wantedTo() == null ? null : new OrderDeadline("COMPLETE",
                    LocalDate.parse(o.wantedTo()).plusDays(1).atStartOfDay(Docs.ZONE).toInstant());
            default -> null;
        };
    }

    private static OrderDeadline after(String step, String since, Duration within) {
        return since == null || within == null ? null : new OrderDeadline(step, Instant.parse(since).plus(within));
    }

    public boolean passed(Instant now) {
        return now.isAfter(dueAt);
    }
}
