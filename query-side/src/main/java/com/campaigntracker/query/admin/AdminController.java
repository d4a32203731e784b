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
    public List<Map<String, Object>> projections() {
        return monitor.describe();
    }

    /**
     * Scale-out balancing by the operator: this replica releases one of its segments (for twice the claim
     * interval) so that another replica, e.g. one that just joined, claims it.
     */
    @PostMapping("/projections/segments/{segment}/release")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Object> release(@org.springframework.web.bind.annotation.PathVariable int segment) {
        var p = monitor.processor().orElseThrow();
        if (!p.processingStatus().containsKey(segment)) {
            throw new com.campaigntracker.query.web.ApiException(HttpStatus.NOT_FOUND, "处理段不存在",
                    "本实例未持有处理段 " + segment);
        }
        p.releaseSegment(segment);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("released", segment);
        return m;
    }

    @PostMapping("/projections/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Object> rebuild() {
        monitor.rebuild();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rebuilding", true);
        m.put("processors", List.of(TrackerProjections.GROUP));
        return m;
    }

    @GetMapping("/dead-letters")
    public Map<String, Object> deadLetters() {
        SequencedDeadLetterQueue<EventMessage<?>> dlq = queue();
        List<Map<String, Object>> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> seq : dlq.deadLetters()) {
            List<Map<String, Object>> letters = new ArrayList<>();
            Object sequence = null;
            for (DeadLetter<? extends EventMessage<?>> l : seq) {
                Map<String, Object> x = new LinkedHashMap<>();
                EventMessage<?> msg = l.message();
                if (sequence == null) {
                    sequence = TrackerProjections.sequenceIdentifier(msg);
                }
                x.put("eventId", msg.getIdentifier());
                x.put("payloadType", msg.getPayloadType().getName());
                x.put("timestamp", msg.getTimestamp().toString());
                x.put("metaData", msg.getMetaData());
                x.put("cause", l.cause().map(c -> c.type() + ": " + c.message()).orElse(null));
                x.put("enqueuedAt", l.enqueuedAt().toString());
                x.put("lastTouched", l.lastTouched().toString());
                letters.add(x);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("sequence", sequence);
            entry.put("letters", letters);
            sequences.add(entry);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("processingGroup", TrackerProjections.GROUP);
        m.put("size", dlq.size());
        m.put("sequences", sequences);
        return m;
    }

    /**
     * Retries dead-lettered sequences, each one at most once per request, from its first letter: the letters that
     * apply are removed, the first one that fails again stays queued with the rest of its sequence behind it. A
     * sequence that still fails does not stop the retry of the others.
     */
    @PostMapping("/dead-letters/retry")
    public Map<String, Object> retry(@RequestParam(required = false) Integer max) {
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
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sequencesProcessed", processed);
        m.put("sequencesFailed", failed);
        m.put("sizeBefore", before);
        m.put("sizeAfter", queue().size());
        return m;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue() {
        return processing.deadLetterQueue(TrackerProjections.GROUP)
                .orElseThrow(() -> ApiException.notFound("该处理组没有死信队列"));
    }
}
