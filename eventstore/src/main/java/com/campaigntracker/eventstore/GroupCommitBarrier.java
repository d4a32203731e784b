package com.campaigntracker.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit for the embedded store: a single committer thread commits the H2 MVStore once for all appends that
 * are waiting, then releases every waiter whose writes preceded that commit. Concurrent appends thus share one
 * commit (one chunk written to the file) and an append is acknowledged only once its events are in the file.
 * <p>
 * A waiter takes a ticket after its writes completed; the committer reads the highest ticket issued, then commits.
 * Every write that preceded a ticket {@code <=} the ticket read is therefore inside that commit.
 */
public class GroupCommitBarrier implements DurabilityBarrier {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitBarrier.class);

    private final Runnable commit;
    private final Object lock = new Object();
    private final Thread committer;
    private final AtomicLong commits = new AtomicLong();
    private long issued;      // tickets handed out to waiters
    private long durable;     // every ticket <= durable is on disk
    private RuntimeException failure;
    private volatile boolean running = true;
    private volatile CommitListener listener = CommitListener.NONE;
    private boolean stopped;

    public GroupCommitBarrier(Runnable commit, String name) {
        this.commit = commit;
        this.committer = new Thread(this::run, name);
        committer.setDaemon(true);
        committer.start();
    }

    /** What each commit made durable and how long each append waited for it (for metrics, EventStoreMetrics). */
    public interface CommitListener {
        CommitListener NONE = new CommitListener() {
        };

        default void committed(long appends) {
        }

        default void waited(long nanos) {
        }
    }

    public void onCommit(CommitListener listener) {
        this.listener = listener;
    }

    @Override
    public void awaitDurable() {
        long start = System.nanoTime();
        try {
            awaitTicket();
        } finally {
            listener.waited(System.nanoTime() - start);
        }
    }

    private void awaitTicket() {
        synchronized (lock) {
            long ticket = ++issued;
            lock.notifyAll();
            boolean interrupted = false;
            while (durable < ticket) {
                if (failure != null) {
                    throw new IllegalStateException("the embedded store could not commit", failure);
                }
                if (stopped) {
                    throw new IllegalStateException("the embedded store is closed");
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // keep waiting: the caller must not be told "done" before it is durable
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How many store commits the barrier has made (for measurements). */
    public long commits() {
        return commits.get();
    }

    private void run() {
        try {
            loop();
        } finally {
            synchronized (lock) {
                stopped = true;
                lock.notifyAll();
            }
        }
    }

    private void loop() {
        while (true) {
            long target;
            synchronized (lock) {
                while (running && issued == durable) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (!running && issued == durable) {
                    return;
                }
                target = issued;
            }
            try {
                commit.run();
                commits.incrementAndGet();
                long appends;
                synchronized (lock) {
                    appends = target - durable;
                    durable = target;
                    failure = null;
                    lock.notifyAll();
                }
                listener.committed(appends);
            } catch (RuntimeException e) {
                log.error("group commit failed", e);
                synchronized (lock) {
                    failure = e;
                    lock.notifyAll();
                }
                synchronized (lock) {
                    try {
                        lock.wait(100); // back off before retrying; waiters see the failure meanwhile
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            running = false;
            lock.notifyAll();
        }
        try {
            committer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
