package com.campaigntracker.command.unit;

import com.campaigntracker.command.FoldingLookup;
import com.campaigntracker.shared.unit.UnitEvents.UnitDeactivated;
import com.campaigntracker.shared.unit.UnitEvents.UnitRegistered;
import com.campaigntracker.shared.unit.UnitEvents.UnitRenamed;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Facts about units for rules of other aggregates (parent unit, enrolment, recording). */
@Component
public class UnitLookup extends FoldingLookup<UnitFacts> {

    public UnitLookup(EventStore eventStore) {
        super(eventStore);
    }

    @Override
    protected UnitFacts apply(UnitFacts state, Object payload) {
        if (payload instanceof UnitRegistered e) {
            return new UnitFacts(e.unitId(), e.name(), e.type(), e.district(), e.parentUnitId(), true);
        }
        if (state == null) {
            return null;
        }
        if (payload instanceof UnitRenamed e) {
            return new UnitFacts(state.unitId(), e.name(), state.type(), state.district(), state.parentUnitId(),
                    state.active());
        }
        if (payload instanceof UnitDeactivated) {
            return new UnitFacts(state.unitId(), state.name(), state.type(), state.district(),
                    state.parentUnitId(), false);
        }
        return state;
    }

    /** The unit, or {@link UnitNotFound} naming the field that referred to it. */
    public UnitFacts require(String field, String unitId) {
        return find(unitId).orElseThrow(() -> new UnitNotFound(field, unitId));
    }
}
