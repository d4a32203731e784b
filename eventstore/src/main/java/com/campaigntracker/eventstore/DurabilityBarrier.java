package com.campaigntracker.eventstore;

/**
 * Called by an appending thread after its writes were acknowledged by the server and before the append is
 * acknowledged to the caller: returns once those writes are on disk.
 * <p>
 * On a real MongoDB the writes use write concern {@code majority} with journaling, so there is nothing left to wait
 * for ({@link #NONE}). On the embedded H2 file store see {@link GroupCommitBarrier}.
 */
public interface DurabilityBarrier extends AutoCloseable {

    DurabilityBarrier NONE = () -> {
    };

    /** Blocks until every write this thread completed before the call is durable. */
    void awaitDurable();

    @Override
    default void close() {
    }
}
