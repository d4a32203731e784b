package com.campaigntracker.command.unit;

import com.campaigntracker.command.api.Answers;
import com.campaigntracker.command.api.CommandAnswer;
import com.campaigntracker.command.api.CommandDispatcher;
import com.campaigntracker.command.api.CommandRequest;
import com.campaigntracker.command.rules.TextBounds;
import com.campaigntracker.shared.unit.UnitCommands.DeactivateUnit;
import com.campaigntracker.shared.unit.UnitCommands.RegisterUnit;
import com.campaigntracker.shared.unit.UnitCommands.RenameUnit;
import com.campaigntracker.shared.unit.UnitType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;


@RestController
@RequestMapping("/api/units")
@Tag(name = "单位", description = "登记、改名、停用单位(命令)")
public class UnitController {
    private final CommandDispatcher commands;

    public UnitController(CommandDispatcher commands) {
        this.commands = commands;
    }

    public record RegisterUnitRequest(
            @Schema(description = "可选;省略时由服务器生成 UUID", pattern = "^[A-Za-z0-9_-]{1,64}$") String unitId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = TextBounds.UNIT_NAME_MAX) String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "中文名称(如 实践所)或英文常量名")
            UnitType type,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "海淀区") String district,
            @Schema(description = "上级单位:实践站挂在实践所下,实践所挂在实践中心下") String parentUnitId)
            implements CommandRequest {
    }

    public record RenameUnitRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name)
            implements CommandRequest {
    }

    public record DeactivateUnitRequest(String reason) implements CommandRequest {
    }

    @PostMapping
    @Operation(summary = "登记单位", description = "201,返回 unitId")
    public ResponseEntity<CommandAnswer> register(@RequestBody RegisterUnitRequest body) {
        String unitId = body.unitId() == null ? Answers.newId() : TextBounds.id("unitId", body.unitId());
        commands.send(new RegisterUnit(unitId, body.name(), body.type(), body.district(), body.parentUnitId()),
                () -> new UnitNotFound("unitId", unitId));
        return Answers.created("/api/units/" + unitId, CommandAnswer.unit(unitId));
    }

    @PostMapping("/{unitId}/rename")
    @Operation(summary = "单位改名")
    public ResponseEntity<CommandAnswer> rename(@PathVariable String unitId,
                                                      @RequestBody RenameUnitRequest body) {
        TextBounds.id("unitId", unitId);
        commands.send(new RenameUnit(unitId, body.name()), () -> new UnitNotFound("unitId", unitId));
        return Answers.ok(CommandAnswer.unit(unitId));
    }

    @PostMapping("/{unitId}/deactivate")
    @Operation(summary = "停用单位", description = "请求体可省略;再次停用不产生新事件")
    public ResponseEntity<CommandAnswer> deactivate(
            @PathVariable String unitId, @RequestBody(required = false) DeactivateUnitRequest body) {
        TextBounds.id("unitId", unitId);
        commands.send(new DeactivateUnit(unitId, body == null ? null : body.reason()),
                () -> new UnitNotFound("unitId", unitId));
        return Answers.ok(CommandAnswer.unit(unitId));
    }
}
