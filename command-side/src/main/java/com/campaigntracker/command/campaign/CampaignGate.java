package com.campaigntracker.command.campaign;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A per-campaign read/write lock of this process, held until the current unit of work ends (after its events
 * are stored or rolled back). Activity commands enter it shared; closing, cancelling and withdrawals enter it
 * exclusively. So within one process no activity is accepted after the close event and none of a unit after
 * its withdrawal, while activities of different units never wait for each other. With several command-side
 * replicas the window narrows to the lookup's read-to-append time but does not close.
 * <p>
 * Locks are held weakly: a campaign's lock lives while a unit of work holds or waits for it (their clean-up
 * holds it strongly), so the map does not grow with the number of campaigns, and a lock is never replaced
 * while anyone uses it.
 */
@Component
public class CampaignGate {
    private final Cache<String, ReentrantReadWriteLock> locks = Caffeine.newBuilder().weakValues().build();
    private final long timeoutMillis;

    public CampaignGate(@Value("${tracker.command.gate-timeout:10s}") Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
    }

    /** For activity commands: many at once per campaign. */
    public void enterShared(String campaignId) {
        hold(campaignId, false);
    }

    /** For close, cancel and withdraw: alone. */
    public void enterExclusive(String campaignId) {
        hold(campaignId, true);
    }

    /** How many campaign locks the gate holds now. */
    long size() {
        locks.cleanUp();
        return locks.estimatedSize();
    }

    private void hold(String campaignId, boolean exclusive) {
        ReentrantReadWriteLock readWrite = locks.get(campaignId, id -> new ReentrantReadWriteLock());
        Lock lock = exclusive ? readWrite.writeLock() : readWrite.readLock();
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("the campaign gate is held for a unit of work; none is running");
        }
        try {
            if (!lock.tryLock(timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new CampaignBusy(campaignId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CampaignBusy(campaignId);
        }
        // names readWrite, not just lock: the read and write locks do not reference it, and it must stay reachable
        CurrentUnitOfWork.get().onCleanup(unitOfWork -> (exclusive ? readWrite.writeLock() : readWrite.readLock())
                .unlock());
    }
}
