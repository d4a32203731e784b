package com.campaigntracker.command.imports;

import com.campaigntracker.command.Outcome;
import com.campaigntracker.command.activity.Activity;
import com.campaigntracker.command.activity.ActivityNotFound;
import com.campaigntracker.command.api.CommandDispatcher;
import com.campaigntracker.command.campaign.CampaignLookup;
import com.campaigntracker.command.campaign.CampaignNotFound;
import com.campaigntracker.command.campaign.CampaignState;
import com.campaigntracker.command.imports.ImportViews.ApplyRequest;
import com.campaigntracker.command.imports.ImportViews.ImportPreview;
import com.campaigntracker.command.imports.ImportViews.ImportStatus;
import com.campaigntracker.command.imports.ImportViews.RowError;
import com.campaigntracker.command.rules.InvalidField;
import com.campaigntracker.command.rules.RuleViolation;
import com.campaigntracker.command.unit.Unit;
import com.campaigntracker.command.unit.UnitLookup;
import com.campaigntracker.command.unit.UnitNotFound;
import com.campaigntracker.command.unit.UnitState;
import com.campaigntracker.security.Actor;
import com.campaigntracker.security.CurrentActor;
import com.campaigntracker.shared.AuditMetadata;
import com.campaigntracker.shared.activity.ActivityCommands.CorrectActivity;
import com.campaigntracker.shared.activity.ActivityCommands.RecordActivity;
import com.campaigntracker.shared.unit.UnitCommands.RegisterUnit;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * 台账 and 单位名册 imports: an upload is kept as a file and previewed — every row's command dry-run through the
 * command bus ({@link DryRun}), nothing written — then applied on request, row by row, as ordinary commands
 * carrying the import's id and the row number in their metadata (so on every event). Applies run one at a time
 * in the background; a row's outcome is that of its command, so applying a file again adds nothing.
 */
@Component
public class Imports {
    /** At most this many row errors (and conflicts) are listed in an answer; the counts are always complete. */
    static final int LISTED = 1000;
    private static final String UNCHANGED = "未变化(与已有记录相同,不重复计数)";
    private static final Logger log = LoggerFactory.getLogger(Imports.class);

    private final CommandGateway gateway;
    private final CommandDispatcher commands;
    private final CampaignLookup campaigns;
    private final UnitLookup units;
    private final Clock clock;
    private final int maxRows;
    private final Path directory;
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("^imp-[0-9a-f-]{36}$");
    private static final com.fasterxml.jackson.databind.ObjectMapper SAVED = new com.fasterxml.jackson.databind.ObjectMapper();
    /** Imports in memory; one forgotten (after two idle days, or beyond 1,000) takes its files with it. */
    private final Cache<String, Job> jobs = Caffeine.newBuilder().maximumSize(1_000)
            .expireAfterAccess(Duration.ofDays(2))
            .<String, Job>removalListener((id, job, cause) -> {
                if (cause.wasEvicted() && job != null) {
                    delete(job);
                }
            }).build();
    private final ExecutorService applier = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tracker-imports");
        t.setDaemon(true);
        return t;
    });

    public Imports(CommandGateway gateway, CommandDispatcher commands, CampaignLookup campaigns, UnitLookup units,
                   Clock clock, @Value("${tracker.imports.max-rows:100000}") int maxRows,
                   @Value("${tracker.data-dir:./data}") String dataDir) {
        this.gateway = gateway;
        this.commands = commands;
        this.campaigns = campaigns;
        this.units = units;
        this.clock = clock;
        this.maxRows = maxRows;
        this.directory = Path.of(dataDir, "imports");
    }

    enum ImportKind { LEDGER, UNITS }

    /** One upload: its file, who uploaded it (the commands act as that account), its preview and its apply. */
    static final class Job {
        final String id;
        final ImportKind kind;
        final String campaignId;
        final Path file;
        final String filename;
        final Actor actor;
        volatile String status = "VALIDATED";
        int rows;
        int valid;
        int previewUnchanged;
        int previewConflicts;
        int invalid;
        final List<RowError> errors = new ArrayList<>();
        final List<RowError> conflictRows = new ArrayList<>();
        volatile int processed;
        volatile int applied;
        volatile int unchanged;
        volatile int conflicts;
        volatile int failed;
        final List<RowError> applyErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile Instant startedAt;
        volatile Instant finishedAt;
        /** The result of each row that was not simply valid (preview) or applied (apply), for the report. */
        final Map<Integer, String> previewResults = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<Integer, String> applyResults = new java.util.concurrent.ConcurrentHashMap<>();

        Job(String id, ImportKind kind, String campaignId, Path file, String filename, Actor actor) {
            this.id = id;
            this.kind = kind;
            this.campaignId = campaignId;
            this.file = file;
            this.filename = filename;
            this.actor = actor;
        }
    }

    /** What a row asks for: its command, or why it cannot be one. */
    record Parsed(int row, Object command, List<RowError> errors) {
    }

    public ImportPreview previewLedger(String campaignId, MultipartFile upload) {
        CampaignState campaign = campaigns.find(campaignId).orElseThrow(() -> new CampaignNotFound(campaignId));
        Job job = store(upload, ImportKind.LEDGER, campaign.campaignId());
        preview(job);
        return keep(job);
    }

    public ImportPreview previewUnits(MultipartFile upload) {
        Job job = store(upload, ImportKind.UNITS, null);
        preview(job);
        return keep(job);
    }

    public ImportStatus apply(String importId, ApplyRequest request) {
        Job job = job(importId);
        boolean correct = request != null && "correct".equals(request.conflicts());
        if (request != null && request.conflicts() != null && !correct && !"skip".equals(request.conflicts())) {
            throw new InvalidField("conflicts", request.conflicts(), "须为 skip 或 correct");
        }
        String reason = request == null ? null : request.reason();
        if (correct && (reason == null || reason.isBlank())) {
            throw InvalidField.missing("reason");
        }
        synchronized (job) {
            if (!"VALIDATED".equals(job.status) && !"DONE".equals(job.status) && !"FAILED".equals(job.status)) {
                return status(job);
            }
            job.status = "APPLYING";
            job.processed = 0;
            job.applied = 0;
            job.unchanged = 0;
            job.conflicts = 0;
            job.failed = 0;
            job.applyErrors.clear();
            job.applyResults.clear();
            job.startedAt = clock.instant();
            job.finishedAt = null;
        }
        save(job);
        applier.submit(() -> run(job, correct, reason));
        return status(job);
    }

    public ImportStatus status(String importId) {
        return status(job(importId));
    }

    /**
     * The uploaded rows as they were, with a 结果 column: what the apply did with each row, or before an apply what
     * the preview found. Streamed (SXSSF) like the upload was read.
     */
    public void report(String importId, java.io.OutputStream out) throws IOException {
        Job job = job(importId);
        boolean applied = job.finishedAt != null;
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(200)) {
            wb.setCompressTempFiles(true);
            var sheet = wb.createSheet("导入结果");
            int[] width = {0};
            SheetReader.read(job.file, job.filename, maxRows, (row, cells) -> {
                var r = sheet.createRow(row - 1);
                for (int c = 0; c < cells.size(); c++) {
                    if (cells.get(c).text() != null) {
                        r.createCell(c).setCellValue(cells.get(c).text());
                    }
                }
                if (row == 1) {
                    width[0] = cells.size();
                }
                String result = row == 1 ? "结果" : applied
                        ? job.applyResults.getOrDefault(row, "已导入")
                        : job.previewResults.getOrDefault(row, "可导入");
                r.createCell(Math.max(width[0], cells.size())).setCellValue(result);
            });
            wb.write(out);
        }
    }

    private Job job(String importId) {
        Job job = importId == null || !ID.matcher(importId).matches() ? null
                : jobs.get(importId, this::load);
        Actor me = CurrentActor.get();
        if (job == null || !(job.actor.username().equals(me.username()) || me.actsForAnyUnit())) {
            throw new ImportNotFound(importId);
        }
        return job;
    }

    private Job store(MultipartFile upload, ImportKind kind, String campaignId) {
        if (upload == null || upload.isEmpty()) {
            throw new BadImportFile("import-empty", "请选择要上传的文件(表单字段 file),文件不能为空");
        }
        String id = "imp-" + UUID.randomUUID();
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(id + ".upload");
            upload.transferTo(file);
            return new Job(id, kind, campaignId, file, upload.getOriginalFilename(), CurrentActor.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void preview(Job job) {
        Map<String, Integer> seen = new HashMap<>();
        FileUnits fileUnits = new FileUnits(units);
        try {
            read(job, parsed -> {
                job.rows++;
                if (!parsed.errors().isEmpty()) {
                    invalid(job, parsed.row(), parsed.errors());
                    return;
                }
                String key = key(parsed.command());
                Integer content = parsed.command().hashCode();
                Integer before = seen.putIfAbsent(key, content);
                if (before != null) {
                    // the same id twice in one file: a repeat adds nothing, other content is a conflict
                    if (before.equals(content)) {
                        job.previewUnchanged++;
                        job.previewResults.put(parsed.row(), UNCHANGED);
                    } else {
                        conflict(job, parsed.row(), "同一文件中编号 " + key + " 出现两次且内容不同");
                    }
                    return;
                }
                Object outcome = dryRun(parsed, fileUnits);
                classify(job, parsed, outcome);
                if (outcome == Outcome.CHANGED && parsed.command() instanceof RegisterUnit u) {
                    fileUnits.register(u);
                }
            });
        } catch (RuntimeException e) {
            delete(job);
            throw e;
        }
    }

    /** The outcome of a row's command without writing it: an Outcome, or the rule it breaks. */
    private Object dryRun(Parsed parsed, FileUnits fileUnits) {
        if (parsed.command() instanceof RegisterUnit u) {
            var existing = units.find(u.unitId());
            if (existing.isPresent()) {
                return sameUnit(existing.get(), u) ? Outcome.UNCHANGED
                        : new UnitConflict(u.unitId());
            }
        }
        try {
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(parsed.command())
                    .andMetaData(Map.of(DryRun.KEY, true)));
            return Outcome.CHANGED;
        } catch (DryRun.Completed done) {
            return done.result() instanceof Outcome o ? o : Outcome.CHANGED;
        } catch (UnitNotFound missing) {
            // a parent an earlier valid row registers: applied in file order it will exist, so the hierarchy rule
            // is checked against it now (everything before the parent lookup has passed on the bus)
            if (parsed.command() instanceof RegisterUnit u && fileUnits.registers(u.parentUnitId())) {
                try {
                    Unit.checkParent(u.unitId(), u.type(), u.district(), u.parentUnitId(), fileUnits);
                    return Outcome.CHANGED;
                } catch (RuleViolation v) {
                    return v;
                }
            }
            return missing;
        } catch (RuleViolation v) {
            return v;
        }
    }

    private void classify(Job job, Parsed parsed, Object outcome) {
        if (outcome == Outcome.CHANGED) {
            job.valid++;
        } else if (outcome == Outcome.UNCHANGED) {
            job.previewUnchanged++;
            job.previewResults.put(parsed.row(), UNCHANGED);
        } else if (outcome instanceof RuleViolation v && isConflict(v)) {
            conflict(job, parsed.row(), v.getMessage());
        } else if (outcome instanceof RuleViolation v) {
            invalid(job, parsed.row(), List.of(new RowError(parsed.row(), column(job.kind, v), v.getMessage())));
        }
    }

    private static boolean isConflict(RuleViolation v) {
        return v.type().equals("activity-id-conflict") || v instanceof UnitConflict;
    }

    private static void invalid(Job job, int row, List<RowError> errors) {
        job.invalid++;
        job.previewResults.put(row, "错误:" + String.join(";", errors.stream().map(RowError::message).toList()));
        errors.forEach(e -> {
            if (job.errors.size() < LISTED) {
                job.errors.add(e);
            }
        });
    }

    private static void conflict(Job job, int row, String message) {
        job.previewConflicts++;
        job.previewResults.put(row, "冲突:" + message);
        if (job.conflictRows.size() < LISTED) {
            job.conflictRows.add(new RowError(row, job.kind == ImportKind.LEDGER ? "编号" : "单位编号", message));
        }
    }

    private void run(Job job, boolean correct, String reason) {
        try {
            read(job, parsed -> {
                try {
                    if (parsed.errors().isEmpty()) {
                        applyRow(job, parsed, correct, reason);
                    } else {
                        job.failed++;
                        job.applyResults.put(parsed.row(), job.previewResults.getOrDefault(parsed.row(), "错误"));
                    }
                } finally {
                    job.processed++;
                }
            });
            job.status = "DONE";
        } catch (RuntimeException e) {
            log.warn("import {} failed", job.id, e);
            job.status = "FAILED";
        } finally {
            job.finishedAt = clock.instant();
            save(job);
        }
    }

    private void applyRow(Job job, Parsed parsed, boolean correct, String reason) {
        Map<String, Object> meta = new HashMap<>();
        meta.put(AuditMetadata.USER, job.actor.username());
        meta.put(AuditMetadata.ROLE, job.actor.primaryRole());
        if (job.actor.unitId() != null) {
            meta.put(AuditMetadata.ACTING_UNIT, job.actor.unitId());
        }
        meta.put(AuditMetadata.IMPORT_ID, job.id);
        meta.put(AuditMetadata.IMPORT_ROW, parsed.row());
        try {
            Object command = parsed.command();
            if (command instanceof RegisterUnit u) {
                var existing = units.find(u.unitId());
                if (existing.isPresent()) {
                    if (sameUnit(existing.get(), u)) {
                        job.unchanged++;
                        job.applyResults.put(parsed.row(), UNCHANGED);
                    } else {
                        job.conflicts++;
                        job.applyResults.put(parsed.row(), "冲突(未导入):单位编号已登记且内容不同");
                    }
                    return;
                }
                commands.send(u, meta, () -> new UnitNotFound("unitId", u.unitId()));
                job.applied++;
                return;
            }
            RecordActivity r = (RecordActivity) command;
            Outcome outcome;
            try {
                outcome = commands.send(r, meta, () -> new ActivityNotFound(r.campaignId(), r.activityId()));
            } catch (RuleViolation v) {
                if (!v.type().equals("activity-id-conflict")) {
                    throw v;
                }
                if (!correct) {
                    job.conflicts++;
                    job.applyResults.put(parsed.row(), "冲突(未导入):" + v.getMessage());
                    return;
                }
                job.applyResults.put(parsed.row(), "已更正");
                meta.put(Activity.EXPECTED_UNIT_ID, r.unitId());
                outcome = commands.send(new CorrectActivity(r.campaignId(), r.activityId(), r.date(), r.title(),
                                r.category(), r.site(), r.figures(), r.notes(), reason), meta,
                        () -> new ActivityNotFound(r.campaignId(), r.activityId()));
            }
            if (outcome == Outcome.UNCHANGED) {
                job.unchanged++;
                job.applyResults.put(parsed.row(), UNCHANGED);
            } else {
                job.applied++;
            }
        } catch (RuleViolation v) {
            job.failed++;
            job.applyResults.put(parsed.row(), "错误:" + v.getMessage());
            if (job.applyErrors.size() < LISTED) {
                job.applyErrors.add(new RowError(parsed.row(), column(job.kind, v), v.getMessage()));
            }
        }
    }

    private void read(Job job, java.util.function.Consumer<Parsed> rows) {
        RowMapper mapper = job.kind == ImportKind.LEDGER
                ? new LedgerRows(job.campaignId, campaigns.find(job.campaignId).orElseThrow(
                        () -> new CampaignNotFound(job.campaignId)), units)
                : new UnitRows();
        SheetReader.read(job.file, job.filename, maxRows, (row, cells) -> {
            if (row == 1) {
                mapper.header(cells);
            } else {
                rows.accept(mapper.row(row, cells));
            }
        });
        if (!mapper.sawHeader()) {
            throw new BadImportFile("import-no-header", "表格第 1 行须为列名(与模板一致)");
        }
    }

    private static String key(Object command) {
        return command instanceof RecordActivity r ? r.activityId() : ((RegisterUnit) command).unitId();
    }

    private static boolean sameUnit(UnitState s, RegisterUnit u) {
        return Objects.equals(s.name(), u.name()) && s.type() == u.type() && Objects.equals(s.district(), u.district())
                && Objects.equals(s.parentUnitId(), u.parentUnitId());
    }

    private static String column(ImportKind kind, RuleViolation v) {
        Object field = v.properties().get("field");
        String f = field instanceof String s ? s : switch (v.type()) {
            case "date-in-future", "date-outside-period" -> "date";
            case "unit-not-enrolled", "not-your-unit", "unit-inactive", "activity-unit-mismatch" -> "unitId";
            case "invalid-hierarchy", "district-mismatch" -> "parentUnitId";
            default -> null;
        };
        return kind == ImportKind.LEDGER ? LedgerRows.header(f) : UnitRows.header(f);
    }

    private static ImportPreview preview(Job job, String status) {
        return new ImportPreview(job.id, status, job.kind.name(), job.campaignId, job.rows, job.valid,
                job.previewUnchanged, job.previewConflicts, job.invalid, List.copyOf(job.errors),
                List.copyOf(job.conflictRows));
    }

    private ImportStatus status(Job job) {
        Instant start = job.startedAt;
        Instant end = job.finishedAt == null ? clock.instant() : job.finishedAt;
        Double rate = null;
        Long eta = null;
        if (start != null) {
            double seconds = Math.max(0.001, Duration.between(start, end).toMillis() / 1000.0);
            rate = Math.round(job.processed / seconds * 10) / 10.0;
            if ("APPLYING".equals(job.status) && job.processed > 0) {
                eta = Math.round((job.rows - job.processed) / (job.processed / seconds));
            }
        }
        List<RowError> errors = new ArrayList<>(job.errors);
        synchronized (job.applyErrors) {
            errors.addAll(job.applyErrors);
        }
        return new ImportStatus(job.id, job.status, job.kind.name(), job.campaignId, job.rows, job.processed,
                job.applied, job.unchanged, job.conflicts, job.failed, errors,
                start == null ? null : start.toString(), job.finishedAt == null ? null : job.finishedAt.toString(),
                rate, eta);
    }

    private ImportPreview keep(Job job) {
        jobs.put(job.id, job);
        save(job);
        return preview(job, "VALIDATED");
    }

    /**
     * What survives a restart, beside the uploaded file: who uploaded what, the preview, and how far an apply got
     * when it last started or finished. The per-row results of the report do not survive; the events carry the
     * import id and row, and applying again completes an interrupted import without double counting.
     */
    record Saved(String id, ImportKind kind, String campaignId, String filename, Actor actor, String status, int rows,
                 int valid, int unchanged, int conflicts, int invalid, List<RowError> errors,
                 List<RowError> conflictRows, String startedAt, String finishedAt, int processed, int applied,
                 int applyUnchanged, int applyConflicts, int failed) {
    }

    private void save(Job job) {
        Saved saved = new Saved(job.id, job.kind, job.campaignId, job.filename, job.actor, job.status, job.rows,
                job.valid, job.previewUnchanged, job.previewConflicts, job.invalid, List.copyOf(job.errors),
                List.copyOf(job.conflictRows), job.startedAt == null ? null : job.startedAt.toString(),
                job.finishedAt == null ? null : job.finishedAt.toString(), job.processed, job.applied, job.unchanged,
                job.conflicts, job.failed);
        try {
            SAVED.writeValue(directory.resolve(job.id + ".json").toFile(), saved);
        } catch (IOException e) {
            log.warn("could not save import {}", job.id, e);
        }
    }

    /** An import known from before a restart; one that was applying then is FAILED (apply it again to finish). */
    private Job load(String id) {
        Path json = directory.resolve(id + ".json");
        Path file = directory.resolve(id + ".upload");
        if (!Files.exists(json) || !Files.exists(file)) {
            return null;
        }
        try {
            Saved s = SAVED.readValue(json.toFile(), Saved.class);
            Job job = new Job(s.id(), s.kind(), s.campaignId(), file, s.filename(), s.actor());
            job.status = "APPLYING".equals(s.status()) ? "FAILED" : s.status();
            job.rows = s.rows();
            job.valid = s.valid();
            job.previewUnchanged = s.unchanged();
            job.previewConflicts = s.conflicts();
            job.invalid = s.invalid();
            job.errors.addAll(s.errors());
            job.conflictRows.addAll(s.conflictRows());
            job.startedAt = s.startedAt() == null ? null : Instant.parse(s.startedAt());
            job.finishedAt = s.finishedAt() == null ? null : Instant.parse(s.finishedAt());
            job.processed = s.processed();
            job.applied = s.applied();
            job.unchanged = s.applyUnchanged();
            job.conflicts = s.applyConflicts();
            job.failed = s.failed();
            if ("APPLYING".equals(s.status())) {
                job.applyErrors.add(new RowError(0, null,
                        "导入在服务重启时中断;再次执行可完成其余各行,已导入的行不会重复计数"));
            }
            return job;
        } catch (IOException e) {
            log.warn("could not read import {}", id, e);
            return null;
        }
    }

    private void delete(Job job) {
        try {
            Files.deleteIfExists(directory.resolve(job.id + ".json"));
            Files.deleteIfExists(job.file);
        } catch (IOException e) {
            log.debug("could not delete {}", job.file, e);
        }
    }

    /** A unit id registered already with other content (the registry import does not rename or move units). */
    static final class UnitConflict extends RuleViolation {
        UnitConflict(String unitId) {
            super(Kind.CONFLICT, "unit-already-registered", "单位已登记",
                    "单位编号 " + unitId + " 已登记,且名称、类型、所属区或上级单位与本行不同(导入不修改已登记的单位)",
                    "field", "unitId", "unitId", unitId);
        }
    }

    /** Reads a header row, then turns each row into its command (or its errors). */
    interface RowMapper {
        void header(List<SheetReader.Value> cells);

        boolean sawHeader();

        Parsed row(int row, List<SheetReader.Value> cells);
    }
}
