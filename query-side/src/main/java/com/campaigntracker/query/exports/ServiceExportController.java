package com.campaigntracker.query.exports;

import com.campaigntracker.query.service.OrderFilter;
import com.campaigntracker.query.service.ServiceOrders;
import com.campaigntracker.query.service.ServiceQueryController;
import com.campaigntracker.query.service.ServiceViews.CategoryStats;
import com.campaigntracker.query.service.ServiceViews.DistrictStats;
import com.campaigntracker.query.service.ServiceViews.ProviderStats;
import com.campaigntracker.query.service.ServiceViews.ServiceOrderView;
import com.campaigntracker.query.service.ServiceViews.ServiceStatsView;
import com.campaigntracker.query.service.ServiceViews.StepMedian;
import com.campaigntracker.query.service.ServiceViews.UnservedDemand;
import com.campaigntracker.shared.service.OrderState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.campaigntracker.query.exports.ExportController.time;
import static com.campaigntracker.query.exports.Table.col;

/**
 * 服务订单 and 服务统计 as Excel / CSV: exactly what {@code GET /api/service-orders} and {@code /stats} answer the same
 * reader with the same filters (no paging), contact included only where the reader may see it.
 */
@RestController
@Tag(name = "导出")
public class ServiceExportController {
    private static final Map<String, String> STEP_LABELS = Map.of("REVIEW", "审单", "DISPATCH", "派单",
            "ACCEPT", "接单", "COMPLETE", "结项");

    private final ServiceOrders orders;
    private final ServiceQueryController queries;

    public ServiceExportController(ServiceOrders orders, ServiceQueryController queries) {
        this.orders = orders;
        this.queries = queries;
    }

    @GetMapping({"/api/service-orders.xlsx", "/api/service-orders.csv"})
    @Operation(summary = "导出服务订单 (Excel,或 CSV UTF-8 带 BOM)", description = "筛选条件与 GET /api/service-orders 相同,不分页")
    public void orders(@RequestParam(required = false) String state,
                       @RequestParam(required = false) String requestingUnitId,
                       @RequestParam(required = false) String providerUnitId,
                       @RequestParam(required = false) String district,
                       @RequestParam(required = false) String category,
                       @RequestParam(required = false) Boolean overdue,
                       @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                       @RequestParam(required = false) String inbox, HttpServletRequest request,
                       HttpServletResponse response) throws IOException {
        Table<ServiceOrderView> table = orders(OrderFilter.of(state, requestingUnitId, providerUnitId, district,
                category, overdue, from, to, inbox));
        if (request.getRequestURI().endsWith(".csv")) {
            ExportController.csv(response, "服务订单", table);
        } else {
            ExportController.xlsx(response, "服务订单", List.of(table));
        }
    }

    @GetMapping("/api/service-orders/stats.xlsx")
    @Operation(summary = "导出服务统计 (Excel)",
            description = "每项一张工作表:总计、用时中位数、各区、类别、服务方、未满足需求;参数与 GET /api/service-orders/stats 相同")
    public void statsXlsx(@RequestParam(required = false) String district,
                          @RequestParam(required = false) String category,
                          @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          HttpServletResponse response) throws IOException {
        ServiceStatsView s = queries.stats(OrderFilter.of(null, null, null, district, category, null, from, to, null));
        ExportController.xlsx(response, "服务统计", statsTables(s));
    }

    private Table<ServiceOrderView> orders(OrderFilter f) {
        ServiceOrders.Selection selection = orders.select(f);
        List<ServiceOrderView> rows = orders.views(ServiceOrders.inStates(selection, f.states()), selection.reader());
        return Table.of("服务订单", List.of(
                col("订单编号", ServiceOrderView::orderId),
                col("状态", o -> OrderState.valueOf(o.state()).label()),
                col("逾期", ServiceOrderView::overdue),
                col("待办环节", o -> o.overdueStep() == null ? null : STEP_LABELS.get(o.overdueStep())),
                col("办理时限", o -> time(o.dueAt())),
                col("服务项目", ServiceOrderView::projectTitle),
                col("类别", ServiceOrderView::category),
                col("群众需求(非菜单)", ServiceOrderView::free),
                col("点单单位编号", ServiceOrderView::requestingUnitId),
                col("点单单位", ServiceOrderView::requestingUnitName),
                col("所属区", ServiceOrderView::district),
                col("服务单位编号", ServiceOrderView::providerUnitId),
                col("服务单位", ServiceOrderView::providerName),
                col("期望开始日期", o -> date(o.wantedFrom())),
                col("期望结束日期", o -> date(o.wantedTo())),
                col("服务地点", ServiceOrderView::place),
                col("服务人数", ServiceOrderView::peopleToServe),
                col("联系方式", ServiceOrderView::contact),
                col("备注", ServiceOrderView::notes),
                col("点单时间", o -> o.placed() == null ? null : time(o.placed().at())),
                col("点单人", o -> o.placed() == null ? null : o.placed().user()),
                col("审单时间", o -> o.reviewed() == null ? null : time(o.reviewed().at())),
                col("派单时间", o -> o.dispatched() == null ? null : time(o.dispatched().at())),
                col("接单时间", o -> o.accepted() == null ? null : time(o.accepted().at())),
                col("结项时间", o -> o.completed() == null ? null : time(o.completed().at())),
                col("服务日期", o -> o.completion() == null ? null : date(o.completion().date())),
                col("场次", o -> o.completion() == null ? null : o.completion().sessions()),
                col("志愿者人次", o -> o.completion() == null ? null : o.completion().participations()),
                col("服务时长", o -> o.completion() == null ? null : o.completion().serviceHours()),
                col("受益人次", o -> o.completion() == null ? null : o.completion().beneficiaries()),
                col("服务小结", o -> o.completion() == null ? null : o.completion().summary()),
                col("评分", o -> o.rating() == null ? null : o.rating().score()),
                col("评价", o -> o.rating() == null ? null : o.rating().comment()),
                col("驳回原因", ServiceOrderView::rejectionReason),
                col("取消原因", ServiceOrderView::cancellationReason)), rows);
    }

    private static List<Table<?>> statsTables(ServiceStatsView s) {
        List<Map.Entry<String, Object>> totals = List.of(Map.entry("订单数", s.orders()),
                Map.entry("已完成", s.completed()), Map.entry("逾期", s.overdue()),
                Map.entry("完成率", s.completionRate() == null ? "—" : s.completionRate()),
                Map.entry("平均评分", s.averageRating() == null ? "—" : s.averageRating()),
                Map.entry("评价数", s.ratings()));
        return List.of(
                Table.of("总计", List.<Table.Column<Map.Entry<String, Object>>>of(col("指标", Map.Entry::getKey),
                        col("数值", Map.Entry::getValue)), totals),
                Table.of("用时中位数", List.<Table.Column<StepMedian>>of(col("环节", m -> STEP_LABELS.get(m.step())),
                        col("中位数(小时)", StepMedian::hours), col("订单数", StepMedian::samples)), s.medians()),
                Table.of("各区", List.<Table.Column<DistrictStats>>of(col("所属区", DistrictStats::district),
                        col("订单数", DistrictStats::orders), col("已完成", DistrictStats::completed),
                        col("完成率", DistrictStats::completionRate), col("逾期", DistrictStats::overdue),
                        col("各状态", d -> String.join("、", d.byState().stream().filter(x -> x.count() > 0)
                                .map(x -> OrderState.valueOf(x.state()).label() + " " + x.count()).toList())),
                        col("各类别", d -> String.join("、", d.byCategory().stream()
                                .map(x -> x.category() + " " + x.count()).toList()))), s.byDistrict()),
                Table.of("类别", List.<Table.Column<CategoryStats>>of(col("类别", CategoryStats::category),
                        col("订单数", CategoryStats::orders), col("群众需求(非菜单)", CategoryStats::freeRequests),
                        col("已完成", CategoryStats::completed), col("完成率", CategoryStats::completionRate),
                        col("平均评分", CategoryStats::averageRating), col("评价数", CategoryStats::ratings)),
                        s.byCategory()),
                Table.of("服务方", List.<Table.Column<ProviderStats>>of(col("单位编号", ProviderStats::unitId),
                        col("单位名称", ProviderStats::name), col("所属区", ProviderStats::district),
                        col("派单", ProviderStats::dispatched), col("接单", ProviderStats::accepted),
                        col("退单", ProviderStats::declined), col("结项", ProviderStats::completed),
                        col("平均评分", ProviderStats::averageRating), col("评价数", ProviderStats::ratings)),
                        s.byProvider()),
                Table.of("未满足需求", List.<Table.Column<UnservedDemand>>of(col("类别", UnservedDemand::category),
                        col("群众需求数", UnservedDemand::freeRequests),
                        col("涉及区", d -> String.join("、", d.districts()))), s.unservedDemand()));
    }

    private static LocalDate date(String day) {
        return day == null ? null : LocalDate.parse(day);
    }
}
