package com.campaigntracker.command.campaign;

import com.campaigntracker.command.Outcome;
import com.campaigntracker.command.api.Answers;
import com.campaigntracker.command.api.CommandAnswer;
import com.campaigntracker.command.api.CommandDispatcher;
import com.campaigntracker.command.api.CommandRequest;
import com.campaigntracker.command.api.SpelledField;
import com.campaigntracker.command.rules.TextBounds;
import com.campaigntracker.shared.campaign.CampaignCommands.CancelCampaign;
import com.campaigntracker.shared.campaign.CampaignCommands.CloseCampaign;
import com.campaigntracker.shared.campaign.CampaignCommands.EnrollUnit;
import com.campaigntracker.shared.campaign.CampaignCommands.ExtendCampaign;
import com.campaigntracker.shared.campaign.CampaignCommands.LaunchCampaign;
import com.campaigntracker.shared.campaign.CampaignCommands.ReviseCampaign;
import com.campaigntracker.shared.campaign.CampaignCommands.WithdrawUnit;
import com.campaigntracker.shared.campaign.Targets;
import com.campaigntracker.shared.unit.UnitType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Set;

@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "活动", description = "发起、修订、延期、结束、取消活动;单位报到与退出(命令)")
public class CampaignController {
    private final CommandDispatcher commands;

    public CampaignController(CommandDispatcher commands) {
        this.commands = commands;
    }

    public record LaunchCampaignRequest(
            @Schema(description = "活动编号,可选;省略时由服务器生成 UUID", pattern = "^[A-Za-z0-9_-]{1,64}$")
            String campaignId,
            @Schema(description = "已弃用:campaignId 的旧名,仍被接受", deprecated = true,
                    pattern = "^[A-Za-z0-9_-]{1,64}$") String id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = TextBounds.TITLE_MAX) String title,
            @Schema(maxLength = TextBounds.THEME_MAX) String theme,
            @Schema(maxLength = TextBounds.DESCRIPTION_MAX) String description,
            @Schema(description = "所属区;null 表示全市范围", example = "顺义区") String district,
            @Schema(description = "可报到的单位类型;省略或为空表示所有类型") Set<UnitType> eligibleUnitTypes,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-06-01") LocalDate startDate,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-09-30") LocalDate endDate,
            Targets targets) implements CommandRequest {
    }

    public record ReviseCampaignRequest(String title, String description, Targets targets)
            implements CommandRequest {
    }

    public record ExtendCampaignRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate endDate)
            implements CommandRequest {
    }

    public record CancelCampaignRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason)
            implements CommandRequest {
    }

    public record EnrollUnitRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String unitId)
            implements CommandRequest {
    }

    @PostMapping
    @Operation(summary = "发起活动", description = "201,返回 campaignId")
    public ResponseEntity<CommandAnswer> launch(@RequestBody LaunchCampaignRequest body) {
        SpelledField given = SpelledField.of("campaignId", body.campaignId(), "id", body.id());
        String id = given.value() == null ? Answers.newId() : TextBounds.id(given.name(), given.value());
        try {
            commands.send(new LaunchCampaign(id, body.title(), body.theme(), body.description(), body.district(),
                    body.eligibleUnitTypes(), body.startDate(), body.endDate(), body.targets()), () -> notFound(id));
        } catch (CampaignAlreadyExists e) {
            throw new CampaignAlreadyExists(given.name(), id);
        }
        return Answers.created("/api/campaigns/" + id, CommandAnswer.campaign(id));
    }

    @PostMapping("/{campaignId}/revise")
    @Operation(summary = "修订活动", description = "修改标题、描述、目标;省略的字段保持不变")
    public ResponseEntity<CommandAnswer> revise(@PathVariable String campaignId,
                                                      @RequestBody ReviseCampaignRequest body) {
        send(campaignId, new ReviseCampaign(campaignId, body.title(), body.description(), body.targets()));
        return Answers.ok(CommandAnswer.campaign(campaignId));
    }

    @PostMapping("/{campaignId}/extend")
    @Operation(summary = "活动延期", description = "新的结束日期必须晚于原结束日期")
    public ResponseEntity<CommandAnswer> extend(@PathVariable String campaignId,
                                                      @RequestBody ExtendCampaignRequest body) {
        send(campaignId, new ExtendCampaign(campaignId, body.endDate()));
        return Answers.ok(CommandAnswer.campaign(campaignId));
    }

    @PostMapping("/{campaignId}/close")
    @Operation(summary = "结束活动", description = "结束后不再接受任何变更")
    public ResponseEntity<CommandAnswer> close(@PathVariable String campaignId) {
        send(campaignId, new CloseCampaign(campaignId));
        return Answers.ok(CommandAnswer.campaign(campaignId));
    }

    @PostMapping("/{campaignId}/cancel")
    @Operation(summary = "取消活动", description = "须填写原因")
    public ResponseEntity<CommandAnswer> cancel(@PathVariable String campaignId,
                                                      @RequestBody CancelCampaignRequest body) {
        send(campaignId, new CancelCampaign(campaignId, body.reason()));
        return Answers.ok(CommandAnswer.campaign(campaignId));
    }

    @PostMapping("/{campaignId}/enrollments")
    @Operation(summary = "单位报到", description = "201;重复报到不产生新事件,返回 200")
    public ResponseEntity<CommandAnswer> enroll(@PathVariable String campaignId,
                                                      @RequestBody EnrollUnitRequest body) {
        Outcome outcome = send(campaignId, new EnrollUnit(campaignId, body.unitId()));
        return Answers.createdOrRepeated(outcome == Outcome.CHANGED,
                "/api/campaigns/" + campaignId + "/enrollments/" + body.unitId(),
                CommandAnswer.enrolment(campaignId, body.unitId()));
    }

    @DeleteMapping("/{campaignId}/enrollments/{unitId}")
    @Operation(summary = "单位退出活动")
    public ResponseEntity<CommandAnswer> withdraw(@PathVariable String campaignId,
                                                        @PathVariable String unitId) {
        TextBounds.id("unitId", unitId);
        send(campaignId, new WithdrawUnit(campaignId, unitId));
        return Answers.ok(CommandAnswer.enrolment(campaignId, unitId));
    }

    private <R> R send(String campaignId, Object command) {
        TextBounds.id("campaignId", campaignId);
        return commands.send(command, () -> notFound(campaignId));
    }

    private static CampaignNotFound notFound(String campaignId) {
        return new CampaignNotFound(campaignId);
    }
}
