package com.campaigntracker.command.service;

import com.campaigntracker.command.Outcome;
import com.campaigntracker.command.api.Answers;
import com.campaigntracker.command.api.CommandAnswer;
import com.campaigntracker.command.api.CommandDispatcher;
import com.campaigntracker.command.api.CommandRequest;
import com.campaigntracker.command.api.FlatFigures;
import com.campaigntracker.command.rules.InvalidField;
import com.campaigntracker.command.rules.TextBounds;
import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.service.CompletionReport;
import com.campaigntracker.shared.service.ServiceCommands.AcceptServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.ApproveServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.CancelServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.CompleteServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.DeclineServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.DispatchServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.PlaceServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.RateServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.RejectServiceOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/**
 * 点单 → 审单 → 派单 → 接单 → 结项 → 评单. Who may take each step is decided per order by the {@link ServiceOrder}
 * aggregate (403 not-the-reviewer / not-the-provider / not-the-requester); every step repeated answers 200 and
 * appends nothing.
 */
@RestController
@RequestMapping("/api/service-orders")
@Tag(name = "服务单", description = "点单、审单、派单、接单、退单、结项、评单、取消(命令)")
public class ServiceOrderController {
    private final CommandDispatcher commands;

    public ServiceOrderController(CommandDispatcher commands) {
        this.commands = commands;
    }

    public record PlaceServiceOrderRequest(
            @Schema(description = "服务单编号;可选(省略时由服务器生成 UUID),重试时保持不变,重复提交不会重复下单",
                    pattern = "^[A-Za-z0-9_-]{1,64}$") String orderId,
            @Schema(description = "从服务菜单点单时的服务项目;自由需求时省略") String projectId,
            @Schema(description = "需求类别;自由需求必填,从菜单点单时可省略(取项目的类别)", example = "助老助残")
            String category,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "点单的实践站(或实践所)")
            String requestingUnitId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-07-20") LocalDate wantedFrom,
            @Schema(description = "期望服务截止日期;省略表示只在 wantedFrom 当天", example = "2026-07-25")
            LocalDate wantedTo,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = TextBounds.SITE_MAX) String place,
            @Schema(description = "服务人数,1–1000000") Integer peopleToServe,
            @Schema(description = "联系人及电话;只有处理该服务单的单位可见", maxLength = 100) String contact,
            @Schema(maxLength = TextBounds.NOTES_MAX) String notes) implements CommandRequest {
    }

    public record ReasonRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            maxLength = TextBounds.REASON_MAX) String reason) implements CommandRequest {
    }

    public record DispatchServiceOrderRequest(
            @Schema(description = "接单单位;省略时派给服务项目的提供单位(自由需求必填)") String providerUnitId)
            implements CommandRequest {
    }

    @Schema(description = "结项报告;数值范围同活动记录:场次 1–1000,志愿者人次 0–100000,服务时长 0–100000(0.5 小时为单位),"
                          + "受益人次 0–10000000")
    public record CompleteServiceOrderRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "服务日期,不晚于今天",
                    example = "2026-07-20") LocalDate date,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "1000") Integer sessions,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "100000")
            Integer participations,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "100000", multipleOf = 0.5)
            Double serviceHours,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "10000000")
            Integer beneficiaries,
            @Schema(maxLength = TextBounds.NOTES_MAX) String summary) implements CommandRequest {
    }

    public record RateServiceOrderRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "5") Integer score,
            @Schema(description = "评语;低于 3 分时必填", maxLength = 500) String comment) implements CommandRequest {
    }

    @PostMapping
    @Operation(summary = "点单", description = "201;完全相同的内容再次提交(重试)返回 200;同一编号内容不同返回 409")
    public ResponseEntity<CommandAnswer> place(@RequestBody PlaceServiceOrderRequest body) {
        String orderId = body.orderId() == null ? Answers.newId() : TextBounds.id("orderId", body.orderId());
        Outcome outcome = commands.send(new PlaceServiceOrder(orderId, body.projectId(), body.category(),
                        body.requestingUnitId(), body.wantedFrom(), body.wantedTo(), body.place(),
                        body.peopleToServe(), body.contact(), body.notes()),
                () -> new ServiceOrderIdConflict(orderId));
        return Answers.createdOrRepeated(outcome == Outcome.CHANGED, "/api/service-orders/" + orderId,
                CommandAnswer.serviceOrder(orderId));
    }

    @PostMapping("/{orderId}/approve")
    @Operation(summary = "审单通过", description = "点单单位的上级实践所、实践中心或协调员")
    public ResponseEntity<CommandAnswer> approve(@PathVariable String orderId) {
        return send(orderId, new ApproveServiceOrder(orderId));
    }

    @PostMapping("/{orderId}/reject")
    @Operation(summary = "审单驳回", description = "须填写原因;驳回后服务单结束")
    public ResponseEntity<CommandAnswer> reject(@PathVariable String orderId, @RequestBody ReasonRequest body) {
        return send(orderId, new RejectServiceOrder(orderId, body.reason()));
    }

    @PostMapping("/{orderId}/dispatch")
    @Operation(summary = "派单", description = "请求体可省略(派给服务项目的提供单位);尚未接单时可改派")
    public ResponseEntity<CommandAnswer> dispatch(@PathVariable String orderId,
                                                  @RequestBody(required = false) DispatchServiceOrderRequest body) {
        return send(orderId, new DispatchServiceOrder(orderId, body == null ? null : body.providerUnitId()));
    }

    @PostMapping("/{orderId}/accept")
    @Operation(summary = "接单", description = "服务单派给的单位(或其上级)")
    public ResponseEntity<CommandAnswer> accept(@PathVariable String orderId) {
        return send(orderId, new AcceptServiceOrder(orderId));
    }

    @PostMapping("/{orderId}/decline")
    @Operation(summary = "退单", description = "须填写原因;服务单回到待派单")
    public ResponseEntity<CommandAnswer> decline(@PathVariable String orderId, @RequestBody ReasonRequest body) {
        return send(orderId, new DeclineServiceOrder(orderId, body.reason()));
    }

    @PostMapping("/{orderId}/complete")
    @Operation(summary = "结项", description = "接单后由服务单位提交结项报告;关联活动进行中且服务单位已报到时,同时计入该活动")
    public ResponseEntity<CommandAnswer> complete(@PathVariable String orderId,
                                                  @RequestBody CompleteServiceOrderRequest body) {
        Figures figures = FlatFigures.of(body.sessions(), body.participations(), body.serviceHours(),
                body.beneficiaries());
        return send(orderId, new CompleteServiceOrder(orderId, new CompletionReport(body.date(), figures,
                body.summary())));
    }

    @PostMapping("/{orderId}/rate")
    @Operation(summary = "评单", description = "点单单位评分 1–5,每单一次;低于 3 分须填写评语")
    public ResponseEntity<CommandAnswer> rate(@PathVariable String orderId, @RequestBody RateServiceOrderRequest body) {
        if (body.score() == null) {
            throw InvalidField.missing("score");
        }
        return send(orderId, new RateServiceOrder(orderId, body.score(), body.comment()));
    }

    @PostMapping("/{orderId}/cancel")
    @Operation(summary = "取消服务单", description = "点单单位在服务单位接单前取消;须填写原因")
    public ResponseEntity<CommandAnswer> cancel(@PathVariable String orderId, @RequestBody ReasonRequest body) {
        return send(orderId, new CancelServiceOrder(orderId, body.reason()));
    }

    private ResponseEntity<CommandAnswer> send(String orderId, Object command) {
        TextBounds.id("orderId", orderId);
        commands.send(command, () -> new ServiceOrderNotFound(orderId));
        return Answers.ok(CommandAnswer.serviceOrder(orderId));
    }
}
