package com.campaigntracker.query.briefing;

import com.campaigntracker.query.briefing.CampaignFigures.CampaignSummary;
import com.campaigntracker.query.projection.Docs;
import com.campaigntracker.query.web.ApiException;
import com.campaigntracker.query.web.Params;
import com.campaigntracker.query.web.ReadScope;
import com.campaigntracker.security.Actor;
import com.campaigntracker.security.CurrentActor;
import com.campaigntracker.security.Role;
import com.campaigntracker.shared.briefing.BriefingEvents.BriefingIssued;
import com.campaigntracker.shared.briefing.BriefingText.Briefing;
import com.campaigntracker.shared.briefing.BriefingText.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** 简报: drafts from the projections, the issued briefings, and both as Word and PDF. */
@RestController
@RequestMapping("/api/briefings")
@Tag(name = "简报", description = "起草(按活动/区/全市与截至日期)、已印发简报、导出 Word 与 PDF;印发见命令端 POST /api/briefings")
@EnableConfigurationProperties(BriefingProperties.class)
public class BriefingController {
    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final BriefingFigureSource source;
    private final IssuedBriefings issued;
    private final BriefingProperties properties;
    private final BriefingExports exports;
    private final Clock clock;

    public BriefingController(BriefingFigureSource source, IssuedBriefings issued, BriefingProperties properties,
                              BriefingExports exports, ObjectProvider<Clock> clock) {
        this.source = source;
        this.issued = issued;
        this.properties = properties;
        this.exports = exports;
        this.clock = clock.getIfUnique(() -> Clock.system(Docs.ZONE));
    }

    public record DraftRequest(
            @Schema(description = "{campaignId} | {district, from, to} | {from, to};省略 from/to 时为截至日期所在年度")
            Scope scope,
            @Schema(description = "截至日期,默认今天") LocalDate asOf,
            @Schema(description = "district(每区一段,默认)或 campaign(每项活动一段)") String groupBy,
            @Schema(description = "印发单位 key(tracker.briefing.offices[...].key);默认按区或第一个") String office,
            @Schema(description = "是否附精确数字附表") Boolean appendix) {
    }

    public record OfficeView(String key, String name, String title, String column, String district,
                             boolean mayIssue) {
    }

    public record IssuedSummary(String briefingId, String office, String officeName, String title, int issueNo,
                                int totalIssueNo, LocalDate issuedOn, String issuedBy, Scope scope, LocalDate asOf,
                                String docx, String pdf) {
    }

    public record IssuedView(String briefingId, int issueNo, int totalIssueNo, LocalDate issuedOn, String issuedBy,
                             Briefing briefing, String docx, String pdf) {
    }

    @GetMapping("/offices")
    @Operation(summary = "可用的印发单位", description = "mayIssue: 当前账号能否以该单位印发")
    public List<OfficeView> offices() {
        Actor actor = CurrentActor.get();
        String own = ReadScope.district();
        return properties.offices().stream()
                .filter(o -> own == null || o.getDistrict() == null || own.equals(o.getDistrict()))
                .map(o -> new OfficeView(o.getKey(), o.getName(), o.getTitle(), o.getColumn(), o.getDistrict(),
                        actor.actsForAnyUnit() || (actor.has(Role.LEADER) && properties.isLeadersMayIssue()
                                && (actor.district() == null || actor.district().equals(o.getDistrict())))))
                .toList();
    }

    @PostMapping("/drafts")
    @Operation(summary = "起草简报", description = "按范围与截至日期起草:报头、栏目、每区(或每项活动)一段、来源、版记、附表")
    public Briefing draft(@RequestBody DraftRequest request,
                          @RequestParam(required = false) @Schema(description = "等读模型追上该事件位置(≤5 秒)")
                          Long minPosition) {
        if (minPosition != null) {
            if (minPosition < 0) {
                throw ApiException.badRequest("参数 minPosition 无效: 须为非负整数");
            }
            source.awaitPosition(minPosition);
        }
        LocalDate today = LocalDate.now(clock);
        Scope scope = request.scope() == null ? new Scope(null, null, null, null) : request.scope();
        LocalDate asOf = request.asOf() == null ? today : request.asOf();
        if (asOf.isAfter(today)) {
            throw ApiException.badRequest("字段 截至日期(asOf) 不能晚于今天 " + today);
        }
        String groupBy = request.groupBy() == null ? BriefingDrafter.BY_DISTRICT : request.groupBy();
        if (!List.of(BriefingDrafter.BY_DISTRICT, BriefingDrafter.BY_CAMPAIGN).contains(groupBy)) {
            throw ApiException.badRequest("字段 分段方式(groupBy) 须为 district 或 campaign");
        }
        String own = ReadScope.district();
        String district = Params.blankToNull(scope.district());
        if (own != null) {
            if (district != null && !own.equals(district)) {
                throw new ApiException(HttpStatus.FORBIDDEN, "无权起草",
                        "当前账号只能起草 " + own + " 的简报,不能起草 " + district + " 的");
            }
            district = own;
        }
        List<CampaignFigures> figures;
        Scope normalized;
        if (scope.campaignId() != null) {
            String id = Params.id("campaignId", scope.campaignId());
            CampaignFigures f = source.figures(id, asOf);
            ReadScope.requireCampaign(id, f.district());
            figures = List.of(f);
            normalized = new Scope(id, district, null, null);
        } else {
            LocalDate from = scope.from() == null ? asOf.withDayOfYear(1) : scope.from();
            LocalDate to = scope.to() == null ? asOf : scope.to();
            if (from.isAfter(to)) {
                throw ApiException.badRequest("字段 起始日期(scope.from) 不能晚于 结束日期(scope.to)");
            }
            figures = inPeriod(district, from, to, asOf);
            normalized = new Scope(null, district, from, to);
        }
        if (figures.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "范围内没有活动",
                    "所选范围(" + (district == null ? "全市" : district) + ")在该期间没有已开始的活动,无法起草简报");
        }
        BriefingProperties.Office office = office(request.office(), district);
        return BriefingDrafter.draft(office, issued.next(office, today), today, normalized, asOf, groupBy, district,
                figures, Boolean.TRUE.equals(request.appendix()));
    }

    private List<CampaignFigures> inPeriod(String district, LocalDate from, LocalDate to, LocalDate asOf) {
        return source.campaigns().stream()
                .filter(c -> !"CANCELLED".equals(c.status()))
                .filter(c -> !c.start().isAfter(to) && !c.end().isBefore(from) && !c.start().isAfter(asOf))
                .filter(c -> district == null || c.district() == null || district.equals(c.district()))
                .sorted(Comparator.comparing(CampaignSummary::start).thenComparing(CampaignSummary::campaignId))
                .map(c -> source.figures(c.campaignId(), asOf))
                .filter(f -> district == null || district.equals(f.district())
                        || f.districts().stream().anyMatch(d -> district.equals(d.district())))
                .toList();
    }

    private BriefingProperties.Office office(String key, String district) {
        if (key != null) {
            BriefingProperties.Office o = properties.office(key).orElseThrow(() ->
                    ApiException.notFound("印发单位 " + key + " 未配置(tracker.briefing.offices)"));
            String own = ReadScope.district();
            if (own != null && o.getDistrict() != null && !own.equals(o.getDistrict())) {
                throw new ApiException(HttpStatus.FORBIDDEN, "无权起草", "当前账号不能以 " + o.getKey() + " 的名义起草");
            }
            return o;
        }
        List<BriefingProperties.Office> all = properties.offices();
        return all.stream().filter(o -> district != null && district.equals(o.getDistrict())).findFirst()
                .or(() -> all.stream().filter(o -> o.getDistrict() == null).findFirst())
                .orElse(all.get(0));
    }

    @PostMapping(value = "/drafts.docx", produces = "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    @Operation(summary = "草稿导出为 Word")
    public ResponseEntity<byte[]> draftDocx(@RequestBody Briefing briefing) {
        return file(exports.docx(briefing), DOCX, name(briefing) + ".docx");
    }

    @PostMapping(value = "/drafts.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "草稿导出为 PDF(嵌入中文字体)")
    public ResponseEntity<byte[]> draftPdf(@RequestBody Briefing briefing) {
        return file(exports.pdf(briefing), MediaType.APPLICATION_PDF, name(briefing) + ".pdf");
    }

    @GetMapping
    @Operation(summary = "已印发的简报", description = "按印发日期筛选:from、to(含);按 office 筛选")
    public List<IssuedSummary> list(@RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String office) {
        LocalDate f = Params.date("from", from);
        LocalDate t = Params.date("to", to);
        return issued.all().stream()
                .filter(this::visible)
                .filter(b -> office == null || office.equals(b.office()))
                .filter(b -> f == null || !b.issuedOn().isBefore(f))
                .filter(b -> t == null || !b.issuedOn().isAfter(t))
                .sorted(Comparator.comparing(BriefingIssued::issuedOn).thenComparing(BriefingIssued::totalIssueNo)
                        .reversed())
                .map(b -> new IssuedSummary(b.briefingId(), b.office(), b.briefing().officeName(),
                        b.briefing().title(), b.issueNo(), b.totalIssueNo(), b.issuedOn(), b.issuedBy(),
                        b.briefing().scope(), b.briefing().asOf(), url(b, ".docx"), url(b, ".pdf")))
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "一期已印发的简报", description = "全文、数字及其来源(每个数字链接到活动的截至日进度、历史与台账)")
    public IssuedView one(@PathVariable String id) {
        BriefingIssued b = find(id);
        return new IssuedView(b.briefingId(), b.issueNo(), b.totalIssueNo(), b.issuedOn(), b.issuedBy(),
                b.briefing(), url(b, ".docx"), url(b, ".pdf"));
    }

    @GetMapping(value = "/{id}.docx", produces = "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    @Operation(summary = "已印发简报导出为 Word")
    public ResponseEntity<byte[]> docx(@PathVariable String id) {
        Briefing b = find(id).briefing();
        return file(exports.docx(b), DOCX, name(b) + ".docx");
    }

    @GetMapping(value = "/{id}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "已印发简报导出为 PDF(嵌入中文字体)")
    public ResponseEntity<byte[]> pdf(@PathVariable String id) {
        Briefing b = find(id).briefing();
        return file(exports.pdf(b), MediaType.APPLICATION_PDF, name(b) + ".pdf");
    }

    private BriefingIssued find(String id) {
        Params.id("id", id);
        BriefingIssued b = issued.find(id).orElseThrow(() -> ApiException.notFound("简报 " + id + " 不存在"));
        if (!visible(b)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "无权查看", "简报 " + id + " 不属于当前账号所在的区");
        }
        return b;
    }

    /** A district leader reads the briefings of its district (by scope or by issuing office). */
    private boolean visible(BriefingIssued b) {
        String own = ReadScope.district();
        if (own == null) {
            return true;
        }
        String officeDistrict = properties.office(b.office()).map(BriefingProperties.Office::getDistrict)
                .orElse(null);
        Scope s = b.briefing().scope();
        return own.equals(officeDistrict) || (s != null && own.equals(s.district()));
    }

    private static String url(BriefingIssued b, String ext) {
        return "/api/briefings/" + b.briefingId() + ext;
    }

    private static String name(Briefing b) {
        String title = Objects.requireNonNullElse(b.title(), BriefingProperties.DEFAULT_TITLE);
        return b.issueNo() == null ? title : title + "第" + b.issueNo() + "期";
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}
