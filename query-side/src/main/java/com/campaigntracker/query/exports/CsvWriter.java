package com.campaigntracker.query.exports;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes one table as CSV in UTF-8 with a byte order mark (without it Excel reads Chinese as mojibake), streamed
 * row by row through Jackson's CSV generator. Dates as {@code 2026-07-10}, times as {@code 2026-07-10 09:30:00},
 * numbers plainly ({@code 2.5}, {@code 12}); text that would start a formula gets a leading apostrophe.
 */
final class CsvWriter {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final CsvMapper CSV = CsvMapper.builder()
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CsvWriter() {
    }

    static <T> void write(Table<T> table, OutputStream out) throws IOException {
        out.write(BOM);
        try (SequenceWriter rows = CSV.writerFor(String[].class).with(CsvSchema.emptySchema()).writeValues(out)) {
            rows.write(table.columns().stream().map(Table.Column::header).toArray(String[]::new));
            IOException[] failed = {null};
            table.rows().accept(item -> {
                if (failed[0] != null) {
                    return;
                }
                String[] row = new String[table.columns().size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = text(table.columns().get(c).value().apply(item));
                }
                try {
                    rows.write(row);
                } catch (IOException e) {
                    failed[0] = e;
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
        }
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof LocalDateTime t) {
            return TIME.format(t);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        String text = value.toString();
        // a text cell Excel would read as a formula (=, +, -, @, tab, CR) is written with a leading apostrophe:
        // an export must never run something a user typed into a title or a note (OWASP "CSV injection")
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
