package com.campaigntracker.command.api;

import java.util.OptionalLong;

/**
 * The global position of the last event the current thread appended, so a client can wait for the read side
 * to catch up to its own write. The one seam to the event store's {@code AppendPosition} (a thread-local set
 * once the append is durable): when it is on this branch, {@link #clear()} becomes
 * {@code AppendPosition.clear()} and {@link #lastAppended()} becomes {@code AppendPosition.lastAppended()}.
 * Until then answers carry no {@code position}.
 */
final class EventPosition {
    private EventPosition() {
    }

    /** Called before each command, so a command that appends nothing reports no older position. */
    static void clear() {
        // AppendPosition.clear();
    }

    static OptionalLong lastAppended() {
        return OptionalLong.empty(); // AppendPosition.lastAppended();
    }
}
