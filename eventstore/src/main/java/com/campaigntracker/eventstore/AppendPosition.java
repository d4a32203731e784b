package com.campaigntracker.eventstore;

import java.util.OptionalLong;

/**
 * The global position (event {@code _id}) of the last events appended by the current thread, for read-your-writes:
 * a REST controller that calls {@code commandGateway.sendAndWait(..)} on its own thread reads
 * {@link #lastAppended()} afterwards and hands the position to the client, which can ask the query side to wait
 * until its projections have passed it.
 * <p>
 * The value is set only once the append is durable (after the group commit on the embedded store). Call
 * {@link #clear()} before sending a command so a command that appends nothing does not report an older position.
 */
public final class AppendPosition {

    private static final ThreadLocal<long[]> LAST = new ThreadLocal<>();

    private AppendPosition() {
    }

    /** The highest global index appended (and made durable) by this thread since the last {@link #clear()}. */
    public static OptionalLong lastAppended() {
        long[] value = LAST.get();
        return value == null ? OptionalLong.empty() : OptionalLong.of(value[0]);
    }

    /** Forgets the recorded position of this thread. */
    public static void clear() {
        LAST.remove();
    }

    static void record(long highestIndex) {
        long[] value = LAST.get();
        if (value == null) {
            LAST.set(new long[]{highestIndex});
        } else if (highestIndex > value[0]) {
            value[0] = highestIndex;
        }
    }
}
