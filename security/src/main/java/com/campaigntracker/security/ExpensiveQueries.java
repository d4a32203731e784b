package com.campaigntracker.security;

import java.net.URI;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The one bound on expensive reads running at once in a process (README "Limits"): progress as of a day and
 * filtered ledger scans (counted by {@link RequestLimitsFilter} for the whole request) and live progress views
 * that must be computed rather than served from the view cache (counted by the query side around the computation).
 */
public final class ExpensiveQueries {
    public static final URI TYPE = URI.create("https://campaign-tracker/problems/too-many-expensive-queries");
    public static final String TITLE = "查询繁忙";
    public static final String DETAIL = "按历史日期（asOf）、按条件筛选台账或重新计算进度的查询开销较大，同时进行的此类查询已达上限，"
            + "请 1 秒后重试";
    public static final String RETRY_AFTER_SECONDS = "1";

    private final Semaphore permits;

    public ExpensiveQueries(int concurrency) {
        this.permits = new Semaphore(Math.max(0, concurrency));
    }

    boolean tryAcquire() {
        return permits.tryAcquire();
    }

    void release() {
        permits.release();
    }

    /** Runs {@code query} if a permit is free, else refuses at once: waiting would only pile up threads. */
    public <T> T run(Supplier<T> query) {
        if (!permits.tryAcquire()) {
            throw new Busy();
        }
        try {
            return query.get();
        } finally {
            permits.release();
        }
    }

    /** Every permit is taken: answered as 429 {@link #TYPE} with {@code Retry-After}. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super(DETAIL, null, false, false);
        }
    }
}
