package com.campaigntracker.command.imports;

import com.campaigntracker.command.campaign.CampaignState;
import com.campaigntracker.command.imports.ImportViews.RowError;
import com.campaigntracker.command.rules.InvalidField;
import com.campaigntracker.command.unit.UnitLookup;
import com.campaigntracker.command.unit.UnitState;
import com.campaigntracker.shared.activity.ActivityCommands.RecordActivity;
import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.sheets.LedgerColumn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rows of a 台账 sheet as {@link RecordActivity} commands. Only reading happens here — a cell that is no date or
 * no number, a formula, an unknown or ambiguous unit name; every rule of the command is the command's own.
 */
final class LedgerRows extends SheetColumns implements Imports.RowMapper {
    private static final List<LedgerColumn> REQUIRED = List.of(LedgerColumn.DATE, LedgerColumn.TITLE,
            LedgerColumn.SESSIONS, LedgerColumn.PARTICIPATIONS, LedgerColumn.SERVICE_HOURS,
            LedgerColumn.BENEFICIARIES);

    private final String campaignId;
    private final CampaignState campaign;
    private final UnitLookup units;
    private Map<String, List<String>> enrolledByName;

    LedgerRows(String campaignId, CampaignState campaign, UnitLookup units) {
        this.campaignId = campaignId;
        this.campaign = campaign;
        this.units = units;
    }

    /** The header of a command field's column (null: the row as a whole). */
    static String header(String field) {
        return Arrays.stream(LedgerColumn.values()).filter(c -> c.field().equals(field)).map(LedgerColumn::header)
                .findFirst().orElse(null);
    }

    @Override
    public void header(List<SheetReader.Value> cells) {
        index(cells);
        List<String> missing = new ArrayList<>(REQUIRED.stream().map(LedgerColumn::header).filter(h -> !has(h))
                .toList());
        if (!has(LedgerColumn.UNIT_ID.header()) && !has(LedgerColumn.UNIT_NAME)) {
            missing.add(0, LedgerColumn.UNIT_ID.header());
        }
        requireColumns(missing);
    }

    @Override
    public Imports.Parsed row(int row, List<SheetReader.Value> cells) {
        Reading r = new Reading(row, cells);
        String unitId = r.text(LedgerColumn.UNIT_ID.header());
        String unitName = r.text(LedgerColumn.UNIT_NAME);
        if (unitId == null && unitName != null) {
            unitId = unitByName(row, unitName, r.errors);
        }
        LocalDate date = r.date(LedgerColumn.DATE.header());
        Integer sessions = r.whole(LedgerColumn.SESSIONS);
        Integer participations = r.whole(LedgerColumn.PARTICIPATIONS);
        Double hours = r.decimal(LedgerColumn.SERVICE_HOURS);
        Integer beneficiaries = r.whole(LedgerColumn.BENEFICIARIES);
        String title = r.text(LedgerColumn.TITLE.header());
        String category = r.text(LedgerColumn.CATEGORY.header());
        String site = r.text(LedgerColumn.SITE.header());
        String notes = r.text(LedgerColumn.NOTES.header());
        if (!r.errors.isEmpty()) {
            return new Imports.Parsed(row, null, r.errors);
        }
        Figures figures = new Figures(sessions, participations, hours, beneficiaries);
        String activityId = r.text(LedgerColumn.ACTIVITY_ID.header());
        if (activityId == null) {
            activityId = derivedId(campaignId, unitId, date, title, category, site, figures, notes);
        }
        return new Imports.Parsed(row, new RecordActivity(campaignId, activityId, unitId, date, title, category, site,
                figures, notes), List.of());
    }

    /**
     * The id of a row without 编号: the same campaign and content give the same id, so uploading the file again
     * repeats the command (no double count).
     */
    static String derivedId(String campaignId, String unitId, LocalDate date, String title, String category,
                            String site, Figures f, String notes) {
        String content = String.join("\u001f", campaignId, String.valueOf(unitId), String.valueOf(date),
                String.valueOf(title), String.valueOf(category), String.valueOf(site),
                f.sessions() + "/" + f.participations() + "/" + f.serviceHours() + "/" + f.beneficiaries(),
                String.valueOf(notes));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "imp-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String unitByName(int row, String name, List<RowError> errors) {
        if (enrolledByName == null) {
            enrolledByName = campaign.enrolledUnits().stream()
                    .collect(Collectors.groupingBy(u -> units.find(u).map(UnitState::name).orElse("")));
        }
        List<String> ids = enrolledByName.getOrDefault(name, List.of());
        if (ids.size() == 1) {
            return ids.get(0);
        }
        errors.add(new RowError(row, LedgerColumn.UNIT_NAME, ids.isEmpty()
                ? "单位名称 " + name + " 不是本活动已报到单位的名称,请填写单位编号"
                : "单位名称 " + name + " 对应多个已报到单位(" + String.join("、", ids) + "),请填写单位编号"));
        return null;
    }

    private final class Reading extends SheetColumns.Reading {
        Reading(int row, List<SheetReader.Value> cells) {
            super(row, cells);
        }

        Integer whole(LedgerColumn c) {
            Integer v = whole(c.header());
            if (v == null && !failed(c.header())) {
                errors.add(new RowError(row, c.header(), InvalidField.missing(c.field()).getMessage()));
            }
            return v;
        }

        Double decimal(LedgerColumn c) {
            Double v = decimal(c.header());
            if (v == null && !failed(c.header())) {
                errors.add(new RowError(row, c.header(), InvalidField.missing(c.field()).getMessage()));
            }
            return v;
        }
    }
}
