package com.campaigntracker.command.campaign;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class CampaignGateTest {
    private final ExecutorService threads = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** Runs {@code inside} in a unit of work on another thread; the unit of work commits when released. */
    private CompletableFuture<Void> inUnitOfWork(Runnable inside, CountDownLatch entered, CountDownLatch release,
                                                 boolean rollback) {
        return CompletableFuture.runAsync(() -> {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            inside.run();
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (rollback) {
                unitOfWork.rollback();
            } else {
                unitOfWork.commit();
            }
        }, threads);
    }

    @Test
    void aCloseWaitsForTheActivityCommandsInFlight() throws Exception {
        CampaignGate gate = new CampaignGate(Duration.ofSeconds(10));
        CountDownLatch activityIn = new CountDownLatch(1);
        CountDownLatch activityDone = new CountDownLatch(1);
        CompletableFuture<Void> activity = inUnitOfWork(() -> gate.enterShared("c"), activityIn, activityDone, false);
        activityIn.await();

        AtomicBoolean closeEntered = new AtomicBoolean();
        CompletableFuture<Void> close = inUnitOfWork(() -> {
            gate.enterExclusive("c");
            closeEntered.set(true);
        }, new CountDownLatch(1), new CountDownLatch(0), false);

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).untilFalse(closeEntered);
        activityDone.countDown();
        activity.get(5, TimeUnit.SECONDS);
        close.get(5, TimeUnit.SECONDS);
        assertThat(closeEntered).isTrue();
    }

    @Test
    void activitiesOfACampaignDoNotWaitForEachOther() throws Exception {
        CampaignGate gate = new CampaignGate(Duration.ofMillis(200));
        CountDownLatch bothIn = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = inUnitOfWork(() -> gate.enterShared("c"), bothIn, release, false);
        CompletableFuture<Void> second = inUnitOfWork(() -> gate.enterShared("c"), bothIn, release, false);
        assertThat(bothIn.await(5, TimeUnit.SECONDS)).as("both inside at once").isTrue();
        release.countDown();
        CompletableFuture.allOf(first, second).get(5, TimeUnit.SECONDS);
    }

    @Test
    void anActivityWaitingBehindACloseGivesUpAsBusyAndTheGateReopensAfterARollback() throws Exception {
        CampaignGate gate = new CampaignGate(Duration.ofMillis(100));
        CountDownLatch closeIn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> close = inUnitOfWork(() -> gate.enterExclusive("c"), closeIn, release, true);
        closeIn.await();

        UnitOfWork<?> activity = DefaultUnitOfWork.startAndGet(null);
        try {
            assertThatThrownBy(() -> gate.enterShared("c")).isInstanceOf(CampaignBusy.class);
            gate.enterShared("other-campaign");
        } finally {
            activity.rollback();
        }
        release.countDown();
        close.get(5, TimeUnit.SECONDS);

        UnitOfWork<?> later = DefaultUnitOfWork.startAndGet(null);
        gate.enterExclusive("c");
        later.commit();
        assertThat(later.isActive()).isFalse();
    }

    @Test
    void theGateIsOnlyHeldForAUnitOfWork() {
        CampaignGate gate = new CampaignGate(Duration.ofMillis(100));
        assertThatThrownBy(() -> gate.enterShared("c")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keepsNoLockOfACampaignNobodyIsInside() {
        CampaignGate gate = new CampaignGate(Duration.ofSeconds(1));
        for (int i = 0; i < 100; i++) {
            String campaignId = "c" + i;
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            gate.enterShared(campaignId);
            unitOfWork.commit();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            System.gc();
            return gate.size() == 0;
        });
    }
}
