package com.campaigntracker.command.api;

import com.campaigntracker.eventstore.AppendPosition;

import java.util.OptionalLong;

/**
 * The global position of the last event the current thread appended (set by the event store once the append
 * is durable), so a client can wait for the read side to catch up to its own write ({@code ?minPosition=}).
 */
final class EventPosition {
    private EventPosition() {
    }

    /** Called before each command, so a command that appends nothing reports no older position. */
    static void clear() {
        AppendPosition.clear();
    }

    static OptionalLong lastAppended() {
        return AppendPosition.lastAppended();
    }
}
