package com.campaigntracker.command.unit;

import com.campaigntracker.shared.unit.UnitCommands.DeactivateUnit;
import com.campaigntracker.shared.unit.UnitCommands.RegisterUnit;
import com.campaigntracker.shared.unit.UnitCommands.RenameUnit;
import com.campaigntracker.shared.unit.UnitEvents.UnitDeactivated;
import com.campaigntracker.shared.unit.UnitEvents.UnitEvent;
import com.campaigntracker.shared.unit.UnitEvents.UnitRegistered;
import com.campaigntracker.shared.unit.UnitEvents.UnitRenamed;
import com.campaigntracker.shared.unit.UnitType;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A unit of the 文明实践 network (实践中心, 实践所, 实践站, ...). Its parent must exist, be active, be of a type
 * that makes sense in the hierarchy ({@link UnitType#acceptsParent}) and lie in the same district.
 */
@Aggregate
public class Unit {

    private UnitState state;
    /** Events folded so far: the sequence number the next event gets. */
    private long folded;

    protected Unit() {
        // for Axon
    }

    @CommandHandler
    public Unit(RegisterUnit command, UnitLookup units, UnitNames names) {
        if (units.idInUse(command.unitId())) {
            throw new UnitAlreadyRegistered(command.unitId());
        }
        UnitState parent = checkParent(command.unitId(), command.type(), command.district(), command.parentUnitId(),
                units);
        names.claim(command.unitId(), command.name(), command.district(), command.parentUnitId(),
                parent == null ? null : parent.name());
        record(names, new UnitRegistered(command.unitId(), command.name(), command.type(), command.district(),
                command.parentUnitId()));
    }

    /** Applies the event and hands it to the name index once it is stored. */
    private void record(UnitNames names, UnitEvent event) {
        long sequence = folded;
        String unitId = event.unitId();
        CurrentUnitOfWork.get().afterCommit(unitOfWork -> names.afterCommit(unitId, sequence, event));
        apply(event);
    }

    /**
     * Hierarchy policy: parent exists, is active, has a type this unit may hang off, same district. Public for the
     * units-registry import, which checks a row against the units the file's earlier rows will have registered.
     */
    public static UnitState checkParent(String unitId, UnitType type, String district, String parentId, UnitLookup units) {
        if (parentId == null) {
            if (!type.acceptsParent(null)) {
                throw new InvalidHierarchy(unitId, type, null, null);
            }
            return null;
        }
        UnitState parent = units.require("parentUnitId", parentId);
        if (!parent.active()) {
            throw new UnitInactive("parentUnitId", parentId);
        }
        if (!type.acceptsParent(parent.type())) {
            throw new InvalidHierarchy(unitId, type, parentId, parent.type());
        }
        if (!Objects.equals(district, parent.district())) {
            throw new DistrictMismatch(unitId, district, parentId, parent.district());
        }
        return parent;
    }

    @AggregateIdentifier
    String unitId() {
        return state == null ? null : state.unitId();
    }

    @CommandHandler
    public void handle(RenameUnit command, UnitLookup units, UnitNames names) {
        String newName = command.name();
        if (!state.active()) {
            throw new UnitAlreadyDeactivated(state.unitId());
        }
        if (newName.equals(state.name())) {
            return;
        }
        names.claim(state.unitId(), newName, state.district(), state.parentUnitId(), state.parentUnitId() == null
                ? null : units.find(state.parentUnitId()).map(UnitState::name).orElse(state.parentUnitId()));
        record(names, new UnitRenamed(state.unitId(), state.name(), newName));
    }

    /** Deactivating an inactive unit again changes nothing (a harmless retry). */
    @CommandHandler
    public void handle(DeactivateUnit command, UnitNames names) {
        if (!state.active()) {
            return;
        }
        record(names, new UnitDeactivated(state.unitId(), command.reason()));
    }

    @EventSourcingHandler
    void on(UnitEvent event) {
        state = UnitState.fold(state, event);
        folded++;
    }
}
