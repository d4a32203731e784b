package com.campaigntracker.query.exports;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.DeferredSXSSFSheet;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Writes tables as an .xlsx workbook, one sheet each, through POI's {@link DeferredSXSSFWorkbook}: a sheet's rows
 * are read and written while the workbook is being written, straight into the zip stream of the response — only a
 * window of rows is in memory and nothing goes to a temporary file. Numbers are numeric cells (service hours keep
 * their .5), dates date cells.
 */
final class XlsxWriter {
    /** Rows kept in memory per sheet while writing. */
    private static final int WINDOW = 200;

    private XlsxWriter() {
    }

    static void write(List<Table<?>> tables, OutputStream out) throws IOException {
        Workbook workbook = new Workbook();
        try {
            Styles styles = new Styles(workbook);
            for (Table<?> table : tables) {
                sheet(workbook, styles, table);
            }
            workbook.write(out);
        } catch (IOException e) {
            // POI wraps what the row source throws; a refusal or a read failure keeps its own type (problem+json
            // while the response is still uncommitted)
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        } finally {
            workbook.close();
        }
    }

    private static <T> void sheet(Workbook workbook, Styles styles, Table<T> table) {
        DeferredSXSSFSheet sheet = workbook.createSheet(table.name());
        for (int c = 0; c < table.columns().size(); c++) {
            sheet.setColumnWidth(c, 14 * 256);
        }
        sheet.createFreezePane(0, 1);
        sheet.setRowGenerator(s -> rows(s, styles, table));
    }

    /** Runs while the workbook is written: the header, then every row as the table's source yields it. */
    private static <T> void rows(SXSSFSheet sheet, Styles styles, Table<T> table) {
        List<Table.Column<T>> columns = table.columns();
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(columns.get(c).header());
            cell.setCellStyle(styles.header);
        }
        int[] next = {1};
        table.rows().accept(item -> {
            Row row = sheet.createRow(next[0]++);
            for (int c = 0; c < columns.size(); c++) {
                cell(row, c, columns.get(c).value().apply(item), styles);
            }
        });
    }

    private static void cell(Row row, int c, Object value, Styles styles) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(c);
        // an explicit style: a cell without one asks the sheet for its column's style, a search through the
        // sheet's column definitions in XMLBeans for every cell (most of the writer's time, profiled)
        cell.setCellStyle(styles.plain);
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

    /** The deferred workbook, its zip deflated at the fastest level (measured: ADR 0004). */
    private static final class Workbook extends DeferredSXSSFWorkbook {
        Workbook() {
            super(WINDOW);
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
            zip.setLevel(Deflater.BEST_SPEED);
            return zip;
        }
    }

    private static final class Styles {
        final CellStyle plain;
        final CellStyle header;
        final CellStyle date;
        final CellStyle dateTime;

        Styles(DeferredSXSSFWorkbook workbook) {
            plain = workbook.getCellStyleAt(0);
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
