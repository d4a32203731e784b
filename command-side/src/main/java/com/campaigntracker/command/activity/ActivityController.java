package com.campaigntracker.command.activity;

import com.campaigntracker.command.Outcome;
import com.campaigntracker.command.api.Answers;
import com.campaigntracker.command.api.CommandAnswer;
import com.campaigntracker.command.api.CommandDispatcher;
import com.campaigntracker.command.api.CommandRequest;
import com.campaigntracker.command.api.FlatFigures;
import com.campaigntracker.command.rules.InvalidField;
import com.campaigntracker.command.rules.TextBounds;
import com.campaigntracker.shared.activity.ActivityCommands.CorrectActivity;
import com.campaigntracker.shared.activity.ActivityCommands.RecordActivity;
import com.campaigntracker.shared.activity.ActivityCommands.RetractActivity;
import com.campaigntracker.shared.activity.Figures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Map;

@RestController
@RequestMapping("/api/campaigns/{campaignId}/activities")
@Tag(name = "活动记录", description = "填报、更正、撤回活动记录(命令);记录从不删除")
public class ActivityController {
    private final CommandDispatcher commands;

    public ActivityController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @Schema(description = "数值范围见 FigureBounds:场次 1–1000,志愿者人次 0–100000,服务时长 0–100000(0.5 小时为单位),"
                          + "受益人次 0–10000000")
    public record RecordActivityRequest(
            @Schema(description = "客户端生成的编号(必填),重试时保持不变,重复提交不会重复计数", requiredMode = Schema.RequiredMode.REQUIRED,
                    pattern = "^[A-Za-z0-9_-]{1,64}$")
            String activityId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String unitId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-07-10") LocalDate date,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = TextBounds.TITLE_MAX) String title,
            @Schema(maxLength = TextBounds.CATEGORY_MAX) String category,
            @Schema(maxLength = TextBounds.SITE_MAX) String site,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "1000") Integer sessions,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "100000")
            Integer participations,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "100000", multipleOf = 0.5)
            Double serviceHours,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "10000000")
            Integer beneficiaries,
            @Schema(maxLength = TextBounds.NOTES_MAX) String notes) implements CommandRequest {
    }

    public record CorrectActivityRequest(
            @Schema(description = "可选;若提供须与路径一致") String activityId,
            @Schema(description = "可选;若提供须与原填报单位一致") String unitId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate date,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
            String category,
            String site,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer sessions,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer participations,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Double serviceHours,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer beneficiaries,
            String notes,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = TextBounds.REASON_MAX) String reason)
            implements CommandRequest {
    }

    @PostMapping
    @Operation(summary = "填报活动记录",
            description = "201;完全相同的内容再次提交(重试)不产生新事件,返回 200;同一编号内容不同返回 409")
    public ResponseEntity<CommandAnswer> record(@PathVariable String campaignId,
                                                      @RequestBody RecordActivityRequest body) {
        TextBounds.id("campaignId", campaignId);
        // Required, not generated: the client's own id is what makes a retried report idempotent.
        String activityId = TextBounds.id("activityId", body.activityId());
        TextBounds.id("unitId", body.unitId());
        Figures figures = FlatFigures.of(body.sessions(), body.participations(), body.serviceHours(), body.beneficiaries());
        Outcome outcome = commands.send(new RecordActivity(campaignId, activityId, body.unitId(), body.date(),
                        body.title(), body.category(), body.site(), figures, body.notes()),
                () -> new ActivityNotFound(campaignId, activityId));
        return Answers.createdOrRepeated(outcome == Outcome.CHANGED,
                "/api/campaigns/" + campaignId + "/activities/" + activityId,
                CommandAnswer.activity(campaignId, activityId, body.unitId()));
    }

    @PutMapping("/{activityId}")
    @Operation(summary = "更正活动记录", description = "须填写原因;内容与当前相同时不产生新事件")
    public ResponseEntity<CommandAnswer> correct(@PathVariable String campaignId,
                                                       @PathVariable String activityId,
                                                       @RequestBody CorrectActivityRequest body) {
        TextBounds.id("campaignId", campaignId);
        TextBounds.id("activityId", activityId);
        if (body.activityId() != null && !body.activityId().equals(activityId)) {
            throw new InvalidField("activityId", body.activityId(), "必须与路径中的编号 " + activityId + " 一致");
        }
        if (body.unitId() != null) {
            TextBounds.id("unitId", body.unitId());
        }
        Figures figures = FlatFigures.of(body.sessions(), body.participations(), body.serviceHours(), body.beneficiaries());
        Map<String, Object> metaData = body.unitId() == null ? Map.of()
                : Map.of(Activity.EXPECTED_UNIT_ID, body.unitId());
        commands.send(new CorrectActivity(campaignId, activityId, body.date(), body.title(), body.category(),
                        body.site(), figures, body.notes(), body.reason()), metaData,
                () -> new ActivityNotFound(campaignId, activityId));
        return Answers.ok(CommandAnswer.activity(campaignId, activityId, null));
    }

    @DeleteMapping("/{activityId}")
    @Operation(summary = "撤回活动记录", description = "须在查询参数 reason 中填写原因;记录不会被删除,只是不再计入")
    public ResponseEntity<CommandAnswer> retract(@PathVariable String campaignId,
                                                       @PathVariable String activityId,
                                                       @RequestParam String reason) {
        TextBounds.id("campaignId", campaignId);
        TextBounds.id("activityId", activityId);
        commands.send(new RetractActivity(campaignId, activityId, reason),
                () -> new ActivityNotFound(campaignId, activityId));
        return Answers.ok(CommandAnswer.activity(campaignId, activityId, null));
    }
}
