package com.campaigntracker.command.imports;

import com.campaigntracker.command.unit.UnitLookup;
import com.campaigntracker.command.unit.UnitState;
import com.campaigntracker.shared.unit.UnitCommands.RegisterUnit;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry as it will be when a units file's rows are applied in order: the stored units plus those the
 * file's earlier valid rows register. The preview checks a row whose parent is such a row against it, with the
 * aggregate's own hierarchy rule, so preview and apply agree.
 */
final class FileUnits extends UnitLookup {
    private final UnitLookup stored;
    private final Map<String, UnitState> registered = new HashMap<>();

    FileUnits(UnitLookup stored) {
        super(null, 1);
        this.stored = stored;
    }

    void register(RegisterUnit u) {
        registered.put(u.unitId(), new UnitState(u.unitId(), u.name(), u.type(), u.district(), u.parentUnitId(), true));
    }

    boolean registers(String unitId) {
        return unitId != null && registered.containsKey(unitId);
    }

    @Override
    public Optional<UnitState> find(String id) {
        UnitState own = id == null ? null : registered.get(id);
        return own != null ? Optional.of(own) : stored.find(id);
    }

    @Override
    public boolean idInUse(String id) {
        return registers(id) || stored.idInUse(id);
    }
}
