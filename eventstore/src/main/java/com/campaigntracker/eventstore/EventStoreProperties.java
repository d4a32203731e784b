package com.campaigntracker.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Tuning of the event storage engine ({@code tracker.eventstore.*}).
 *
 * @param batchSize         events per aggregate read window (default 100)
 * @param trackingBatchSize ids per tracking read (default 500)
 * @param gapTimeout        how long a reserved id may stay missing before tracking readers stop waiting for it
 *                          (default 60 s)
 * @param maxGapOffset      how far (in ids) a gap may lie behind a token's index before it is dropped; bounds the
 *                          token's size (default 1000, about 8 KB at most)
 * @param holdBack          how long a tracking reader waits for a reserved but unwritten id before delivering the
 *                          events above it (default 5 s); until then events arrive in global order, as in a replay
 */
@ConfigurationProperties(prefix = "tracker.eventstore")
public record EventStoreProperties(Integer batchSize, Integer trackingBatchSize, Duration gapTimeout,
                                   Integer maxGapOffset, Duration holdBack) {
    public EventStoreProperties {
        batchSize = batchSize == null ? 100 : batchSize;
        trackingBatchSize = trackingBatchSize == null ? 500 : trackingBatchSize;
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(60) : gapTimeout;
        maxGapOffset = maxGapOffset == null ? 1000 : maxGapOffset;
        holdBack = holdBack == null ? Duration.ofSeconds(5) : holdBack;
    }
}
