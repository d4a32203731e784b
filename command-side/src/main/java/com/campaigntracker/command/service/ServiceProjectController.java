package com.campaigntracker.command.service;

import com.campaigntracker.command.Outcome;
import com.campaigntracker.command.api.Answers;
import com.campaigntracker.command.api.CommandAnswer;
import com.campaigntracker.command.api.CommandDispatcher;
import com.campaigntracker.command.api.CommandRequest;
import com.campaigntracker.command.api.Districts;
import com.campaigntracker.command.rules.InvalidField;
import com.campaigntracker.command.rules.TextBounds;
import com.campaigntracker.shared.service.ServiceCommands.PublishServiceProject;
import com.campaigntracker.shared.service.ServiceCommands.ReviseServiceProject;
import com.campaigntracker.shared.service.ServiceCommands.WithdrawServiceProject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/service-projects")
@Tag(name = "服务菜单", description = "发布、修订、下架志愿服务项目(命令)")
public class ServiceProjectController {
    private final CommandDispatcher commands;
    private final Districts knownDistricts;

    public ServiceProjectController(CommandDispatcher commands, Districts knownDistricts) {
        this.commands = commands;
        this.knownDistricts = knownDistricts;
    }

    public record ServiceProjectRequest(
            @Schema(description = "服务项目编号;发布时可选(省略时由服务器生成 UUID),重试时保持不变;修订时可省略,若提供须与路径一致",
                    pattern = "^[A-Za-z0-9_-]{1,64}$") String projectId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = TextBounds.TITLE_MAX) String title,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "服务类别目录中的一项(tracker.service-orders.categories)",
                    example = "助老助残") String category,
            @Schema(maxLength = TextBounds.DESCRIPTION_MAX) String description,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "提供服务的单位(实践中心、所、基地、志愿服务队、区直单位)")
            String providerUnitId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "服务区域,1–20 个区", example = "[\"海淀区\"]")
            List<String> districts,
            @Schema(description = "每周可接单数,1–1000;省略表示未说明(仅供参考)") Integer weeklyCapacity,
            @Schema(description = "关联的活动(如学雷锋志愿服务月);其服务单结项时计入该活动") String campaignId)
            implements CommandRequest {
    }

    public record WithdrawServiceProjectRequest(@Schema(maxLength = TextBounds.REASON_MAX) String reason)
            implements CommandRequest {
    }

    @PostMapping
    @Operation(summary = "发布服务项目", description = "201;完全相同的内容再次提交(重试)不产生新事件,返回 200;同一编号内容不同返回 409")
    public ResponseEntity<CommandAnswer> publish(@RequestBody ServiceProjectRequest body) {
        String projectId = body.projectId() == null ? Answers.newId() : TextBounds.id("projectId", body.projectId());
        Outcome outcome = commands.send(new PublishServiceProject(projectId, body.title(), body.category(),
                        body.description(), body.providerUnitId(), districts(body), body.weeklyCapacity(),
                        body.campaignId()),
                () -> new ServiceProjectIdConflict(projectId));
        return Answers.createdOrRepeated(outcome == Outcome.CHANGED, "/api/service-projects/" + projectId,
                CommandAnswer.serviceProject(projectId));
    }

    @PostMapping("/{projectId}/revise")
    @Operation(summary = "修订服务项目", description = "以请求内容整体替换;内容不变时不产生新事件;已下架的项目不能修订(409)")
    public ResponseEntity<CommandAnswer> revise(@PathVariable String projectId,
                                                @RequestBody ServiceProjectRequest body) {
        TextBounds.id("projectId", projectId);
        if (body.projectId() != null && !body.projectId().equals(projectId)) {
            throw new InvalidField("projectId", body.projectId(), "必须与路径中的编号 " + projectId + " 一致");
        }
        commands.send(new ReviseServiceProject(projectId, body.title(), body.category(), body.description(),
                body.providerUnitId(), districts(body), body.weeklyCapacity(), body.campaignId()),
                () -> new ServiceProjectNotFound("projectId", projectId));
        return Answers.ok(CommandAnswer.serviceProject(projectId));
    }

    @PostMapping("/{projectId}/withdraw")
    @Operation(summary = "下架服务项目", description = "请求体可省略;再次下架不产生新事件;已下的服务单照常进行")
    public ResponseEntity<CommandAnswer> withdraw(@PathVariable String projectId,
                                                  @RequestBody(required = false) WithdrawServiceProjectRequest body) {
        TextBounds.id("projectId", projectId);
        commands.send(new WithdrawServiceProject(projectId, body == null ? null : body.reason()),
                () -> new ServiceProjectNotFound("projectId", projectId));
        return Answers.ok(CommandAnswer.serviceProject(projectId));
    }

    /** Each district one of {@code tracker.districts}: leaders' scopes match districts exactly. */
    private List<String> districts(ServiceProjectRequest body) {
        if (body.districts() != null) {
            body.districts().forEach(d -> knownDistricts.check("districts", d));
        }
        return body.districts();
    }
}
