package com.campaigntracker.command.api;

import com.campaigntracker.eventstore.AppendPosition;

import java.util.OptionalLong;

/**
 * The global position of the last event the current thread appended, so a client can wait for the read side
 * to catch up to its own write ({@code ?minPosition=} on the queries). Empty when the command wrote nothing
 * (an idempotent repeat).
 */
final class EventPosition {
    private EventPosition() {
    }

    static void forget() {
        AppendPosition.clear();
    }

    static OptionalLong lastAppended() {
        return AppendPosition.lastAppended();
    }
}
