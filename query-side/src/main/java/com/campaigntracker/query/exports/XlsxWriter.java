package com.campaigntracker.query.exports;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Writes tables as an .xlsx workbook, one sheet each, through POI's SXSSF: only a window of rows is in memory,
 * the rest goes to a compressed temporary file. Numbers are numeric cells (service hours keep their .5), dates
 * date cells.
 */
final class XlsxWriter {
    /** Rows kept in memory per sheet while writing. */
    private static final int WINDOW = 200;

    private XlsxWriter() {
    }

    static void write(List<Table<?>> tables, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        try {
            Styles styles = new Styles(workbook);
            for (Table<?> table : tables) {
                sheet(workbook, styles, table);
            }
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    private static <T> void sheet(SXSSFWorkbook workbook, Styles styles, Table<T> table) {
        SXSSFSheet sheet = workbook.createSheet(table.name());
        Row header = sheet.createRow(0);
        for (int c = 0; c < table.columns().size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(table.columns().get(c).header());
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(c, 14 * 256);
        }
        sheet.createFreezePane(0, 1);
        int[] next = {1};
        table.rows().accept(item -> {
            Row row = sheet.createRow(next[0]++);
            for (int c = 0; c < table.columns().size(); c++) {
                cell(row, c, table.columns().get(c).value().apply(item), styles);
            }
        });
    }

    private static void cell(Row row, int c, Object value, Styles styles) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(c);
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(styles.date);
        } else if (value instanceof LocalDateTime t) {
            cell.setCellValue(t);
            cell.setCellStyle(styles.dateTime);
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b ? "是" : "否");
        } else {
            cell.setCellValue(value.toString());
        }
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle date;
        final CellStyle dateTime;

        Styles(SXSSFWorkbook workbook) {
            header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            short dateFormat = workbook.createDataFormat().getFormat("yyyy-mm-dd");
            date = workbook.createCellStyle();
            date.setDataFormat(dateFormat);
            dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        }
    }
}
