package com.campaigntracker.command.briefing;

import com.campaigntracker.command.api.Answers;
import com.campaigntracker.command.api.CommandDispatcher;
import com.campaigntracker.command.api.ConcurrentModification;
import com.campaigntracker.command.rules.InvalidField;
import com.campaigntracker.command.rules.TextBounds;
import com.campaigntracker.security.Actor;
import com.campaigntracker.security.CurrentActor;
import com.campaigntracker.security.Role;
import com.campaigntracker.shared.briefing.BriefingCommands;
import com.campaigntracker.shared.briefing.BriefingCommands.IssueBriefing;
import com.campaigntracker.shared.briefing.BriefingText;
import com.campaigntracker.shared.briefing.BriefingText.Briefing;
import com.campaigntracker.shared.briefing.BriefingText.Footer;
import com.campaigntracker.shared.briefing.BriefingText.Section;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** 印发简报: the edited draft becomes the office's next issue. */
@RestController
@RequestMapping("/api/briefings")
@Tag(name = "简报", description = "印发简报(命令);起草、查询与导出见查询端")
@EnableConfigurationProperties(BriefingIssueProperties.class)
public class BriefingIssueController {
    /** Two people issuing at once clash on the series' stream; each clash is retried on the fresh numbers. */
    static final int ATTEMPTS = 20;

    private final CommandDispatcher commands;
    private final BriefingIssueProperties properties;
    private final boolean leadersMayIssue;
    private final Clock clock;

    public BriefingIssueController(CommandDispatcher commands, BriefingIssueProperties properties,
                                   @Value("${tracker.briefing.leaders-may-issue:false}") boolean leadersMayIssue,
                                   ObjectProvider<Clock> clock) {
        this.commands = commands;
        this.properties = properties;
        this.leadersMayIssue = leadersMayIssue;
        this.clock = clock.getIfUnique(() -> Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    /** The answer to an issue: the briefing's id and its numbers. */
    public record IssuedAnswer(String briefingId, int issueNo, int totalIssueNo, Long position) {
    }

    @PostMapping
    @Operation(summary = "印发简报", description = "请求体为(编辑后的)草稿;201 返回 briefingId、期数与总期数。"
            + "同一 briefingId 以相同内容重试不产生新的一期(200)")
    public ResponseEntity<IssuedAnswer> issue(@RequestBody Briefing body) {
        if (body == null) {
            throw InvalidField.missing("briefing");
        }
        Actor actor = CurrentActor.get();
        String officeKey = TextBounds.id("office", body.office());
        BriefingIssueProperties.Office office = properties.office(officeKey)
                .orElseThrow(() -> new UnknownOffice(officeKey));
        mayIssue(actor, office);
        Briefing briefing = valid(body);
        IssueBriefing command = new IssueBriefing(BriefingCommands.seriesId(officeKey), officeKey,
                office.getTotalIssueBase(), LocalDate.now(clock), actor.username(), briefing);
        BriefingSeries.Issued issued = send(command);
        IssuedAnswer answer = new IssuedAnswer(issued.briefingId(), issued.issueNo(), issued.totalIssueNo(),
                position());
        return issued.outcome() == com.campaigntracker.command.Outcome.CHANGED
                ? ResponseEntity.created(URI.create("/api/briefings/" + issued.briefingId())).body(answer)
                : ResponseEntity.status(HttpStatus.OK).body(answer);
    }

    private static Long position() {
        java.util.OptionalLong p = com.campaigntracker.eventstore.AppendPosition.lastAppended();
        return p.isPresent() ? p.getAsLong() : null;
    }

    private BriefingSeries.Issued send(IssueBriefing command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.send(command, () -> new UnknownOffice(command.office()));
            } catch (ConcurrentModification e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private void mayIssue(Actor actor, BriefingIssueProperties.Office office) {
        if (actor.actsForAnyUnit()) {
            return;
        }
        if (!actor.has(Role.LEADER) || !leadersMayIssue) {
            throw new NotAllowedToIssue("只有协调员可以印发简报" + (actor.has(Role.LEADER)
                    ? "(领导账号可印发须配置 tracker.briefing.leaders-may-issue=true)" : ""));
        }
        if (actor.district() != null && !actor.district().equals(office.getDistrict())) {
            throw new NotAllowedToIssue("当前账号只能以 " + actor.district() + " 的印发单位印发简报,"
                    + "印发单位 " + office.getKey() + " 不属于该区");
        }
    }

    /**
     * The server keeps its own numbers, date and office key; the field rules are the records' constraints, checked
     * with the command on the bus.
     */
    static Briefing valid(Briefing b) {
        String id = b.briefingId() == null ? Answers.newId() : b.briefingId();
        String title = b.title();
        List<Section> sections = b.sections();
        Footer f = b.footer();
        return new Briefing(id, b.office(), b.officeName(), title, null, null, null, b.column(), sections, f,
                b.appendix(), b.scope(), b.asOf(), b.groupBy());
    }
}
