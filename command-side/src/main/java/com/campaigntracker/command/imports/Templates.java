package com.campaigntracker.command.imports;

import com.campaigntracker.command.campaign.CampaignLookup;
import com.campaigntracker.command.campaign.CampaignNotFound;
import com.campaigntracker.command.campaign.CampaignState;
import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.unit.ActingUnitPolicy;
import com.campaigntracker.command.unit.NotYourUnit;
import com.campaigntracker.command.unit.UnitLookup;
import com.campaigntracker.security.Actor;
import com.campaigntracker.security.CurrentActor;
import com.campaigntracker.command.unit.UnitState;
import com.campaigntracker.shared.sheets.LedgerColumn;
import com.campaigntracker.shared.sheets.UnitColumn;
import com.campaigntracker.shared.unit.UnitType;
import com.campaigntracker.shared.validation.Bounds;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The templates a user fills in: the contract's header row, an example row, drop-down lists for the closed sets
 * (the campaign's enrolled units, the unit types) and a 填写说明 sheet naming each column by its field label
 * ({@link FieldLabels}) with its bounds ({@link Bounds}).
 */
@Component
public class Templates {
    static final String DATA_SHEET = "台账";
    static final String UNITS_SHEET = "单位名册";
    static final String GUIDE_SHEET = "填写说明";
    static final String OPTIONS_SHEET = "选项";
    /** Rows of the data sheet that carry the drop-downs and number checks. */
    static final int VALIDATED_ROWS = 10_000;

    private final CampaignLookup campaigns;
    private final UnitLookup units;
    private final Clock clock;

    public Templates(CampaignLookup campaigns, UnitLookup units, Clock clock) {
        this.campaigns = campaigns;
        this.units = units;
        this.clock = clock;
    }

    /** What each ledger column takes, from the command's bounds. */
    static final Map<LedgerColumn, String> LEDGER_RULES = Map.ofEntries(
            Map.entry(LedgerColumn.ACTIVITY_ID, "选填;1–64 位字母、数字、下划线或连字符。留空时按活动与该行内容生成,"
                    + "同一文件重复上传不会重复计数"),
            Map.entry(LedgerColumn.UNIT_ID, "必填(或改填 " + LedgerColumn.UNIT_NAME + " 列,按名称精确匹配);须为已报到的单位"),
            Map.entry(LedgerColumn.DATE, "必填;活动期内且不晚于今天;可写 2020-06-15、2020/6/15、2020年6月15日 或 Excel 日期"),
            Map.entry(LedgerColumn.TITLE, "必填;最多 " + Bounds.TITLE_MAX + " 字"),
            Map.entry(LedgerColumn.CATEGORY, "选填;最多 " + Bounds.CATEGORY_MAX + " 字"),
            Map.entry(LedgerColumn.SITE, "选填;最多 " + Bounds.SITE_MAX + " 字"),
            Map.entry(LedgerColumn.SESSIONS, "必填;整数 " + Bounds.SESSIONS_MIN + "–" + Bounds.SESSIONS_MAX),
            Map.entry(LedgerColumn.PARTICIPATIONS, "必填;整数 0–" + Bounds.PARTICIPATIONS_MAX),
            Map.entry(LedgerColumn.SERVICE_HOURS, "必填;0–" + Bounds.SERVICE_HOURS_MAX + " 小时,以 "
                    + Bounds.SERVICE_HOURS_STEP + " 小时为单位"),
            Map.entry(LedgerColumn.BENEFICIARIES, "必填;整数 0–" + Bounds.BENEFICIARIES_MAX),
            Map.entry(LedgerColumn.NOTES, "选填;最多 " + Bounds.NOTES_MAX + " 字"));

    static final Map<UnitColumn, String> UNIT_RULES = Map.of(
            UnitColumn.UNIT_ID, "必填;1–64 位字母、数字、下划线或连字符",
            UnitColumn.NAME, "必填;最多 " + Bounds.UNIT_NAME_MAX + " 字",
            UnitColumn.TYPE, "必填;从下拉列表选择:" + String.join("、", typeLabels()),
            UnitColumn.DISTRICT, "必填;最多 " + Bounds.DISTRICT_MAX + " 字",
            UnitColumn.PARENT_UNIT_ID, "选填;已登记的单位,或本文件中前面各行的单位;实践站属实践所,实践所属实践中心");

    public byte[] ledger(String campaignId) {
        CampaignState campaign = campaigns.find(campaignId).orElseThrow(() -> new CampaignNotFound(campaignId));
        // a unit account is offered the units it may report for: its own and those below it
        Actor actor = CurrentActor.get();
        List<String> enrolled = campaign.enrolledUnits().stream().sorted().filter(u -> mayActFor(actor, u)).toList();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(DATA_SHEET);
            header(wb, sheet, Arrays.stream(LedgerColumn.values()).map(LedgerColumn::header).toList());
            LocalDate today = LocalDate.now(clock);
            LocalDate day = today.isBefore(campaign.endDate()) ? today : campaign.endDate();
            Row example = sheet.createRow(1);
            String unit = enrolled.isEmpty() ? "hd-xueyuanlu" : enrolled.get(0);
            Object[] values = {"", unit, day.isBefore(campaign.startDate()) ? campaign.startDate() : day,
                    "垃圾分类宣传进社区", "宣讲", "社区文化广场", 2, 15, 7.5, 120, "示例行,导入前请删除或改写"};
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            for (int c = 0; c < values.length; c++) {
                Cell cell = example.createCell(c);
                if (values[c] instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (values[c] instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(date);
                } else {
                    cell.setCellValue((String) values[c]);
                }
            }
            sheet.setDefaultColumnStyle(LedgerColumn.DATE.ordinal(), date);
            Sheet options = wb.createSheet(OPTIONS_SHEET);
            for (int i = 0; i < enrolled.size(); i++) {
                Row r = options.createRow(i);
                r.createCell(0).setCellValue(enrolled.get(i));
                String name = units.find(enrolled.get(i)).map(UnitState::name).orElse("");
                r.createCell(1).setCellValue(name);
            }
            wb.setSheetHidden(wb.getSheetIndex(options), true);
            DataValidationHelper dv = sheet.getDataValidationHelper();
            if (!enrolled.isEmpty()) {
                list(sheet, dv, dv.createFormulaListConstraint(OPTIONS_SHEET + "!$A$1:$A$" + enrolled.size()),
                        LedgerColumn.UNIT_ID.ordinal());
            }
            whole(sheet, dv, LedgerColumn.SESSIONS, Bounds.SESSIONS_MIN, Bounds.SESSIONS_MAX);
            whole(sheet, dv, LedgerColumn.PARTICIPATIONS, 0, Bounds.PARTICIPATIONS_MAX);
            whole(sheet, dv, LedgerColumn.BENEFICIARIES, 0, Bounds.BENEFICIARIES_MAX);
            guide(wb, Arrays.stream(LedgerColumn.values())
                    .map(c -> new String[]{c.header(), FieldLabels.of(c.field()), LEDGER_RULES.get(c)}).toList(),
                    "活动:" + campaign.title() + "(" + campaign.campaignId() + "),活动期 " + campaign.startDate()
                            + " 至 " + campaign.endDate() + "。第一张工作表为台账;第 1 行为列名,请勿改动。");
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] units() {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(UNITS_SHEET);
            header(wb, sheet, Arrays.stream(UnitColumn.values()).map(UnitColumn::header).toList());
            Row example = sheet.createRow(1);
            String[] values = {"hd-xueyuanlu-zhan", "学院路街道实践站", UnitType.PRACTICE_STATION.label(), "海淀区",
                    "hd-xueyuanlu"};
            for (int c = 0; c < values.length; c++) {
                example.createCell(c).setCellValue(values[c]);
            }
            DataValidationHelper dv = sheet.getDataValidationHelper();
            list(sheet, dv, dv.createExplicitListConstraint(typeLabels().toArray(String[]::new)),
                    UnitColumn.TYPE.ordinal());
            guide(wb, Arrays.stream(UnitColumn.values())
                    .map(c -> new String[]{c.header(), FieldLabels.of(c.field()), UNIT_RULES.get(c)}).toList(),
                    "第一张工作表为单位名册;第 1 行为列名,请勿改动。上级单位须先登记(或写在本文件更靠前的行)。");
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean mayActFor(Actor actor, String unitId) {
        try {
            ActingUnitPolicy.requireMayActFor(actor.primaryRole(), actor.unitId(), unitId, units);
            return true;
        } catch (NotYourUnit e) {
            return false;
        }
    }

    static List<String> typeLabels() {
        return Arrays.stream(UnitType.values()).map(UnitType::label).toList();
    }

    private static void header(Workbook wb, Sheet sheet, List<String> headers) {
        CellStyle bold = wb.createCellStyle();
        Font font = wb.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row row = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(headers.get(c));
            cell.setCellStyle(bold);
            sheet.setColumnWidth(c, 16 * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void list(Sheet sheet, DataValidationHelper dv, DataValidationConstraint constraint, int column) {
        DataValidation v = dv.createValidation(constraint, new CellRangeAddressList(1, VALIDATED_ROWS, column, column));
        v.setShowErrorBox(true);
        v.createErrorBox("请从列表中选择", "请从下拉列表中选择");
        sheet.addValidationData(v);
    }

    private static void whole(Sheet sheet, DataValidationHelper dv, LedgerColumn column, int min, int max) {
        DataValidationConstraint c = dv.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                Integer.toString(min), Integer.toString(max));
        DataValidation v = dv.createValidation(c,
                new CellRangeAddressList(1, VALIDATED_ROWS, column.ordinal(), column.ordinal()));
        v.setShowErrorBox(true);
        v.createErrorBox(column.header(), LEDGER_RULES.get(column));
        sheet.addValidationData(v);
    }

    private static void guide(Workbook wb, List<String[]> rows, String intro) {
        Sheet guide = wb.createSheet(GUIDE_SHEET);
        guide.createRow(0).createCell(0).setCellValue(intro);
        Row head = guide.createRow(2);
        String[] titles = {"列名", "含义", "填写要求"};
        for (int c = 0; c < titles.length; c++) {
            head.createCell(c).setCellValue(titles[c]);
        }
        List<String[]> all = new ArrayList<>(rows);
        for (int i = 0; i < all.size(); i++) {
            Row r = guide.createRow(3 + i);
            for (int c = 0; c < 3; c++) {
                r.createCell(c).setCellValue(all.get(i)[c]);
            }
        }
        guide.setColumnWidth(0, 14 * 256);
        guide.setColumnWidth(1, 16 * 256);
        guide.setColumnWidth(2, 80 * 256);
    }

    private static byte[] bytes(Workbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }
}
