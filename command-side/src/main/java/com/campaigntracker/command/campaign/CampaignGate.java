package com.campaigntracker.command.campaign;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A per-campaign read/write lock of this process, held until the current unit of work ends (after its events
 * are stored or rolled back). Activity commands enter it shared; closing, cancelling and withdrawals enter it
 * exclusively. So within one process no activity is accepted after the close event and none of a unit after
 * its withdrawal, while activities of different units never wait for each other. With several command-side
 * replicas the window narrows to the lookup's read-to-append time but does not close.
 */
@Component
public class CampaignGate {
    private final ConcurrentMap<String, ReentrantReadWriteLock> locks = new ConcurrentHashMap<>();
    private final long timeoutMillis;

    public CampaignGate(@Value("${tracker.command.gate-timeout:10s}") Duration timeout) {
        this.timeoutMillis = timeout.toMillis();
    }

    /** For activity commands: many at once per campaign. */
    public void enterShared(String campaignId) {
        hold(campaignId, lock(campaignId).readLock());
    }

    /** For close, cancel and withdraw: alone. */
    public void enterExclusive(String campaignId) {
        hold(campaignId, lock(campaignId).writeLock());
    }

    private ReentrantReadWriteLock lock(String campaignId) {
        return locks.computeIfAbsent(campaignId, id -> new ReentrantReadWriteLock());
    }

    private void hold(String campaignId, Lock lock) {
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
        CurrentUnitOfWork.get().onCleanup(unitOfWork -> lock.unlock());
    }
}
