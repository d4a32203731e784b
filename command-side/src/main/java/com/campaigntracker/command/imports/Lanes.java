package com.campaigntracker.command.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs an import's rows on a few threads at once, each row still one ordinary command: the commands of several
 * rows then share the store's group commit instead of waiting for one each, and the round trips of their lookups
 * overlap. Rows with the same key (the same activity or unit) go to the same lane, so they run in file order; with
 * one lane everything does (a units file, whose parents come before their children).
 */
final class Lanes implements AutoCloseable {
    private static final Runnable END = () -> {
    };

    private final List<BlockingQueue<Runnable>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private boolean finished;

    Lanes(int lanes, String name) {
        for (int i = 0; i < lanes; i++) {
            // a short queue per lane: the reader stays a few rows ahead, never the whole file in memory
            BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(64);
            Thread thread = new Thread(() -> drain(queue), name + "-" + i);
            thread.setDaemon(true);
            queues.add(queue);
            threads.add(thread);
            thread.start();
        }
    }

    private void drain(BlockingQueue<Runnable> queue) {
        while (true) {
            Runnable task;
            try {
                task = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (task == END) {
                return;
            }
            if (failure.get() != null) {
                continue; // keep taking, so the reader never blocks on a lane that stopped
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }
    }

    /** Queues {@code task} on the lane of {@code key}; waits while that lane is full. */
    void submit(String key, Runnable task) {
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
        put(queues.get(Math.floorMod(key.hashCode(), queues.size())), task);
    }

    /** Waits until every queued row has run; rethrows the first failure of a row task. */
    void finish() {
        close();
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        queues.forEach(q -> put(q, END));
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while an import's rows were running", e);
            }
        }
    }

    private static void put(BlockingQueue<Runnable> queue, Runnable task) {
        try {
            queue.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while an import's rows were queued", e);
        }
    }
}
