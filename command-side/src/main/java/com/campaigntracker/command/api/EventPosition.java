package com.campaigntracker.command.api;

import java.util.OptionalLong;

/**
 * The global position of the last event the current thread appended, so a client can wait for the read side
 * to catch up to its own write. Filled in by the event store's {@code AppendPosition.lastAppended()} once the
 * new storage engine lands; until then it is empty and answers carry no {@code position}.
 */
final class EventPosition {
    private EventPosition() {
    }

    static OptionalLong lastAppended() {
        return OptionalLong.empty();
    }
}
