package com.campaigntracker.shared.service;

/**
 * Where a service order stands. Serialized by its constant name (the API's {@code state}); {@link #label()} is what
 * the UI shows.
 * <pre>
 * PLACED ─approve→ APPROVED ─dispatch→ DISPATCHED ─accept→ ACCEPTED ─complete→ COMPLETED ─rate→ RATED
 *   │                 ▲                    │
 *   reject            └──────decline───────┘
 *   ▼
 * REJECTED            CANCELLED ← cancel (from PLACED, APPROVED or DISPATCHED)
 * </pre>
 */
public enum OrderState {
    PLACED("待审核"),
    APPROVED("待派单"),
    REJECTED("已驳回"),
    DISPATCHED("待接单"),
    ACCEPTED("服务中"),
    COMPLETED("已结项"),
    RATED("已评价"),
    CANCELLED("已取消");

    private final String label;

    OrderState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** No command changes an order in this state any more (a completed order can still be rated). */
    public boolean isFinal() {
        return this == REJECTED || this == RATED || this == CANCELLED;
    }

    /** The ordering station may still cancel: nobody has accepted the order yet. */
    public boolean isCancellable() {
        return this == PLACED || this == APPROVED || this == DISPATCHED;
    }
}
