package com.campaigntracker.command.unit;

import com.campaigntracker.command.rules.InvalidField;
import com.campaigntracker.command.rules.TextBounds;
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

    protected Unit() {
        // for Axon
    }

    @CommandHandler
    public Unit(RegisterUnit command, UnitLookup units) {
        String unitId = TextBounds.id("unitId", command.unitId());
        String name = TextBounds.required("name", command.name(), TextBounds.UNIT_NAME_MAX);
        if (command.type() == null) {
            throw InvalidField.missing("type");
        }
        String district = TextBounds.required("district", command.district(), TextBounds.DISTRICT_MAX);
        String parentId = command.parentUnitId();
        if (parentId != null) {
            TextBounds.id("parentUnitId", parentId);
        }
        if (units.idInUse(unitId)) {
            throw new UnitAlreadyRegistered(unitId);
        }
        checkParent(unitId, command.type(), district, parentId, units);
        apply(new UnitRegistered(unitId, name, command.type(), district, parentId));
    }

    /** Hierarchy policy: parent exists, is active, has a type this unit may hang off, same district. */
    static void checkParent(String unitId, UnitType type, String district, String parentId, UnitLookup units) {
        if (parentId == null) {
            if (!type.acceptsParent(null)) {
                throw new InvalidHierarchy(unitId, type, null, null);
            }
            return;
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
    }

    @AggregateIdentifier
    String unitId() {
        return state == null ? null : state.unitId();
    }

    @CommandHandler
    public void handle(RenameUnit command) {
        String newName = TextBounds.required("name", command.name(), TextBounds.UNIT_NAME_MAX);
        if (!state.active()) {
            throw new UnitAlreadyDeactivated(state.unitId());
        }
        if (newName.equals(state.name())) {
            return;
        }
        apply(new UnitRenamed(state.unitId(), state.name(), newName));
    }

    /** Deactivating an inactive unit again changes nothing (a harmless retry). */
    @CommandHandler
    public void handle(DeactivateUnit command) {
        String reason = TextBounds.optionalMultiline("reason", command.reason(), TextBounds.REASON_MAX);
        if (!state.active()) {
            return;
        }
        apply(new UnitDeactivated(state.unitId(), reason));
    }

    @EventSourcingHandler
    void on(UnitEvent event) {
        state = UnitState.fold(state, event);
    }
}
