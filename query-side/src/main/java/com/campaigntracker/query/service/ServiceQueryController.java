package com.campaigntracker.query.service;

import com.campaigntracker.query.service.ServiceViews.DeadlineView;
import com.campaigntracker.query.service.ServiceViews.ServiceOrderPage;
import com.campaigntracker.query.service.ServiceViews.ServiceOrderView;
import com.campaigntracker.query.service.ServiceViews.ServiceProjectView;
import com.campaigntracker.query.service.ServiceViews.ServiceSettingsView;
import com.campaigntracker.query.service.ServiceViews.ServiceStatsView;
import com.campaigntracker.query.units.UnitDocument;
import com.campaigntracker.query.web.ApiException;
import com.campaigntracker.query.web.Params;
import com.campaigntracker.query.web.ReadScope;
import com.campaigntracker.security.ServiceOrderProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** 服务点单 reads: the 服务菜单, the orders (board, detail with timeline) and 服务统计. */
@RestController
@Tag(name = "服务点单", description = "服务菜单、点单订单（含时间线与逾期标记）和服务统计")
public class ServiceQueryController {
    private final ServiceRepository repository;
    private final ServiceOrders orders;
    private final ServiceOrderProperties settings;

    public ServiceQueryController(ServiceRepository repository, ServiceOrders orders,
                                  ServiceOrderProperties settings) {
        this.repository = repository;
        this.orders = orders;
        this.settings = settings;
    }

    @GetMapping("/api/service-categories")
    @Operation(summary = "服务类别与办理时限", description = "点单、发布项目可选的类别；各区审单、派单、接单时限（小时）")
    public ServiceSettingsView settings() {
        List<DeadlineView> deadlines = new ArrayList<>();
        deadlines.add(deadline(null, settings.deadlines(null)));
        settings.getDistricts().keySet().stream().sorted()
                .forEach(d -> deadlines.add(deadline(d, settings.deadlines(d))));
        return new ServiceSettingsView(List.copyOf(settings.getCategories()), deadlines);
    }

    private static DeadlineView deadline(String district, ServiceOrderProperties.Deadlines d) {
        return new DeadlineView(district, hours(d.getReview()), hours(d.getDispatch()), hours(d.getAccept()));
    }

    private static double hours(Duration d) {
        return d.toMinutes() / 60.0;
    }

    @GetMapping("/api/service-projects")
    @Operation(summary = "服务菜单", description = "区级账号与单位账号只看到服务本区或由本区单位提供的项目；默认不含已下架项目")
    public List<ServiceProjectView> projects(@RequestParam(required = false) String category,
                                             @RequestParam(required = false) String district,
                                             @RequestParam(required = false) String providerUnitId,
                                             @Parameter(description = "是否包含已下架的项目（默认否）")
                                             @RequestParam(required = false) Boolean includeWithdrawn) {
        String c = Params.blankToNull(category);
        String d = Params.blankToNull(district);
        String provider = Params.optionalId("providerUnitId", providerUnitId);
        ServiceReader reader = orders.reader();
        List<ServiceProjectDocument> visible = new ArrayList<>();
        for (ServiceProjectDocument p : repository.projects(c, provider)) {
            if ((Boolean.TRUE.equals(includeWithdrawn) || !p.isWithdrawn()) && reader.sees(p)
                    && (d == null || p.serves(d))) {
                visible.add(p);
            }
        }
        return projectViews(visible, reader);
    }

    @GetMapping("/api/service-projects/{id}")
    @Operation(summary = "一个服务项目")
    public ServiceProjectView project(@PathVariable String id) {
        Params.id("id", id);
        ServiceProjectDocument p = repository.project(id);
        if (p == null) {
            throw ApiException.notFound("服务项目 " + id + " 不存在");
        }
        ServiceReader reader = orders.reader();
        if (!reader.sees(p)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "无权查看",
                    "服务项目 " + id + " 不服务当前账号所在区，当前账号无权查看");
        }
        return projectViews(List.of(p), reader).get(0);
    }

    private List<ServiceProjectView> projectViews(List<ServiceProjectDocument> projects, ServiceReader reader) {
        Set<String> ids = new HashSet<>();
        projects.forEach(p -> ids.add(p.providerUnitId()));
        Map<String, UnitDocument> names = orders.units(ids);
        return projects.stream().map(p -> new ServiceProjectView(p.projectId(), p.title(), p.category(),
                p.description(), p.providerUnitId(), ServiceOrders.name(names, p.providerUnitId()),
                p.providerDistrict(), p.districts(), p.weeklyCapacity(), p.campaignId(), p.isWithdrawn(),
                p.withdrawalReason(), p.publishedAt(), p.publishedBy(), p.revisedAt(), reader.actions(p))).toList();
    }

    @GetMapping("/api/service-orders")
    @Operation(summary = "服务订单列表", description = "逾期且需当前账号办理的订单排在最前，其余按点单时间从新到旧。"
            + "单位账号看到本单位及下属单位点的单、待其审派的单和派给它的单；区级领导看到本区的单")
    public ServiceOrderPage list(@Parameter(description = "订单状态，可用逗号分隔多个") @RequestParam(required = false)
                                 String state,
                                 @RequestParam(required = false) String requestingUnitId,
                                 @RequestParam(required = false) String providerUnitId,
                                 @RequestParam(required = false) String district,
                                 @RequestParam(required = false) String category,
                                 @Parameter(description = "true: 只看逾期；false: 只看未逾期") @RequestParam(required = false)
                                 Boolean overdue,
                                 @Parameter(description = "点单日期起 (YYYY-MM-DD)") @RequestParam(required = false)
                                 String from,
                                 @Parameter(description = "点单日期止 (YYYY-MM-DD)") @RequestParam(required = false)
                                 String to,
                                 @Parameter(description = "placed: 本单位点的单；review: 待本单位审派的单；provider: 派给本单位的单")
                                 @RequestParam(required = false) String inbox,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        OrderFilter f = OrderFilter.of(state, requestingUnitId, providerUnitId, district, category, overdue, from, to,
                inbox);
        return orders.page(f, Params.range("page", page, 0, 0, 1_000_000), Params.range("size", size, 20, 1, 200));
    }

    @GetMapping("/api/service-orders/{id}")
    @Operation(summary = "一张服务订单及其时间线", description = "联系方式只对经办单位（点单单位、其上级审派单位、承接单位）和协调员显示")
    public ServiceOrderView order(@PathVariable String id) {
        Params.id("id", id);
        return orders.one(id);
    }

    @GetMapping("/api/service-orders/stats")
    @Operation(summary = "服务统计", description = "按区、类别、状态统计；审单、派单、接单、结项用时中位数（小时）；"
            + "完成率；各服务方与各类别的平均评分；菜单未覆盖的群众需求。筛选条件与订单列表相同（不含状态）")
    public ServiceStatsView stats(@RequestParam(required = false) String district,
                                  @RequestParam(required = false) String category,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to) {
        return stats(OrderFilter.of(null, null, null, district, category, null, from, to, null));
    }

    /** The statistics of {@code f} as the current reader may see them (also the export's). */
    public ServiceStatsView stats(OrderFilter f) {
        ServiceOrders.Selection selection = orders.select(f);
        String district = selection.reader().leader() ? ReadScope.effectiveDistrict(f.district()) : f.district();
        return ServiceStatistics.of(f, district, selection, repository.projects(f.category(), null), orders::units);
    }
}
