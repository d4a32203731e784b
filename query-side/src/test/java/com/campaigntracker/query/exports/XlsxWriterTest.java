package com.campaigntracker.query.exports;

import com.campaigntracker.query.web.ApiException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static com.campaigntracker.query.exports.Table.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsxWriterTest {
    record Line(int n, String title, double hours, LocalDate day, LocalDateTime at, Boolean retracted) {
    }

    private static final List<Table.Column<Line>> COLUMNS = List.of(col("序号", Line::n), col("活动名称", Line::title),
            col("服务时长", Line::hours), col("日期", Line::day), col("填报时间", Line::at),
            col("已撤回", Line::retracted));

    private static Line line(int i) {
        return new Line(i, "入户宣传第" + i + "次 <&>", 0.5 * (i % 7), LocalDate.of(2026, 7, 1 + i % 28),
                LocalDateTime.of(2026, 7, 1, 9, 30, i % 60), i % 2 == 0 ? null : i % 3 == 0);
    }

    @Test
    void rowsAreWrittenToTheOutputWhileTheyAreReadNotBufferedUntilTheEnd() throws IOException {
        int rows = 30_000;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] writtenAtLastRow = {-1};
        Table<Line> table = new Table<>("台账", COLUMNS, sink -> {
            for (int i = 0; i < rows; i++) {
                if (i == rows - 1) {
                    writtenAtLastRow[0] = out.size();
                }
                sink.accept(line(i));
            }
        });

        XlsxWriter.write(List.of(table), out);

        // all but the last window of rows and the zip's tail have reached the output before the last row is read
        assertThat(writtenAtLastRow[0]).isGreaterThan(out.size() * 9L / 10);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = wb.getSheet("台账");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("服务时长");
            assertThat(sheet.getLastRowNum()).isEqualTo(rows);
            for (int i : new int[]{0, 1, 3, 12_345, rows - 1}) {
                Line l = line(i);
                Row row = sheet.getRow(i + 1);
                assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(i);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(l.title());
                assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(l.hours());
                Cell day = row.getCell(3);
                assertThat(DateUtil.isCellDateFormatted(day)).isTrue();
                assertThat(day.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(l.day());
                assertThat(DateUtil.isCellDateFormatted(row.getCell(4))).isTrue();
                assertThat(row.getCell(4).getLocalDateTimeCellValue()).isEqualTo(l.at());
                assertThat(row.getCell(5) == null ? null : row.getCell(5).getStringCellValue())
                        .isEqualTo(l.retracted() == null ? null : l.retracted() ? "是" : "否");
            }
        }
    }

    @Test
    void whatTheRowSourceThrowsKeepsItsType() {
        ApiException refused = ApiException.badRequest("读取失败");
        Table<Line> table = new Table<>("台账", COLUMNS, sink -> {
            sink.accept(line(1));
            throw refused;
        });

        assertThatThrownBy(() -> XlsxWriter.write(List.of(table), new ByteArrayOutputStream())).isSameAs(refused);
    }
}
