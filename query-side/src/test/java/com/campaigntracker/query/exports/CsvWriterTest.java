package com.campaigntracker.query.exports;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {

    @Test
    void textThatExcelWouldRunAsAFormulaIsWrittenAsText() {
        assertThat(CsvWriter.text("=HYPERLINK(\"http://x\",\"点我\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"点我\")");
        assertThat(CsvWriter.text("+1+1")).isEqualTo("'+1+1");
        assertThat(CsvWriter.text("-2")).isEqualTo("'-2");
        assertThat(CsvWriter.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.text("清洁家园 = 文明")).isEqualTo("清洁家园 = 文明");
        assertThat(CsvWriter.text(2.5)).isEqualTo("2.5");
        assertThat(CsvWriter.text(-0L)).isEqualTo("0");
        assertThat(CsvWriter.text(LocalDate.of(2026, 7, 10))).isEqualTo("2026-07-10");
    }
}
