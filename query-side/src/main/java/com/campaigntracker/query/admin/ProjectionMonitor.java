package com.campaigntracker.query.admin;

import com.campaigntracker.eventstore.TrackerMongo;
import com.campaigntracker.query.projection.ProjectionBatcher;
import com.campaigntracker.query.projection.Projector;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import com.campaigntracker.query.projection.TrackerProjections;
import com.campaigntracker.query.web.ApiException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import com.campaigntracker.query.admin.AdminViews.ProjectionStatus;
import com.campaigntracker.query.admin.AdminViews.SegmentStatus;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Watches the projection processor: its segments' positions (read-your-writes waits), rebuild state and replay
 * progress. Uses the system clock only for rates and timeouts, never for read-model content.
 */
@Component
public class ProjectionMonitor {
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ProjectionBatcher batcher;
    private final Object signal = new Object();
    private final Clock system = Clock.systemUTC();
    public static final String REBUILD_MARKER = "rebuild";
    private volatile boolean rebuildRequested;
    /** Set once the tokens were reset: only then can "every segment reached the head" mean the replay is done. */
    private volatile boolean replaying;
    private final Object finishing = new Object();
    private volatile Instant countingSince = Instant.now();
    private final RecentRate recentRate = new RecentRate();
    private volatile Long headAtRebuild;

    private final org.axonframework.extensions.mongo.MongoTemplate tokenTemplate;
    private final org.axonframework.serialization.Serializer tokenSerializer;
    private final Projector projector;
    /**
     * Holds the rebuild marker from a rebuild's request until its replay reached the head: a marker found at start
     * means a rebuild was cut short (kill -9), so its read model is half built and the rebuild starts again.
     */
    private final MongoCollection<Document> meta;
    /** How many documents a replay keeps in memory between its writes (see {@link Projector#hold}). */
    private final int replayWindow;

    public ProjectionMonitor(@Lazy EventProcessingConfiguration processing, @Lazy EventStore eventStore,
                             ProjectionBatcher batcher,
                             @Lazy org.axonframework.extensions.mongo.MongoTemplate tokenTemplate,
                             @Lazy org.axonframework.serialization.Serializer tokenSerializer,
                             Projector projector, TrackerMongo mongo,
                             @Value("${tracker.projections.replay-window:10000}") int replayWindow) {
        this.replayWindow = replayWindow;
        this.processing = processing;
        this.eventStore = eventStore;
        this.batcher = batcher;
        this.tokenTemplate = tokenTemplate;
        this.tokenSerializer = tokenSerializer;
        this.projector = projector;
        this.meta = mongo.database().getCollection(ReadModelVersion.COLLECTION);
        // reads answer "rebuilding" from the first request on, before the interrupted rebuild is started again
        this.rebuildRequested = interruptedRebuild();
        batcher.addListener(touched -> {
            if (rebuildRequested) {
                rebuilding(); // ends the rebuild (held documents, marker) as soon as the replay reached the head
            }
            synchronized (signal) {
                signal.notifyAll();
            }
        });
    }

    /** True when a rebuild was requested and never reached the head (the process stopped during it). */
    public boolean interruptedRebuild() {
        return meta.find(Filters.eq("_id", REBUILD_MARKER)).first() != null;
    }

    public Optional<StreamingEventProcessor> processor() {
        return processing.eventProcessor(TrackerProjections.GROUP, StreamingEventProcessor.class);
    }

    private Map<Integer, EventTrackerStatus> status() {
        return processor().map(StreamingEventProcessor::processingStatus).orElse(Map.of());
    }

    /** True from a rebuild request until every segment has replayed up to the head. */
    public boolean rebuilding() {
        if (!rebuildRequested) {
            return false;
        }
        if (!replaying) {
            return true;
        }
        Map<Integer, EventTrackerStatus> st = status();
        Long head = headAtRebuild;
        // a replay token stays "replaying" until an event beyond the reset point arrives, so with positions the
        // rebuild is over once every segment reached the head taken at the rebuild request
        boolean done = !st.isEmpty() && st.values().stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState()
                && (head != null && s.getCurrentPosition().isPresent()
                ? s.getCurrentPosition().getAsLong() >= head : !s.isReplaying()));
        if (done) {
            finishRebuild();
        }
        return !done;
    }

    private void finishRebuild() {
        synchronized (finishing) {
            if (rebuildRequested && replaying) {
                projector.release();
                meta.deleteOne(Filters.eq("_id", REBUILD_MARKER));
                replaying = false;
                rebuildRequested = false;
            }
        }
    }

    /** Shuts the processor down, resets its tokens (the reset handler clears the read models) and restarts it. */
    public synchronized void rebuild() {
        StreamingEventProcessor p = processor().orElseThrow();
        boolean interrupted = interruptedRebuild();
        replaying = false;
        rebuildRequested = true;
        headAtRebuild = headPosition();
        p.shutDown();
        // the marker is on disk before the first document is cleared, and the replay writes without the redo
        // journal and holds documents across batches: whatever a kill leaves half written or unwritten behind
        // stored tokens, the next start sees the marker and rebuilds again
        meta.replaceOne(Filters.eq("_id", REBUILD_MARKER), new Document("_id", REBUILD_MARKER)
                .append("head", headAtRebuild), new ReplaceOptions().upsert(true));
        projector.hold(replayWindow);
        try {
            p.resetTokens();
        } catch (RuntimeException e) {
            // e.g. another replica still holds segments: leave the model as it was and keep projecting
            projector.release();
            if (!interrupted) {
                meta.deleteOne(Filters.eq("_id", REBUILD_MARKER));
            }
            rebuildRequested = interrupted;
            p.start();
            throw new ApiException(HttpStatus.CONFLICT, "无法重建",
                    "无法重置处理器 " + p.getName() + " 的令牌（可能其他实例仍持有处理段）: " + e.getMessage());
        }
        replaying = true;
        countingSince = system.instant();
        batcher.resetCounter();
        p.start();
    }

    public Long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        if (head == null) {
            return 0L;
        }
        OptionalLong pos = head.position();
        return pos.isPresent() ? pos.getAsLong() : null;
    }

    /** The lowest position over the segments, or null when the tokens carry none. */
    public Long position() {
        Map<Integer, EventTrackerStatus> st = status();
        if (st.isEmpty()) {
            return null;
        }
        long min = Long.MAX_VALUE;
        for (EventTrackerStatus s : st.values()) {
            OptionalLong p = s.getCurrentPosition();
            if (p.isEmpty()) {
                return null;
            }
            min = Math.min(min, p.getAsLong());
        }
        return min;
    }

    /**
     * The lowest position over ALL segments of the processor as stored in the shared token store (whichever
     * replica owns them), or null when a segment has no token or a token without a position. The stored token is
     * written after the segment's batch reached the read model, so it is what every replica can rely on.
     */
    public Long storedPosition() {
        long min = Long.MAX_VALUE;
        int seen = 0;
        for (org.bson.Document d : tokenTemplate.trackingTokensCollection()
                .find(new org.bson.Document("processorName", TrackerProjections.GROUP))) {
            TrackingToken token = decode(d);
            if (token == null || token.position().isEmpty()) {
                return null;
            }
            min = Math.min(min, token.position().getAsLong());
            seen++;
        }
        return seen == 0 ? null : min;
    }

    private TrackingToken decode(org.bson.Document d) {
        Object raw = d.get("token");
        String type = d.getString("tokenType");
        if (raw == null || type == null) {
            return null;
        }
        byte[] bytes = raw instanceof org.bson.types.Binary b ? b.getData() : raw instanceof byte[] a ? a : null;
        if (bytes == null) {
            return null;
        }
        return tokenSerializer.deserialize(
                new org.axonframework.serialization.SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }

    /**
     * Read-your-writes across replicas: waits (at most {@code max}) until every segment's token in the shared
     * token store has reached {@code position}. Falls back to the local view ({@link #awaitLocalPosition}) when
     * the stored tokens carry no position.
     */
    public boolean awaitPosition(long position, Duration max) throws InterruptedException {
        Instant deadline = system.instant().plus(max);
        while (true) {
            Long stored;
            try {
                stored = storedPosition();
            } catch (RuntimeException e) {
                stored = null;
            }
            if (stored == null) {
                return awaitLocalPosition(position, Duration.between(system.instant(), deadline));
            }
            if (stored >= position) {
                return true;
            }
            long left = Duration.between(system.instant(), deadline).toMillis();
            if (left <= 0) {
                return false;
            }
            synchronized (signal) {
                signal.wait(Math.min(left, 50));
            }
        }
    }

    /**
     * Read-your-writes: waits (at most {@code max}) until every segment's token has reached {@code position}
     * (the global index a command answer carried). Tokens without a position (e.g. axon-mongo's own token) fall
     * back to "covers the head token taken now", which includes any write already acknowledged.
     */
    public boolean awaitLocalPosition(long position, Duration max) throws InterruptedException {
        Instant deadline = system.instant().plus(max);
        TrackingToken head = null;
        while (true) {
            Map<Integer, EventTrackerStatus> st = status();
            if (!st.isEmpty()) {
                Long min = position();
                if (min != null) {
                    if (min >= position) {
                        return true;
                    }
                } else {
                    if (head == null) {
                        head = eventStore.createHeadToken();
                    }
                    TrackingToken h = head;
                    if (h == null || st.values().stream().allMatch(s -> s.getTrackingToken() != null
                            && s.getTrackingToken().covers(h))) {
                        return true;
                    }
                }
            }
            long left = Duration.between(system.instant(), deadline).toMillis();
            if (left <= 0) {
                return false;
            }
            synchronized (signal) {
                signal.wait(Math.min(left, 50));
            }
        }
    }

    /** State and replay progress of the processor, for the admin screen. */
    public List<ProjectionStatus> describe() {
        List<ProjectionStatus> out = new ArrayList<>();
        processor().ifPresent(p -> {
            long processed = batcher.eventsProjected();
            double rate = recentRate.rate(system.instant(), processed);
            Long head = headPosition();
            Long pos = position();
            Double percent = head == null || pos == null ? null
                    : head <= 0 ? 100.0 : Math.min(100.0, Math.round(pos * 1000.0 / head) / 10.0);
            Long stored;
            try {
                stored = storedPosition();
            } catch (RuntimeException e) {
                stored = null;
            }
            List<SegmentStatus> segments = new ArrayList<>();
            p.processingStatus().forEach((id, s) -> segments.add(new SegmentStatus(id,
                    s.getCurrentPosition().isPresent() ? s.getCurrentPosition().getAsLong() : null,
                    s.isReplaying(), s.isCaughtUp(), s.isErrorState() ? String.valueOf(s.getError()) : null)));
            out.add(new ProjectionStatus(p.getName(), label(p.getName()), p.isRunning(), p.isError(), rebuilding(),
                    processed,
                    Math.round(rate * 10) / 10.0, pos, head, percent,
                    head == null || pos == null || rate <= 0 ? null : Math.max(0, Math.round((head - pos) / rate)),
                    countingSince.toString(), stored, segments));
        });
        return out;
    }

    /** The processor's name as the admin screen shows it. */
    static String label(String processor) {
        return com.campaigntracker.query.projection.TrackerProjections.GROUP.equals(processor)
                ? "读模型投影（看板、台账、审计记录、单位名录）" : processor;
    }
}
