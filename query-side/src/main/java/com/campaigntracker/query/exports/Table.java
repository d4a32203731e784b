package com.campaigntracker.query.exports;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One exported table (one sheet of a workbook, or one CSV file): its columns and its rows, which are fed to the
 * writer one at a time while it writes, so a table is never held whole in memory.
 *
 * @param rows calls its argument once per row, in order
 */
public record Table<T>(String name, List<Column<T>> columns, Consumer<Consumer<T>> rows) {

    /**
     * A column: its header and its cell of a row — a {@link Number} (a numeric cell), a {@link java.time.LocalDate}
     * or {@link java.time.LocalDateTime} (a date cell), a {@link Boolean} (是/否), a {@link String}, or null.
     */
    public record Column<T>(String header, Function<T, Object> value) {
    }

    public static <T> Column<T> col(String header, Function<T, Object> value) {
        return new Column<>(header, value);
    }

    /** A table of rows already in memory (the small views: units, progress). */
    public static <T> Table<T> of(String name, List<Column<T>> columns, List<T> rows) {
        return new Table<>(name, columns, rows::forEach);
    }
}
