package com.campaigntracker.command.unit;

import com.campaigntracker.command.FoldingLookup;
import com.campaigntracker.shared.unit.UnitEvents.UnitEvent;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Units for rules of other aggregates (parent unit, enrolment, recording), folded by {@link UnitState#fold}. */
@Component
public class UnitLookup extends FoldingLookup<UnitState> {

    @Autowired
    public UnitLookup(EventStore eventStore,
                      @Value("${tracker.command.lookup-cache-size:" + DEFAULT_MAX_ENTRIES + "}") long maxEntries) {
        super(eventStore, maxEntries);
    }

    public UnitLookup(EventStore eventStore) {
        this(eventStore, DEFAULT_MAX_ENTRIES);
    }

    @Override
    protected UnitState apply(UnitState state, Object payload) {
        return payload instanceof UnitEvent event ? UnitState.fold(state, event) : state;
    }

    /** The unit, or {@link UnitNotFound} naming the field that referred to it. */
    public UnitState require(String field, String unitId) {
        return find(unitId).orElseThrow(() -> new UnitNotFound(field, unitId));
    }
}
