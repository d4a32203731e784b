package com.campaigntracker.command.imports;

import com.campaigntracker.command.Outcome;
import com.campaigntracker.command.activity.Activity;
import com.campaigntracker.command.activity.ActivityNotFound;
import com.campaigntracker.command.api.AuditMetadataInterceptor;
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
import org.axonframework.messaging.MetaData;
import com.campaigntracker.shared.activity.ActivityCommands.CorrectActivity;
import com.campaigntracker.shared.activity.ActivityCommands.RecordActivity;
import com.campaigntracker.shared.activity.ActivityKey;
import com.campaigntracker.shared.unit.UnitCommands.RegisterUnit;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Executors;

/**
 * 台账 and 单位名册 imports: an upload is kept as a file and previewed — every row's command dry-run through the
 * command bus ({@link DryRun}), nothing written — then applied on request as ordinary commands carrying the
 * import's id and the row number in their metadata (so on every event). Rows run on a few {@link Lanes} at once
 * (a units file on one, in file order); applies run one import at a time in the background. A row's outcome is
 * that of its command, so applying a file again adds nothing; which rows an import applied is known from the
 * events carrying its id, so an apply cut short (a failure, a restart) is recounted from them and completed by
 * applying again.
 */
@Component
public class Imports implements AutoCloseable {
    /** At most this many row errors (and conflicts) are listed in an answer; the counts are always complete. */
    static final int LISTED = 1000;
    private static final String UNCHANGED = "未变化(与已有记录相同,不重复计数)";
    private static final String NOT_APPLIED = "未导入(导入中断;再次执行可补齐)";
    /** Rows between two checkpoints of an apply: the JSON beside the upload and the per-row results on disk. */
    private static final int CHECKPOINT = 2_000;
    private static final Logger log = LoggerFactory.getLogger(Imports.class);

    private final CommandGateway gateway;
    private final CommandDispatcher commands;
    private final CampaignLookup campaigns;
    private final UnitLookup units;
    private final EventStore eventStore;
    private final Clock clock;
    private final int maxRows;
    private final int lanes;
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
                   EventStore eventStore, Clock clock, @Value("${tracker.imports.max-rows:100000}") int maxRows,
                   @Value("${tracker.imports.lanes:8}") int lanes, @Value("${tracker.data-dir:./data}") String dataDir) {
        this.gateway = gateway;
        this.commands = commands;
        this.campaigns = campaigns;
        this.units = units;
        this.eventStore = eventStore;
        this.clock = clock;
        this.maxRows = maxRows;
        this.lanes = Math.max(1, lanes);
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
        final AtomicInteger rows = new AtomicInteger();
        final AtomicInteger valid = new AtomicInteger();
        final AtomicInteger previewUnchanged = new AtomicInteger();
        final AtomicInteger previewConflicts = new AtomicInteger();
        final AtomicInteger invalid = new AtomicInteger();
        final List<RowError> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<RowError> conflictRows = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger processed = new AtomicInteger();
        final AtomicInteger applied = new AtomicInteger();
        final AtomicInteger unchanged = new AtomicInteger();
        final AtomicInteger conflicts = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final List<RowError> applyErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile Instant startedAt;
        volatile Instant finishedAt;
        /** While the rows an interrupted apply got through are being found in the events. */
        volatile boolean checking;
        private RowResults results;
        private int using;

        Job(String id, ImportKind kind, String campaignId, Path file, String filename, Actor actor) {
            this.id = id;
            this.kind = kind;
            this.campaignId = campaignId;
            this.file = file;
            this.filename = filename;
            this.actor = actor;
        }

        Path resultsFile() {
            return file.resolveSibling(id + ".results");
        }

        /** Opens the per-row results for one preview, apply, recount or report; {@link #release()} after it. */
        synchronized RowResults acquire() {
            if (results == null) {
                results = RowResults.open(resultsFile());
            }
            using++;
            return results;
        }

        /** The results opened by a running {@link #acquire()}. */
        synchronized RowResults results() {
            return Objects.requireNonNull(results, "results not acquired");
        }

        /** The file is closed when nothing uses it (another process, after a restart, must be able to open it). */
        synchronized void release() {
            if (--using == 0) {
                closeResults();
            }
        }

        synchronized void closeResults() {
            if (results != null) {
                results.close();
                results = null;
            }
        }

        void resetApply() {
            processed.set(0);
            applied.set(0);
            unchanged.set(0);
            conflicts.set(0);
            failed.set(0);
            applyErrors.clear();
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
            if (job.checking || !"VALIDATED".equals(job.status) && !"DONE".equals(job.status)
                    && !"FAILED".equals(job.status)) {
                return status(job);
            }
            job.status = "APPLYING";
            job.resetApply();
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
     * the preview found. Streamed (SXSSF) like the upload was read; the results come from disk.
     */
    public void report(String importId, java.io.OutputStream out) throws IOException {
        Job job = job(importId);
        boolean applied = !job.checking && ("DONE".equals(job.status) || "FAILED".equals(job.status));
        RowResults results = job.acquire();
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
                        ? Objects.requireNonNullElse(results.apply(row), "已导入")
                        : Objects.requireNonNullElse(results.preview(row), "可导入");
                r.createCell(Math.max(width[0], cells.size())).setCellValue(result);
            });
            wb.write(out);
            wb.dispose();
        } finally {
            job.release();
        }
    }

    /** Stops the background work and closes every import's results on disk (the product is shutting down). */
    @Override
    @jakarta.annotation.PreDestroy
    public void close() {
        applier.shutdownNow();
        try {
            applier.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        jobs.asMap().values().forEach(Job::closeResults);
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

    private int lanes(Job job) {
        // a units file runs in file order: a row's parent may be an earlier row
        return job.kind == ImportKind.LEDGER ? lanes : 1;
    }

    private void preview(Job job) {
        Map<String, Integer> seen = new HashMap<>();
        FileUnits fileUnits = new FileUnits(units);
        MetaData identity = AuditMetadataInterceptor.identity(job.actor);
        RowResults results = job.acquire();
        try (Lanes rows = new Lanes(lanes(job), "tracker-import-preview")) {
            read(job, parsed -> {
                job.rows.incrementAndGet();
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
                        job.previewUnchanged.incrementAndGet();
                        results.preview(parsed.row(), UNCHANGED);
                    } else {
                        conflict(job, parsed.row(), "同一文件中编号 " + key + " 出现两次且内容不同");
                    }
                    return;
                }
                rows.submit(key, () -> {
                    Object outcome = dryRun(parsed, fileUnits, identity);
                    classify(job, parsed, outcome);
                    if (outcome == Outcome.CHANGED && parsed.command() instanceof RegisterUnit u) {
                        fileUnits.register(u);
                    }
                });
            });
            rows.finish();
            results.commit();
        } catch (RuntimeException e) {
            job.release();
            delete(job);
            throw e;
        }
        job.release();
    }

    /** The outcome of a row's command without writing it: an Outcome, or the rule it breaks. */
    private Object dryRun(Parsed parsed, FileUnits fileUnits, MetaData identity) {
        if (parsed.command() instanceof RegisterUnit u) {
            var existing = units.find(u.unitId());
            if (existing.isPresent()) {
                return sameUnit(existing.get(), u) ? Outcome.UNCHANGED
                        : new UnitConflict(u.unitId());
            }
        }
        MetaData meta = identity.and(DryRun.KEY, true);
        try {
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(parsed.command()).andMetaData(meta));
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
            job.valid.incrementAndGet();
        } else if (outcome == Outcome.UNCHANGED) {
            job.previewUnchanged.incrementAndGet();
            job.results().preview(parsed.row(), UNCHANGED);
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
        job.invalid.incrementAndGet();
        job.results().preview(row, "错误:" + String.join(";", errors.stream().map(RowError::message).toList()));
        listed(job.errors, errors);
    }

    private static void conflict(Job job, int row, String message) {
        job.previewConflicts.incrementAndGet();
        job.results().preview(row, "冲突:" + message);
        listed(job.conflictRows, List.of(new RowError(row, job.kind == ImportKind.LEDGER ? "编号" : "单位编号", message)));
    }

    /** Adds to a listed answer while it holds fewer than {@value #LISTED}; the report has every row. */
    private static void listed(List<RowError> list, List<RowError> more) {
        synchronized (list) {
            for (RowError e : more) {
                if (list.size() < LISTED) {
                    list.add(e);
                }
            }
        }
    }

    private void run(Job job, boolean correct, String reason) {
        RowResults results = job.acquire();
        results.clearApply();
        MetaData identity = AuditMetadataInterceptor.identity(job.actor);
        int[] read = {0};
        try (Lanes rows = new Lanes(lanes(job), "tracker-import-apply")) {
            read(job, parsed -> {
                rows.submit(parsed.command() == null ? "row-" + parsed.row() : key(parsed.command()), () -> {
                    try {
                        if (parsed.errors().isEmpty()) {
                            applyRow(job, parsed, identity, correct, reason);
                        } else {
                            job.failed.incrementAndGet();
                            results.apply(parsed.row(), Objects.requireNonNullElse(results.preview(parsed.row()),
                                    "错误"));
                        }
                    } finally {
                        job.processed.incrementAndGet();
                    }
                });
                if (++read[0] % CHECKPOINT == 0) {
                    results.commit();
                    save(job);
                }
            });
            rows.finish();
            job.status = "DONE";
        } catch (RuntimeException e) {
            log.warn("import {} failed after {} rows", job.id, job.processed.get(), e);
            job.checking = true; // before FAILED shows: the applied rows are recounted next
            job.status = "FAILED";
        } finally {
            job.finishedAt = clock.instant();
            results.commit();
            save(job);
        }
        try {
            if ("FAILED".equals(job.status)) {
                recount(job);
            }
        } finally {
            job.release();
        }
    }

    private void applyRow(Job job, Parsed parsed, MetaData identity, boolean correct, String reason) {
        MetaData meta = identity.and(AuditMetadata.IMPORT_ID, job.id).and(AuditMetadata.IMPORT_ROW, parsed.row());
        RowResults results = job.results();
        Object command = parsed.command();
        try {
            if (command instanceof RegisterUnit u) {
                var existing = units.find(u.unitId());
                if (existing.isPresent()) {
                    if (!sameUnit(existing.get(), u)) {
                        job.conflicts.incrementAndGet();
                        results.apply(parsed.row(), "冲突(未导入):单位编号已登记且内容不同");
                    } else {
                        unchanged(job, parsed);
                    }
                    return;
                }
                commands.send(u, meta, () -> new UnitNotFound("unitId", u.unitId()));
                job.applied.incrementAndGet();
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
                    job.conflicts.incrementAndGet();
                    results.apply(parsed.row(), "冲突(未导入):" + v.getMessage());
                    return;
                }
                results.apply(parsed.row(), "已更正");
                meta = meta.and(Activity.EXPECTED_UNIT_ID, r.unitId());
                outcome = commands.send(new CorrectActivity(r.campaignId(), r.activityId(), r.date(), r.title(),
                                r.category(), r.site(), r.figures(), r.notes(), reason), meta,
                        () -> new ActivityNotFound(r.campaignId(), r.activityId()));
            }
            if (outcome == Outcome.UNCHANGED) {
                unchanged(job, parsed);
            } else {
                job.applied.incrementAndGet();
            }
        } catch (RuleViolation v) {
            job.failed.incrementAndGet();
            results.apply(parsed.row(), "错误:" + v.getMessage());
            listed(job.applyErrors, List.of(new RowError(parsed.row(), column(job.kind, v), v.getMessage())));
        }
    }

    /** A row whose command changed nothing: applied by this very import before (the events say so), or unchanged. */
    private void unchanged(Job job, Parsed parsed) {
        if (appliedBy(job, parsed)) {
            job.applied.incrementAndGet();
        } else {
            job.unchanged.incrementAndGet();
            job.results().apply(parsed.row(), UNCHANGED);
        }
    }

    /** Whether an event of the row's stream carries this import's id and this row's number. */
    private boolean appliedBy(Job job, Parsed parsed) {
        Object command = parsed.command();
        String stream = command instanceof RecordActivity r ? ActivityKey.of(r.campaignId(), r.activityId())
                : ((RegisterUnit) command).unitId();
        String row = String.valueOf(parsed.row());
        try (var events = eventStore.readEvents(stream, 0).asStream()) {
            return events.anyMatch(e -> job.id.equals(e.getMetaData().get(AuditMetadata.IMPORT_ID))
                    && row.equals(String.valueOf(e.getMetaData().get(AuditMetadata.IMPORT_ROW))));
        }
    }

    /**
     * After an apply was cut short (a failure, or a restart while applying): which rows it applied, found in the
     * events carrying the import's id and row; the others are marked not applied. Applying again completes it.
     */
    private void recount(Job job) {
        job.checking = true;
        RowResults results = job.acquire();
        results.clearApply();
        job.resetApply();
        try (Lanes rows = new Lanes(lanes(job), "tracker-import-recount")) {
            read(job, parsed -> rows.submit(parsed.command() == null ? "row-" + parsed.row() : key(parsed.command()),
                    () -> {
                        if (parsed.command() != null && appliedBy(job, parsed)) {
                            job.applied.incrementAndGet();
                        } else {
                            results.apply(parsed.row(), parsed.command() == null
                                    ? Objects.requireNonNullElse(results.preview(parsed.row()), "错误") : NOT_APPLIED);
                        }
                    }));
            rows.finish();
        } catch (RuntimeException e) {
            log.warn("could not recount import {} from the events", job.id, e);
        } finally {
            job.processed.set(job.applied.get());
            job.applyErrors.add(new RowError(0, null, "导入中断:已导入的 " + job.applied.get()
                    + " 行据事件核对;再次执行可完成其余各行,已导入的行不会重复计数"));
            job.checking = false;
            results.commit();
            save(job);
            job.release();
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

    private static List<RowError> sorted(List<RowError> list) {
        synchronized (list) {
            List<RowError> copy = new ArrayList<>(list);
            copy.sort(java.util.Comparator.comparingInt(RowError::row));
            return copy;
        }
    }

    private static ImportPreview preview(Job job, String status) {
        return new ImportPreview(job.id, status, job.kind.name(), job.campaignId, job.rows.get(), job.valid.get(),
                job.previewUnchanged.get(), job.previewConflicts.get(), job.invalid.get(), sorted(job.errors),
                sorted(job.conflictRows));
    }

    private ImportStatus status(Job job) {
        Instant start = job.startedAt;
        Instant end = job.finishedAt == null ? clock.instant() : job.finishedAt;
        int processed = job.processed.get();
        Double rate = null;
        Long eta = null;
        if (start != null && !job.checking) {
            double seconds = Math.max(0.001, Duration.between(start, end).toMillis() / 1000.0);
            rate = Math.round(processed / seconds * 10) / 10.0;
            if ("APPLYING".equals(job.status) && processed > 0) {
                eta = Math.round((job.rows.get() - processed) / (processed / seconds));
            }
        }
        List<RowError> errors = sorted(job.errors);
        errors.addAll(sorted(job.applyErrors));
        return new ImportStatus(job.id, job.status, job.kind.name(), job.campaignId, job.rows.get(), job.valid.get(),
                processed, job.applied.get(), job.unchanged.get(), job.conflicts.get(), job.failed.get(), errors,
                start == null ? null : start.toString(), job.finishedAt == null ? null : job.finishedAt.toString(),
                rate, eta, job.checking);
    }

    private ImportPreview keep(Job job) {
        jobs.put(job.id, job);
        save(job);
        return preview(job, "VALIDATED");
    }

    /**
     * What survives a restart, beside the uploaded file and its per-row results: who uploaded what, the preview,
     * and how far an apply got at its last checkpoint. Which rows an apply got through is not taken from here but
     * recounted from the events (they carry the import id and row).
     */
    record Saved(String id, ImportKind kind, String campaignId, String filename, Actor actor, String status, int rows,
                 int valid, int unchanged, int conflicts, int invalid, List<RowError> errors,
                 List<RowError> conflictRows, String startedAt, String finishedAt, int processed, int applied,
                 int applyUnchanged, int applyConflicts, int failed) {
    }

    private void save(Job job) {
        Saved saved = new Saved(job.id, job.kind, job.campaignId, job.filename, job.actor, job.status, job.rows.get(),
                job.valid.get(), job.previewUnchanged.get(), job.previewConflicts.get(), job.invalid.get(),
                sorted(job.errors), sorted(job.conflictRows), job.startedAt == null ? null : job.startedAt.toString(),
                job.finishedAt == null ? null : job.finishedAt.toString(), job.processed.get(), job.applied.get(),
                job.unchanged.get(), job.conflicts.get(), job.failed.get());
        try {
            SAVED.writeValue(directory.resolve(job.id + ".json").toFile(), saved);
        } catch (IOException e) {
            log.warn("could not save import {}", job.id, e);
        }
    }

    /**
     * An import known from before a restart. One that was applying then is FAILED, and which rows it applied is
     * recounted from the events in the background (status {@code checking} meanwhile); apply it again to finish.
     */
    private Job load(String id) {
        Path json = directory.resolve(id + ".json");
        Path file = directory.resolve(id + ".upload");
        if (!Files.exists(json) || !Files.exists(file)) {
            return null;
        }
        try {
            Saved s = SAVED.readValue(json.toFile(), Saved.class);
            Job job = new Job(s.id(), s.kind(), s.campaignId(), file, s.filename(), s.actor());
            boolean interrupted = "APPLYING".equals(s.status());
            job.status = interrupted ? "FAILED" : s.status();
            job.rows.set(s.rows());
            job.valid.set(s.valid());
            job.previewUnchanged.set(s.unchanged());
            job.previewConflicts.set(s.conflicts());
            job.invalid.set(s.invalid());
            job.errors.addAll(s.errors());
            job.conflictRows.addAll(s.conflictRows());
            job.startedAt = s.startedAt() == null ? null : Instant.parse(s.startedAt());
            job.finishedAt = s.finishedAt() == null ? null : Instant.parse(s.finishedAt());
            job.processed.set(s.processed());
            job.applied.set(s.applied());
            job.unchanged.set(s.applyUnchanged());
            job.conflicts.set(s.applyConflicts());
            job.failed.set(s.failed());
            if (interrupted) {
                job.checking = true;
                job.finishedAt = Instant.now(clock);
                applier.submit(() -> recount(job));
            }
            return job;
        } catch (IOException e) {
            log.warn("could not read import {}", id, e);
            return null;
        }
    }

    private void delete(Job job) {
        job.closeResults();
        try {
            Files.deleteIfExists(directory.resolve(job.id + ".json"));
            Files.deleteIfExists(job.resultsFile());
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
