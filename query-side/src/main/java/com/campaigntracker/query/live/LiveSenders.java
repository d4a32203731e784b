package com.campaigntracker.query.live;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Back-pressure for the live streams. Each subscriber holds at most one view waiting to be sent — a newer view
 * replaces an unsent older one, since only the latest progress matters — and its sends run on a small shared pool,
 * never on the thread that computes the views: a client that stops reading blocks only its own send. A subscriber
 * whose send has been stuck for longer than {@code maxLag} when the next view arrives is cut off; the stuck send
 * itself ends with the container's write timeout, which frees its pool thread.
 */
final class LiveSenders {
    private final ThreadPoolExecutor pool;
    private final long maxLagNanos;

    LiveSenders(int threads, Duration maxLag) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "progress-sse-send-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.pool.allowCoreThreadTimeOut(true);
        this.maxLagNanos = maxLag.toNanos();
    }

    /**
     * A sender for a new stream. Call on the request thread, before the controller returns: it queues an SSE
     * comment that Spring writes while still on that thread, so the response headers are written (committed)
     * there and never by a pool thread while the request thread's filters still touch them.
     */
    Sender open(SseEmitter emitter, Runnable onCut) {
        Sender sender = new Sender(emitter, onCut);
        try {
            emitter.send(SseEmitter.event().comment("progress"));
        } catch (IOException | IllegalStateException e) {
            sender.cut();
        }
        return sender;
    }

    void shutdown() {
        pool.shutdownNow();
    }

    final class Sender {
        private final SseEmitter emitter;
        private final Runnable onCut;
        private final AtomicReference<Object> pending = new AtomicReference<>();
        private final AtomicBoolean draining = new AtomicBoolean();
        private final AtomicBoolean cut = new AtomicBoolean();
        private volatile long sendingSince;

        private Sender(SseEmitter emitter, Runnable onCut) {
            this.emitter = emitter;
            this.onCut = onCut;
        }

        /** Queues {@code view} as the next (and only) one to send; false once this subscriber is cut off. */
        boolean offer(Object view) {
            if (cut.get()) {
                return false;
            }
            long since = sendingSince;
            if (since != 0 && System.nanoTime() - since > maxLagNanos) {
                cut();
                return false;
            }
            pending.set(view);
            schedule();
            return true;
        }

        boolean isCut() {
            return cut.get();
        }

        private void schedule() {
            if (draining.compareAndSet(false, true)) {
                try {
                    pool.execute(this::drain);
                } catch (RejectedExecutionException shuttingDown) {
                    draining.set(false);
                    cut();
                }
            }
        }

        private void drain() {
            try {
                for (Object view = pending.getAndSet(null); view != null && !cut.get();
                     view = pending.getAndSet(null)) {
                    sendingSince = System.nanoTime();
                    try {
                        emitter.send(SseEmitter.event().name("progress").data(view, MediaType.APPLICATION_JSON));
                    } catch (IOException | IllegalStateException gone) {
                        cut();
                    } finally {
                        sendingSince = 0;
                    }
                }
            } finally {
                draining.set(false);
            }
            if (pending.get() != null && !cut.get()) {
                schedule();
            }
        }

        /** Stops sending to this subscriber and ends its stream (once no send of its own is stuck). */
        void cut() {
            if (!cut.compareAndSet(false, true)) {
                return;
            }
            onCut.run();
            if (sendingSince == 0) {
                try {
                    pool.execute(() -> {
                        try {
                            emitter.complete();
                        } catch (RuntimeException alreadyGone) {
                            // nothing more to end
                        }
                    });
                } catch (RejectedExecutionException shuttingDown) {
                    // the streams are being closed anyway
                }
            }
        }
    }
}
