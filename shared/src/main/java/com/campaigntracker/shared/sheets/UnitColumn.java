package com.campaigntracker.shared.sheets;

/**
 * The columns of a units registry spreadsheet (单位名册), in the contract's order and with its exact Chinese
 * headers; {@code field} is the matching {@code RegisterUnit} field.
 */
public enum UnitColumn {
    UNIT_ID("单位编号", "unitId"),
    NAME("单位名称", "name"),
    TYPE("单位类型", "type"),
    DISTRICT("所属区", "district"),
    PARENT_UNIT_ID("上级单位编号", "parentUnitId");

    private final String header;
    private final String field;

    UnitColumn(String header, String field) {
        this.header = header;
        this.field = field;
    }

    public String header() {
        return header;
    }

    public String field() {
        return field;
    }
}
