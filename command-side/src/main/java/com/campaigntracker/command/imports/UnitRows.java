package com.campaigntracker.command.imports;

import com.campaigntracker.command.imports.ImportViews.RowError;
import com.campaigntracker.shared.sheets.UnitColumn;
import com.campaigntracker.shared.unit.UnitCommands.RegisterUnit;
import com.campaigntracker.shared.unit.UnitType;

import java.util.Arrays;
import java.util.List;

/** Rows of a 单位名册 sheet as {@link RegisterUnit} commands (the rules are the command's and the aggregate's). */
final class UnitRows extends SheetColumns implements Imports.RowMapper {

    static String header(String field) {
        return Arrays.stream(UnitColumn.values()).filter(c -> c.field().equals(field)).map(UnitColumn::header)
                .findFirst().orElse(null);
    }

    @Override
    public void header(List<SheetReader.Value> cells) {
        index(cells);
        List<String> missing = Arrays.stream(UnitColumn.values()).map(UnitColumn::header).filter(h -> !has(h))
                .filter(h -> !h.equals(UnitColumn.PARENT_UNIT_ID.header())).toList();
        requireColumns(missing);
    }

    @Override
    public Imports.Parsed row(int row, List<SheetReader.Value> cells) {
        Reading r = new Reading(row, cells);
        String unitId = r.text(UnitColumn.UNIT_ID.header());
        String name = r.text(UnitColumn.NAME.header());
        String typeText = r.text(UnitColumn.TYPE.header());
        String district = r.text(UnitColumn.DISTRICT.header());
        String parent = r.text(UnitColumn.PARENT_UNIT_ID.header());
        UnitType type = null;
        if (typeText != null) {
            try {
                type = UnitType.fromLabel(typeText);
            } catch (IllegalArgumentException e) {
                r.errors.add(new RowError(row, UnitColumn.TYPE.header(), "单位类型 " + typeText + " 未知,可选:"
                        + String.join("、", Templates.typeLabels())));
            }
        }
        if (!r.errors.isEmpty()) {
            return new Imports.Parsed(row, null, r.errors);
        }
        return new Imports.Parsed(row, new RegisterUnit(unitId, name, type, district, parent), List.of());
    }
}
