package com.campaigntracker.command.unit;

import com.campaigntracker.shared.unit.UnitEvents.UnitDeactivated;
import com.campaigntracker.shared.unit.UnitEvents.UnitEvent;
import com.campaigntracker.shared.unit.UnitEvents.UnitRegistered;
import com.campaigntracker.shared.unit.UnitEvents.UnitRenamed;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The names of the active units under each parent (a district's top-level units count as siblings of each other),
 * for the rule "no two active units of one parent share a name". Names compare after Unicode NFKC normalisation,
 * without white space and case, so "学院路 实践站" and "学院路实践站" are the same name.
 * <p>
 * The index reads the event store's global stream from where it last stopped (once the application is up it reads
 * the whole history in the background, see {@link #warmUp}), so it also sees units registered by imports or another
 * replica. A name check holds
 * this process's lock until the unit of work ends, and a committed change enters the index at once (the store's
 * tracking read may hold a fresh event back behind an append still in flight): two people registering the same
 * name at once in one process never both succeed. With several command-side replicas the window narrows to the
 * read-to-append time but does not close (as for the campaign gate).
 */
@Component
public class UnitNames {
    private static final Logger log = LoggerFactory.getLogger(UnitNames.class);
    private final EventStore eventStore;
    private final long timeoutMillis;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Placed> units = new HashMap<>();
    private final Map<String, String> holders = new HashMap<>();
    private TrackingToken position;

    /** Where a unit's name sits in the index; {@code sequence} guards against folding an older event again. */
    private record Placed(String key, String name, boolean active, long sequence) {
    }

    @Autowired
    public UnitNames(EventStore eventStore, @Value("${tracker.command.gate-timeout:10s}") Duration timeout) {
        this.eventStore = eventStore;
        this.timeoutMillis = timeout.toMillis();
    }

    public UnitNames(EventStore eventStore) {
        this(eventStore, Duration.ofSeconds(10));
    }

    /**
     * Checks that {@code name} is free under the parent (or among the district's top-level units) for
     * {@code unitId}, and keeps it so until the current unit of work has ended.
     *
     * @param parentName the parent's name for the refusal, null for a top-level unit
     * @throws UnitNameTaken when another active unit of the same parent holds the name
     */
    public void claim(String unitId, String name, String district, String parentUnitId, String parentName) {
        enter();
        catchUp();
        String holder = holders.get(key(district, parentUnitId, name));
        if (holder != null && !holder.equals(unitId)) {
            throw new UnitNameTaken(unitId, name, district, parentUnitId, parentName, holder,
                    units.get(holder).name());
        }
    }

    /**
     * Reads the history once in the background when the application is up, so that the first registration or
     * rename after a restart does not wait for it (on a store of a million events that read takes about a minute;
     * a unit command arriving meanwhile waits for the lock, at most the gate timeout).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void warmUp() {
        Thread reader = new Thread(() -> {
            lock.lock();
            try {
                catchUp();
            } catch (RuntimeException e) {
                log.warn("unit names not read ahead; the first unit command reads them: {}", e.toString());
            } finally {
                lock.unlock();
            }
        }, "unit-names-warm-up");
        reader.setDaemon(true);
        reader.start();
    }

    /** Records the events of a command of this process once they are stored (see the class comment). */
    public void afterCommit(String unitId, long sequence, UnitEvent event) {
        lock.lock();
        try {
            fold(unitId, sequence, event);
        } finally {
            lock.unlock();
        }
    }

    /** The unit holding {@code name} under the parent now, if any (for tests and diagnostics). */
    public Optional<String> holder(String district, String parentUnitId, String name) {
        lock.lock();
        try {
            catchUp();
            return Optional.ofNullable(holders.get(key(district, parentUnitId, name)));
        } finally {
            lock.unlock();
        }
    }

    /** How many units the index knows so far, without reading further (for tests). */
    int known() {
        lock.lock();
        try {
            return units.size();
        } finally {
            lock.unlock();
        }
    }

    private void enter() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("unit names are claimed for a unit of work; none is running");
        }
        try {
            if (!lock.tryLock(timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new UnitNamesBusy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnitNamesBusy();
        }
        CurrentUnitOfWork.get().onCleanup(unitOfWork -> lock.unlock());
    }

    private void catchUp() {
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(position)) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                position = message.trackingToken();
                if (message instanceof DomainEventMessage<?> domain
                        && UnitEvent.class.isAssignableFrom(message.getPayloadType())) {
                    fold(domain.getAggregateIdentifier(), domain.getSequenceNumber(), (UnitEvent) message.getPayload());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnitNamesBusy();
        }
    }

    private void fold(String unitId, long sequence, UnitEvent event) {
        Placed before = units.get(unitId);
        if (before != null && before.sequence() >= sequence) {
            return;
        }
        Placed after;
        if (event instanceof UnitRegistered e) {
            after = new Placed(key(e.district(), e.parentUnitId(), e.name()), e.name(), true, sequence);
        } else if (before == null) {
            return;
        } else if (event instanceof UnitRenamed e) {
            after = new Placed(before.key().substring(0, before.key().indexOf('\n') + 1) + normalized(e.name()),
                    e.name(), before.active(), sequence);
        } else if (event instanceof UnitDeactivated) {
            after = new Placed(before.key(), before.name(), false, sequence);
        } else {
            after = new Placed(before.key(), before.name(), before.active(), sequence);
        }
        if (before != null && before.active()) {
            holders.remove(before.key(), unitId);
        }
        if (after.active()) {
            holders.put(after.key(), unitId);
        }
        units.put(unitId, after);
    }

    private static String key(String district, String parentUnitId, String name) {
        String parent = parentUnitId == null ? "district:" + district : "unit:" + parentUnitId;
        return parent + "\n" + normalized(name);
    }

    static String normalized(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
    }
}
