package com.campaigntracker.command;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A clock tests set to a given Beijing time. */
public final class MutableClock extends Clock {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private volatile Instant now;

    public MutableClock(ZonedDateTime now) {
        set(now);
    }

    public void set(ZonedDateTime beijingTime) {
        this.now = beijingTime.toInstant();
    }

    @Override
    public ZoneId getZone() {
        return SHANGHAI;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
