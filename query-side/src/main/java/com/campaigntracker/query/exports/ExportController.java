package com.campaigntracker.query.exports;

import com.campaigntracker.query.campaigns.CampaignQueryController;
import com.campaigntracker.query.campaigns.CampaignSummary.Metric;
import com.campaigntracker.query.campaigns.Progress;
import com.campaigntracker.query.campaigns.Progress.HierarchyNode;
import com.campaigntracker.query.campaigns.Totals;
import com.campaigntracker.query.ledger.LedgerController;
import com.campaigntracker.query.ledger.LedgerFilter;
import com.campaigntracker.query.ledger.LedgerViews.ActivityView;
import com.campaigntracker.query.ledger.LedgerViews.HistoryItem;
import com.campaigntracker.query.projection.Docs;
import com.campaigntracker.query.units.UnitQueryController;
import com.campaigntracker.query.units.UnitViews.UnitSummary;
import com.campaigntracker.query.web.Params;
import com.campaigntracker.shared.sheets.LedgerColumn;
import com.campaigntracker.shared.sheets.UnitColumn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static com.campaigntracker.query.exports.Table.col;

/**
 * 导出: the activity ledger, the units registry, the audit trail and a campaign's progress as .xlsx (and the lists
 * as .csv), exactly what the JSON reads answer with the same filters and the same read scope — each export asks
 * the read's own controller, so a district leader exports only what it may read. Written straight to the response
 * while the rows are read, so an export of any length holds one page of rows at a time.
 */
@RestController
@Tag(name = "导出", description = "台账、单位名册、审计记录与活动进度导出为 Excel / CSV")
public class ExportController {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv;charset=UTF-8";

    private final LedgerController ledger;
    private final UnitQueryController units;
    private final CampaignQueryController campaigns;

    public ExportController(LedgerController ledger, UnitQueryController units, CampaignQueryController campaigns) {
        this.ledger = ledger;
        this.units = units;
        this.campaigns = campaigns;
    }

    @GetMapping("/api/campaigns/{id}/activities.xlsx")
    @Operation(summary = "导出活动台账 (Excel)", description = "筛选条件与 GET /api/campaigns/{id}/activities 相同,不分页")
    public void activitiesXlsx(@PathVariable String id, @RequestParam(required = false) String unitId,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               @RequestParam(required = false) String category,
                               @RequestParam(required = false) Boolean includeRetracted,
                               HttpServletResponse response) throws IOException {
        Table<ActivityView> table = activities(id, unitId, from, to, category, includeRetracted);
        xlsx(response, "台账-" + id, List.of(table));
    }

    @GetMapping("/api/campaigns/{id}/activities.csv")
    @Operation(summary = "导出活动台账 (CSV, UTF-8 带 BOM)")
    public void activitiesCsv(@PathVariable String id, @RequestParam(required = false) String unitId,
                              @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              @RequestParam(required = false) String category,
                              @RequestParam(required = false) Boolean includeRetracted,
                              HttpServletResponse response) throws IOException {
        Table<ActivityView> table = activities(id, unitId, from, to, category, includeRetracted);
        csv(response, "台账-" + id, table);
    }

    @GetMapping("/api/units.xlsx")
    @Operation(summary = "导出单位名册 (Excel)", description = "筛选条件与 GET /api/units 相同")
    public void unitsXlsx(@RequestParam(required = false) String district, @RequestParam(required = false) String type,
                          @RequestParam(required = false) String parentUnitId, HttpServletResponse response)
            throws IOException {
        xlsx(response, "单位名册", List.of(units(district, type, parentUnitId)));
    }

    @GetMapping("/api/units.csv")
    @Operation(summary = "导出单位名册 (CSV, UTF-8 带 BOM)")
    public void unitsCsv(@RequestParam(required = false) String district, @RequestParam(required = false) String type,
                         @RequestParam(required = false) String parentUnitId, HttpServletResponse response)
            throws IOException {
        csv(response, "单位名册", units(district, type, parentUnitId));
    }

    @GetMapping("/api/campaigns/{id}/history.xlsx")
    @Operation(summary = "导出审计记录 (Excel)")
    public void historyXlsx(@PathVariable String id, HttpServletResponse response) throws IOException {
        xlsx(response, "审计记录-" + id, List.of(history(id)));
    }

    @GetMapping("/api/campaigns/{id}/history.csv")
    @Operation(summary = "导出审计记录 (CSV, UTF-8 带 BOM)")
    public void historyCsv(@PathVariable String id, HttpServletResponse response) throws IOException {
        csv(response, "审计记录-" + id, history(id));
    }

    @GetMapping("/api/campaigns/{id}/progress.xlsx")
    @Operation(summary = "导出活动进度 (Excel)",
            description = "每项一张工作表:总计、各区、单位类型、单位层级、排行榜、未填报单位;参数与 GET /api/campaigns/{id}/progress 相同")
    public void progressXlsx(@PathVariable String id, @RequestParam(required = false) String asOf,
                             @RequestParam(required = false) String knownAt,
                             @RequestParam(required = false) Integer silentDays,
                             @RequestParam(required = false) Integer top, HttpServletResponse response)
            throws IOException {
        Progress p = campaigns.progress(id, asOf, knownAt, silentDays, top);
        xlsx(response, "进度-" + id + (p.asOf() == null ? "" : "-" + p.asOf()), ProgressTables.of(p));
    }

    private Table<ActivityView> activities(String id, String unitId, String from, String to, String category,
                                           Boolean includeRetracted) {
        var rows = ledger.rows(id, LedgerFilter.of(unitId, from, to, category, includeRetracted));
        List<Table.Column<ActivityView>> columns = new ArrayList<>();
        Map<LedgerColumn, Function<ActivityView, Object>> contract = Map.ofEntries(
                Map.entry(LedgerColumn.ACTIVITY_ID, ActivityView::activityId),
                Map.entry(LedgerColumn.UNIT_ID, ActivityView::unitId),
                Map.entry(LedgerColumn.DATE, a -> LocalDate.parse(a.date())),
                Map.entry(LedgerColumn.TITLE, ActivityView::title),
                Map.entry(LedgerColumn.CATEGORY, ActivityView::category),
                Map.entry(LedgerColumn.SITE, ActivityView::site),
                Map.entry(LedgerColumn.SESSIONS, a -> a.figures().sessions()),
                Map.entry(LedgerColumn.PARTICIPATIONS, a -> a.figures().participations()),
                Map.entry(LedgerColumn.SERVICE_HOURS, a -> a.figures().serviceHours()),
                Map.entry(LedgerColumn.BENEFICIARIES, a -> a.figures().beneficiaries()),
                Map.entry(LedgerColumn.NOTES, ActivityView::notes));
        for (LedgerColumn c : LedgerColumn.values()) {
            columns.add(col(c.header(), contract.get(c)));
        }
        columns.add(col("已撤回", ActivityView::retracted));
        columns.add(col("撤回原因", ActivityView::retractionReason));
        columns.add(col("更正次数", ActivityView::corrections));
        columns.add(col("填报人", ActivityView::recordedBy));
        columns.add(col("填报时间", a -> time(a.recordedAt())));
        columns.add(col("最后修改时间", a -> time(a.updatedAt())));
        return new Table<>("活动台账", columns, rows);
    }

    private Table<UnitSummary> units(String district, String type, String parentUnitId) {
        List<UnitSummary> list = units.list(district, type, parentUnitId, null);
        return Table.of("单位名册", List.of(
                col(UnitColumn.UNIT_ID.header(), UnitSummary::unitId),
                col(UnitColumn.NAME.header(), UnitSummary::name),
                col(UnitColumn.TYPE.header(), UnitSummary::type),
                col(UnitColumn.DISTRICT.header(), UnitSummary::district),
                col(UnitColumn.PARENT_UNIT_ID.header(), UnitSummary::parentUnitId),
                col("在用", UnitSummary::active)), list);
    }

    private Table<HistoryItem> history(String id) {
        return new Table<>("审计记录", List.of(
                col("序号", HistoryItem::n),
                col("事件", HistoryItem::type),
                col("时间", h -> time(h.at())),
                col("业务日期", h -> h.day() == null ? null : LocalDate.parse(h.day())),
                col("操作人", HistoryItem::user),
                col("角色", HistoryItem::role),
                col("活动记录编号", HistoryItem::activityId),
                col("单位编号", HistoryItem::unitId),
                col("事件流", HistoryItem::streamId),
                col("流内序号", HistoryItem::sequence),
                col("事件编号", HistoryItem::eventId)), ledger.historyRows(id));
    }

    /** A stored instant as a local date-time in Asia/Shanghai (a date cell), null kept. */
    static LocalDateTime time(String instant) {
        return instant == null ? null : LocalDateTime.ofInstant(Instant.parse(instant), Docs.ZONE);
    }

    static void xlsx(HttpServletResponse response, String name, List<Table<?>> tables) throws IOException {
        headers(response, XLSX, name + ".xlsx");
        try {
            XlsxWriter.write(tables, response.getOutputStream());
        } catch (RuntimeException e) {
            // the workbook is written out only at the end: a failure before then can still answer problem+json
            if (!response.isCommitted()) {
                response.reset();
            }
            throw e;
        }
    }

    static void csv(HttpServletResponse response, String name, Table<?> table) throws IOException {
        headers(response, CSV, name + ".csv");
        CsvWriter.write(table, response.getOutputStream());
    }

    private static void headers(HttpServletResponse response, String type, String filename) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
    }

    /** The progress view's parts, one sheet each. */
    static final class ProgressTables {
        private ProgressTables() {
        }

        static List<Table<?>> of(Progress p) {
            List<Table<?>> out = new ArrayList<>();
            var m = p.summary().metrics();
            List<Map.Entry<String, Metric>> metrics = List.of(Map.entry("场次", m.sessions()),
                    Map.entry("志愿者人次", m.participations()), Map.entry("服务时长", m.serviceHours()),
                    Map.entry("受益人次", m.beneficiaries()), Map.entry("报到单位数", m.enrolledUnits()));
            out.add(Table.of("总计", List.<Table.Column<Map.Entry<String, Metric>>>of(
                    col("指标", Map.Entry::getKey),
                    col("累计", e -> e.getValue().total()),
                    col("目标", e -> e.getValue().target()),
                    col("完成率(%)", e -> e.getValue().percent()),
                    col("应完成(%)", e -> e.getValue().expectedPercent()),
                    col("进度", e -> e.getValue().pacing() == null ? null : e.getValue().pacing().name()),
                    col("截至", e -> LocalDate.parse(p.summary().today()))), metrics));
            out.add(Table.of("各区", TotalsColumns.with(List.<Table.Column<Progress.DistrictRow>>of(
                    col("所属区", Progress.DistrictRow::district),
                    col("报到单位数", Progress.DistrictRow::enrolledUnits),
                    col("已填报单位数", Progress.DistrictRow::reportingUnits)), Progress.DistrictRow::totals), p.byDistrict()));
            out.add(Table.of("单位类型", TotalsColumns.with(List.<Table.Column<Progress.UnitTypeRow>>of(
                    col("单位类型", Progress.UnitTypeRow::unitType),
                    col("报到单位数", Progress.UnitTypeRow::enrolledUnits),
                    col("已填报单位数", Progress.UnitTypeRow::reportingUnits)), Progress.UnitTypeRow::totals), p.byUnitType()));
            List<Level> levels = new ArrayList<>();
            p.hierarchy().forEach(n -> flatten(n, 0, null, levels));
            out.add(Table.of("单位层级", TotalsColumns.with(List.<Table.Column<Level>>of(
                    col("层级", Level::depth),
                    col("单位编号", l -> l.node().unitId()),
                    col("单位名称", l -> l.node().name()),
                    col("单位类型", l -> l.node().type()),
                    col("所属区", l -> l.node().district()),
                    col("上级单位编号", Level::parentUnitId),
                    col("已报到", l -> l.node().enrolled())), l -> l.node().total()), levels));
            out.add(Table.of("排行榜", TotalsColumns.with(List.<Table.Column<Progress.LeaderboardRow>>of(
                    col("名次", Progress.LeaderboardRow::rank),
                    col("单位编号", r -> r.unit().unitId()),
                    col("单位名称", r -> r.unit().name()),
                    col("单位类型", r -> r.unit().type()),
                    col("所属区", r -> r.unit().district())), Progress.LeaderboardRow::totals,
                    col("最近活动日期", r -> date(r.lastActivityDate()))), p.leaderboard()));
            out.add(Table.of("未填报单位", List.<Table.Column<Progress.SilentUnit>>of(
                    col("单位编号", s -> s.unit().unitId()),
                    col("单位名称", s -> s.unit().name()),
                    col("单位类型", s -> s.unit().type()),
                    col("所属区", s -> s.unit().district()),
                    col("最近活动日期", s -> date(s.lastActivityDate())),
                    col("未填报天数", Progress.SilentUnit::daysSilent)), p.silentUnits()));
            return out;
        }

        /** A node of the hierarchy with its depth and parent (the sheet lists the tree depth first). */
        record Level(int depth, String parentUnitId, HierarchyNode node) {
        }

        private static void flatten(HierarchyNode n, int depth, String parent, List<Level> out) {
            out.add(new Level(depth, parent, n));
            n.children().forEach(c -> flatten(c, depth + 1, n.unitId(), out));
        }

        private static LocalDate date(String day) {
            return day == null ? null : LocalDate.parse(day);
        }
    }

    /** The five figures of {@link Totals} as columns, after a view's own. */
    static final class TotalsColumns {
        private TotalsColumns() {
        }

        @SafeVarargs
        static <T> List<Table.Column<T>> with(List<Table.Column<T>> own, Function<T, Totals> totals,
                                               Table.Column<T>... after) {
            List<Table.Column<T>> all = new ArrayList<>(own);
            all.add(col("场次", r -> totals.apply(r).sessions()));
            all.add(col("志愿者人次", r -> totals.apply(r).participations()));
            all.add(col("服务时长", r -> totals.apply(r).serviceHours()));
            all.add(col("受益人次", r -> totals.apply(r).beneficiaries()));
            all.add(col("活动数", r -> totals.apply(r).activities()));
            all.addAll(List.of(after));
            return all;
        }
    }
}
