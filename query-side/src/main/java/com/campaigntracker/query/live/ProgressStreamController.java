package com.campaigntracker.query.live;

import com.campaigntracker.query.admin.ProjectionMonitor;
import com.campaigntracker.query.campaigns.CampaignQueryController;
import com.campaigntracker.query.campaigns.CampaignRepository;
import com.campaigntracker.query.projection.ProjectionBatcher;
import com.campaigntracker.query.web.Params;
import com.campaigntracker.query.web.ReadScope.UnitScope;
import jakarta.annotation.PreDestroy;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;

/**
 * 实时进度: server-sent events. On connect the current progress is sent (event {@code progress}); then, whenever a
 * projection batch of this JVM changed the campaign, the recomputed progress is pushed. Pushes run on their own
 * thread so a slow client never holds up the projection. Every pushed view carries {@code rebuilding}.
 */
@RestController
public class ProgressStreamController implements SmartLifecycle {
    private final CampaignQueryController queries;
    private final CampaignRepository repository;
    private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final ProjectionMonitor monitor;
    private final Set<String> recheck = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "progress-sse");
        t.setDaemon(true);
        return t;
    });

    /** Last seen change marker per subscribed campaign (cross-replica poll). */
    private final Map<String, String> markers = new ConcurrentHashMap<>();

    private final LiveSenders senders = new LiveSenders(32, java.time.Duration.ofSeconds(5));

    /** {@code scope} is taken on the request thread: pushes run on the push thread, outside any request. */
    record Subscriber(SseEmitter emitter, int silentDays, UnitScope scope, LiveSenders.Sender sender) {
    }

    public ProgressStreamController(CampaignQueryController queries, CampaignRepository repository,
                                    ProjectionBatcher batcher, ProjectionMonitor monitor,
                                    @org.springframework.beans.factory.annotation.Value(
                                            "${tracker.live.poll-interval:500ms}") java.time.Duration pollInterval) {
        this.queries = queries;
        this.repository = repository;
        this.monitor = monitor;
        // Other query replicas project other segments: a cheap key lookup of each subscribed campaign's document
        // (which every campaign-changing event rewrites) tells this replica when to push.
        long every = Math.max(50, pollInterval.toMillis());
        pusher.scheduleWithFixedDelay(this::pollChanges, every, every, TimeUnit.MILLISECONDS);
        batcher.addListener(touched -> {
            for (String c : touched) {
                if (subscribers.containsKey(c)) {
                    pusher.execute(() -> push(c));
                }
            }
        });
    }

    @GetMapping(path = "/api/campaigns/{id}/progress/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@PathVariable String id, @RequestParam(required = false) Integer silentDays) {
        Params.id("id", id);
        int silent = Params.range("silentDays", silentDays, 7, 1, 366);
        repository.campaign(id); // 404 for an unknown campaign
        SseEmitter emitter = new SseEmitter(30 * 60 * 1000L);
        Runnable remove = () -> {
            Set<Subscriber> set = subscribers.get(id);
            if (set != null) {
                set.removeIf(s -> s.emitter() == emitter);
            }
        };
        // opened on this (the request) thread: see LiveSenders.open
        Subscriber sub = new Subscriber(emitter, silent, queries.readScope(), senders.open(emitter, remove));
        subscribers.computeIfAbsent(id, k -> new CopyOnWriteArraySet<>()).add(sub);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        // the first view is computed on the push thread after subscribing: no change can slip in between
        pusher.execute(() -> {
            // the marker is taken before the first view: a later change by another replica is always pushed
            String now;
            try {
                now = repository.changeMarker(id);
            } catch (RuntimeException e) {
                now = null;
            }
            String before = now == null ? null : markers.putIfAbsent(id, now);
            if (before != null && !before.equals(now)) {
                push(id); // a change not yet pushed to earlier subscribers: everyone gets it, the new one too
            } else {
                send(id, sub, view(id, sub));
            }
        });
        return emitter;
    }

    /** Pushes every subscribed campaign whose projected document changed since the last push or poll. */
    void pollChanges() {
        try {
            for (Map.Entry<String, Set<Subscriber>> e : subscribers.entrySet()) {
                String id = e.getKey();
                if (e.getValue().isEmpty()) {
                    continue;
                }
                String marker = repository.changeMarker(id);
                String before = markers.get(id);
                if (before != null && !before.equals(marker)) {
                    push(id);
                } else if (before == null) {
                    markers.put(id, marker);
                }
            }
        } catch (RuntimeException e) {
            // the store may be briefly unreachable: try again at the next tick
        }
    }

    private void push(String campaignId) {
        Set<Subscriber> set = subscribers.get(campaignId);
        if (set == null || set.isEmpty()) {
            return;
        }
        try {
            markers.put(campaignId, repository.changeMarker(campaignId));
        } catch (RuntimeException e) {
            // keep the old marker: the next poll pushes again
        }
        for (Subscriber s : set) {
            if (s.sender().isCut()) {
                set.remove(s);
                continue;
            }
            try {
                send(campaignId, s, view(campaignId, s));
            } catch (RuntimeException e) {
                set.remove(s);
            }
        }
    }

    /**
     * The progress to push. While the read model is being rebuilt it says so ({@code "rebuilding": true}) and the
     * campaign is looked at again every second until the rebuild is over, so the last push is a complete view.
     */
    private LiveProgress view(String campaignId, Subscriber s) {
        boolean rebuilding = monitor.rebuilding();
        LiveProgress progress;
        try {
            progress = LiveProgress.of(queries.progress(campaignId, null, s.silentDays(), 50, s.scope()), rebuilding);
        } catch (RuntimeException notYetRebuilt) {
            if (!rebuilding) {
                throw notYetRebuilt;
            }
            progress = LiveProgress.notYetBuilt(campaignId);
        }
        if (rebuilding && recheck.add(campaignId)) {
            pusher.schedule(() -> {
                recheck.remove(campaignId);
                push(campaignId);
            }, 1, TimeUnit.SECONDS);
        }
        return progress;
    }

    private void send(String campaignId, Subscriber s, LiveProgress progress) {
        if (!s.sender().offer(progress)) {
            Set<Subscriber> set = subscribers.get(campaignId);
            if (set != null) {
                set.remove(s);
            }
        }
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /** Ends open streams first, so the web server's graceful shutdown does not wait for them. */
    @Override
    public void stop() {
        running = false;
        subscribers.values().forEach(set -> set.forEach(s -> {
            try {
                s.emitter().complete();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }));
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    @PreDestroy
    void shutdownPusher() {
        pusher.shutdownNow();
        senders.shutdown();
    }
}
