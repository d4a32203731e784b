package com.campaigntracker.command.imports;

import com.campaigntracker.command.rules.RuleViolation;

/** The uploaded file as a whole cannot be imported (HTTP 400); nothing was written. */
public class BadImportFile extends RuleViolation {
    public BadImportFile(String type, String detail) {
        super(Kind.INVALID, type, "文件无法导入", detail);
    }

    static BadImportFile notASpreadsheet() {
        return new BadImportFile("import-not-a-spreadsheet",
                "上传的文件不是电子表格:请上传 .xlsx 文件,或 UTF-8 编码的 .csv 文件");
    }

    static BadImportFile unreadable(String why) {
        return new BadImportFile("import-unreadable", "无法读取上传的表格(" + why + "),文件可能已损坏或含有不安全的内容;"
                + "请用 Excel 另存为 .xlsx 后重试");
    }

    static BadImportFile tooManyRows(int max) {
        return new BadImportFile("import-too-many-rows", "表格超过 " + max + " 行数据的上限,请拆分为多个文件分别导入");
    }
}
