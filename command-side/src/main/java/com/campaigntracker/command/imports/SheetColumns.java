package com.campaigntracker.command.imports;

import com.campaigntracker.command.imports.ImportViews.RowError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The header row of an uploaded sheet, and the reading of one row's cells by header. */
abstract class SheetColumns {
    private final Map<String, Integer> columns = new HashMap<>();
    private boolean sawHeader;

    void index(List<SheetReader.Value> cells) {
        sawHeader = true;
        for (int i = 0; i < cells.size(); i++) {
            String h = Cells.text(cells.get(i));
            if (h != null) {
                columns.putIfAbsent(h, i);
            }
        }
    }

    public boolean sawHeader() {
        return sawHeader;
    }

    boolean has(String header) {
        return columns.containsKey(header);
    }

    /** Refuses the file when the header row lacks {@code missing} columns. */
    static void requireColumns(List<String> missing) {
        if (!missing.isEmpty()) {
            throw new BadImportFile("import-missing-columns", "表格缺少列:" + String.join("、", missing)
                    + "(第 1 行须为列名,与模板一致)");
        }
    }

    /** One row's cells, read by header; a cell that cannot be read adds a {@link RowError}. */
    class Reading {
        final int row;
        final List<SheetReader.Value> cells;
        final List<RowError> errors = new ArrayList<>();

        Reading(int row, List<SheetReader.Value> cells) {
            this.row = row;
            this.cells = cells;
        }

        SheetReader.Value cell(String header) {
            Integer i = columns.get(header);
            SheetReader.Value v = i == null || i >= cells.size() ? null : cells.get(i);
            if (v != null && v.formula()) {
                errors.add(new RowError(row, header, "单元格含有公式;导入不计算公式,请复制后“粘贴为数值”"));
                return null;
            }
            return v;
        }

        boolean failed(String header) {
            return errors.stream().anyMatch(e -> header.equals(e.column()));
        }

        String text(String header) {
            return Cells.text(cell(header));
        }

        LocalDate date(String header) {
            return parse(header, Cells::date);
        }

        Integer whole(String header) {
            return parse(header, Cells::whole);
        }

        Double decimal(String header) {
            return parse(header, Cells::decimal);
        }

        private <T> T parse(String header, Cells.Parser<T> parser) {
            try {
                return parser.parse(text(header));
            } catch (Cells.Unreadable e) {
                errors.add(new RowError(row, header, header + e.getMessage()));
                return null;
            }
        }
    }
}
