package com.campaigntracker.query.admin;

import com.campaigntracker.eventstore.EmbeddedMongo;
import com.campaigntracker.eventstore.EventArchive;
import com.campaigntracker.eventstore.EventArchiveWriter;
import com.campaigntracker.eventstore.StoreBackup;
import com.campaigntracker.eventstore.TrackerMongo;
import com.campaigntracker.query.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** 数据备份: the event archive (export) and the snapshot backup of the embedded store. */
@RestController
@RequestMapping("/api/admin")
public class StoreAdminController {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final TrackerMongo mongo;
    private final Clock clock;
    private final String backupDir;

    public StoreAdminController(TrackerMongo mongo, Clock clock,
                                @Value("${tracker.backup-dir:}") String backupDir) {
        this.mongo = mongo;
        this.clock = clock;
        this.backupDir = backupDir;
    }

    /**
     * Every event in global order as an event archive (docs/adr/0002-event-archive.md). The archive is assembled
     * in a temporary file first (its header carries the event count, known only at the end), then streamed.
     */
    @GetMapping(value = "/events/export", produces = EventArchive.MEDIA_TYPE)
    public ResponseEntity<StreamingResponseBody> export() throws IOException {
        Path file = Files.createTempFile("campaign-tracker-events-", ".jsonl.gz");
        EventArchiveWriter.Summary summary;
        try {
            summary = EventArchiveWriter.export(mongo.database(), mongo.embedded().isPresent(), file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        String name = "campaign-tracker-events-" + LocalDateTime.now(clock).format(STAMP) + ".jsonl.gz";
        StreamingResponseBody body = out -> {
            try {
                Files.copy(file, out);
            } finally {
                Files.deleteIfExists(file);
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(EventArchive.MEDIA_TYPE))
                .contentLength(summary.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                                                                           .toString())
                .header("X-Event-Count", String.valueOf(summary.eventCount()))
                .header("X-Archive-SHA256", summary.sha256())
                .body(body);
    }

    /**
     * A consistent copy of the running embedded store file, taken while the product keeps writing; the copy's
     * directory is a data directory ({@code --tracker.data-dir=<dataDir>} restores it).
     */
    @PostMapping("/backup")
    public synchronized BackupResponse backup() {
        EmbeddedMongo embedded = mongo.embedded().orElseThrow(() -> new ApiException(HttpStatus.CONFLICT,
                "不支持快照备份",
                "快照备份只适用于内置存储；外部 MongoDB 请使用其自身的备份（副本集快照或 mongodump），或导出事件归档"
                        + "（GET /api/admin/events/export）"));
        Path root = backupDir.isBlank() ? embedded.file().getParent().resolve("backups") : Path.of(backupDir);
        Path target = root.resolve("backup-" + LocalDateTime.now(clock).format(STAMP));
        try {
            StoreBackup.Summary s = StoreBackup.backup(embedded, mongo.database(), target);
            return new BackupResponse(s.dataDir().toString(), s.file().toString(), s.sizeBytes(), s.eventCount(),
                    s.position(), "java -jar campaign-tracker.jar --tracker.data-dir=" + s.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("backup to " + target + " failed", e);
        }
    }

    /**
     * A snapshot backup taken.
     *
     * @param dataDir    the copy's directory: a data directory
     * @param file       the copied store file
     * @param sizeBytes  its size in bytes
     * @param eventCount event documents in the store when the backup started, all of them in the copy
     * @param position   highest global position reserved when the backup started; every event acknowledged before
     *                   it started is in the copy
     * @param restore    how to start the product on the copy
     */
    public record BackupResponse(String dataDir, String file, long sizeBytes, long eventCount, long position,
                                 String restore) {
    }
}
