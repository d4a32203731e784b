package com.campaigntracker.query.admin;

import com.campaigntracker.query.projection.TrackerProjections;
import com.campaigntracker.query.web.ApiException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.campaigntracker.query.admin.AdminViews.DeadLetterSequence;
import com.campaigntracker.query.admin.AdminViews.DeadLetterView;
import com.campaigntracker.query.admin.AdminViews.DeadLetters;
import com.campaigntracker.query.admin.AdminViews.ProjectionStatus;
import com.campaigntracker.query.admin.AdminViews.RebuildStarted;
import com.campaigntracker.query.admin.AdminViews.Released;
import com.campaigntracker.query.admin.AdminViews.RetryResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/** 读模型管理: processors and replay progress, rebuild, dead letters. */
@RestController
@RequestMapping("/api/admin")
public class AdminController {
    private final ProjectionMonitor monitor;
    private final EventProcessingConfiguration processing;

    public AdminController(ProjectionMonitor monitor, @Lazy EventProcessingConfiguration processing) {
        this.monitor = monitor;
        this.processing = processing;
    }

    @GetMapping("/projections")
    public List<ProjectionStatus> projections() {
        return monitor.describe();
    }

    /**
     * Scale-out balancing by the operator: this replica releases one of its segments (for twice the claim
     * interval) so that another replica, e.g. one that just joined, claims it.
     */
    @PostMapping("/projections/segments/{segment}/release")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Released release(@org.springframework.web.bind.annotation.PathVariable int segment) {
        var p = monitor.processor().orElseThrow();
        if (!p.processingStatus().containsKey(segment)) {
            throw new com.campaigntracker.query.web.ApiException(HttpStatus.NOT_FOUND, "处理段不存在",
                    "本实例未持有处理段 " + segment);
        }
        p.releaseSegment(segment);
        return new Released(segment);
    }

    @PostMapping("/projections/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public RebuildStarted rebuild() {
        monitor.rebuild();
        return new RebuildStarted(true, List.of(TrackerProjections.GROUP));
    }

    @GetMapping("/dead-letters")
    public DeadLetters deadLetters() {
        SequencedDeadLetterQueue<EventMessage<?>> dlq = queue();
        List<DeadLetterSequence> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> seq : dlq.deadLetters()) {
            List<DeadLetterView> letters = new ArrayList<>();
            Object sequence = null;
            for (DeadLetter<? extends EventMessage<?>> l : seq) {
                EventMessage<?> msg = l.message();
                if (sequence == null) {
                    sequence = TrackerProjections.sequenceIdentifier(msg);
                }
                Map<String, String> metaData = new LinkedHashMap<>();
                msg.getMetaData().forEach((k, v) -> metaData.put(k, v == null ? null : v.toString()));
                letters.add(new DeadLetterView(msg.getIdentifier(), msg.getPayloadType().getName(),
                        msg.getTimestamp().toString(), metaData,
                        l.cause().map(c -> c.type() + ": " + c.message()).orElse(null),
                        l.enqueuedAt().toString(), l.lastTouched().toString()));
            }
            sequences.add(new DeadLetterSequence(sequence == null ? null : sequence.toString(), letters));
        }
        return new DeadLetters(TrackerProjections.GROUP, dlq.size(), sequences);
    }

    /**
     * Retries dead-lettered sequences, each one at most once per request, from its first letter: the letters that
     * apply are removed, the first one that fails again stays queued with the rest of its sequence behind it. A
     * sequence that still fails does not stop the retry of the others.
     */
    @PostMapping("/dead-letters/retry")
    public RetryResult retry(@RequestParam(required = false) Integer max) {
        SequencedDeadLetterProcessor<EventMessage<?>> p = processing
                .sequencedDeadLetterProcessor(TrackerProjections.GROUP)
                .orElseThrow(() -> ApiException.notFound("该处理组没有死信队列"));
        int limit = max == null ? 100 : Math.max(1, Math.min(1000, max));
        long before = queue().size();
        Set<Object> attempted = new HashSet<>();
        int processed = 0;
        int failed = 0;
        for (int i = 0; i < limit; i++) {
            AtomicBoolean picked = new AtomicBoolean();
            boolean done = p.process(first -> {
                boolean fresh = attempted.add(TrackerProjections.sequenceIdentifier(first.message()));
                if (fresh) {
                    picked.set(true);
                }
                return fresh;
            });
            if (!picked.get()) {
                break;
            }
            if (done) {
                processed++;
            } else {
                failed++;
            }
        }
        return new RetryResult(processed, failed, before, queue().size());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue() {
        return processing.deadLetterQueue(TrackerProjections.GROUP)
                .orElseThrow(() -> ApiException.notFound("该处理组没有死信队列"));
    }
}
