package com.campaigntracker.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the tests move: "today" of the query side. */
public class MutableClock extends Clock {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    public void setDay(String isoDate) {
        now.set(LocalDate.parse(isoDate).atTime(12, 0).atZone(ZONE).toInstant());
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
