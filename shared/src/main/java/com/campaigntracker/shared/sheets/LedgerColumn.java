package com.campaigntracker.shared.sheets;

/**
 * The columns of a 工作台账 spreadsheet, in the contract's order and with its exact Chinese headers: what the
 * ledger template offers, the import reads and the ledger export writes first (so an export can be imported
 * again). {@code field} is the name of the matching command field ({@code RecordActivity}).
 */
public enum LedgerColumn {
    ACTIVITY_ID("编号", "activityId"),
    UNIT_ID("单位编号", "unitId"),
    DATE("日期", "date"),
    TITLE("活动名称", "title"),
    CATEGORY("类别", "category"),
    SITE("地点", "site"),
    SESSIONS("场次", "sessions"),
    PARTICIPATIONS("志愿者人次", "participations"),
    SERVICE_HOURS("服务时长", "serviceHours"),
    BENEFICIARIES("受益人次", "beneficiaries"),
    NOTES("备注", "notes");

    /** An optional column: the unit by its exact name when 单位编号 is left empty. */
    public static final String UNIT_NAME = "单位名称";

    private final String header;
    private final String field;

    LedgerColumn(String header, String field) {
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
