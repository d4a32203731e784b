package com.campaigntracker.command.imports;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SheetReaderTest {
    @TempDir
    Path dir;

    @Test
    void aHundredThousandRowSheetIsStreamedAndOneRowMoreIsRefused() throws IOException {
        Path file = dir.resolve("big.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("台账");
            s.createRow(0).createCell(0).setCellValue("编号");
            for (int i = 1; i <= 100_000; i++) {
                Row r = s.createRow(i);
                r.createCell(0).setCellValue("a" + i);
                r.createCell(1).setCellValue(i * 0.5);
            }
            wb.write(out);
        }
        int[] rows = {0};
        String[] last = new String[2];
        SheetReader.read(file, "big.xlsx", 100_000, (row, cells) -> {
            rows[0]++;
            last[0] = cells.get(0).text();
            last[1] = cells.size() > 1 ? cells.get(1).text() : null;
        });
        assertThat(rows[0]).isEqualTo(100_001);
        assertThat(last).containsExactly("a100000", "50000");
        assertThatThrownBy(() -> SheetReader.read(file, "big.xlsx", 99_999, (row, cells) -> { }))
                .isInstanceOf(BadImportFile.class).hasMessageContaining("99999");
    }

    @Test
    void dateCellsComeAsIsoDatesNumbersPlainlyMergedCellsAsStored() throws IOException {
        Path file = dir.resolve("cells.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("台账");
            s.createRow(0).createCell(0).setCellValue("日期");
            CellStyle chinese = wb.createCellStyle();
            chinese.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            CellStyle oneDecimal = wb.createCellStyle();
            oneDecimal.setDataFormat(wb.createDataFormat().getFormat("0"));
            Row r = s.createRow(1);
            r.createCell(0).setCellValue(LocalDate.of(2020, 6, 15));
            r.getCell(0).setCellStyle(chinese);
            r.createCell(1).setCellValue(7.5);
            r.getCell(1).setCellStyle(oneDecimal);
            r.createCell(2).setCellValue("合并");
            s.addMergedRegion(new CellRangeAddress(1, 2, 2, 2));
            s.createRow(2).createCell(0).setCellValue("2020年6月16日");
            Sheet hidden = wb.createSheet("隐藏");
            hidden.createRow(0).createCell(0).setCellValue("不读");
            wb.setSheetHidden(1, true);
            wb.write(out);
        }
        List<List<String>> rows = new ArrayList<>();
        SheetReader.read(file, "cells.xlsx", 10, (row, cells) ->
                rows.add(cells.stream().map(SheetReader.Value::text).toList()));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).containsExactly("2020-06-15", "7.5", "合并");
        assertThat(rows.get(2).get(0)).isEqualTo("2020年6月16日");
    }

    @Test
    void oldExcelAndUnknownBytesAreNoSpreadsheets() throws IOException {
        Path xls = dir.resolve("old.xls");
        Files.write(xls, new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0});
        assertThatThrownBy(() -> SheetReader.read(xls, "old.xls", 10, (row, cells) -> { }))
                .isInstanceOf(BadImportFile.class).hasMessageContaining(".xls");
        Path txt = dir.resolve("notes.txt");
        Files.writeString(txt, "hello", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SheetReader.read(txt, "notes.txt", 10, (row, cells) -> { }))
                .isInstanceOf(BadImportFile.class).hasMessageContaining("不是电子表格");
    }

    @Test
    void datesInEveryAcceptedSpellingAndFiguresOnlyAsPlainNumbers() throws Exception {
        LocalDate d = LocalDate.of(2020, 6, 15);
        assertThat(Cells.date("2020-06-15")).isEqualTo(d);
        assertThat(Cells.date("2020/6/15")).isEqualTo(d);
        assertThat(Cells.date("2020年6月15日")).isEqualTo(d);
        assertThat(Cells.date("43997")).isEqualTo(d);
        assertThatThrownBy(() -> Cells.date("2020-02-30")).isInstanceOf(Cells.Unreadable.class);
        assertThatThrownBy(() -> Cells.date("昨天")).isInstanceOf(Cells.Unreadable.class);
        assertThat(Cells.whole("12")).isEqualTo(12);
        assertThat(Cells.whole("12.0")).isEqualTo(12);
        assertThat(Cells.decimal("3.5")).isEqualTo(3.5);
        assertThatThrownBy(() -> Cells.whole("12人")).isInstanceOf(Cells.Unreadable.class).hasMessageContaining("12人");
        assertThatThrownBy(() -> Cells.decimal("3.5小时")).isInstanceOf(Cells.Unreadable.class);
        assertThatThrownBy(() -> Cells.whole("2.5")).isInstanceOf(Cells.Unreadable.class);
    }
}
