package com.campaigntracker.eventstore;

import org.threeten.extra.MutableClock;
import com.campaigntracker.eventstore.EventArchiveException.Reason;
import com.mongodb.WriteConcern;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventArchiveTest {
    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.of(Instant.parse("2024-06-01T00:00:00Z"), java.time.ZoneOffset.UTC);

    /** 2,500 events (more than two read windows) in three aggregates, and one gap left by a conflicting append. */
    private void fill(TrackerEventStorageEngine engine) {
        for (String id : List.of("c-1", "c-2", "c-3")) {
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (long seq = 0; seq < 833; seq++) {
                events.add(TestEvents.activity(id, seq));
            }
            engine.appendEvents(events);
        }
        assertThatThrownBy(() -> engine.appendEvents(TestEvents.activity("c-1", 5)))
                .isInstanceOf(org.axonframework.modelling.command.ConcurrencyException.class);
        engine.appendEvents(TestEvents.activity("c-1", 833));
    }

    @Test
    void exportImportRoundTripKeepsPositionsOrderAndBytes() throws IOException {
        Path first = dir.resolve("first.jsonl.gz");
        Path second = dir.resolve("second.jsonl.gz");
        EventArchiveWriter.Summary exported;
        try (TestStore source = new TestStore(dir.resolve("source"))) {
            fill(source.engine(clock));
            exported = EventArchiveWriter.export(source.database, true, first);
        }
        assertThat(exported.eventCount()).isEqualTo(2500);
        assertThat(exported.lastPosition()).isEqualTo(2501); // position 2500 is the conflicting append's gap

        List<String> lines = lines(first);
        assertThat(lines).hasSize(2502);
        assertThat(lines.get(0)).startsWith("{\"format\":\"campaign-tracker-event-archive\",\"formatVersion\":1,")
                                .contains("\"eventCount\":2500 ");
        assertThat(lines.get(1)).startsWith("{\"position\":1,\"aggregateType\":\"Campaign\",\"aggregateId\":\"c-1\","
                + "\"sequence\":0,");
        assertThat(lines.get(2501)).startsWith("{\"end\":true,\"eventCount\":2500,\"lastPosition\":2501,\"sha256\":\"")
                                   .contains(exported.sha256());

        try (TestStore target = new TestStore(dir.resolve("target"))) {
            EventImporter.Summary imported = EventImporter.importArchive(target.database,
                    target.embedded.durabilityBarrier(), WriteConcern.ACKNOWLEDGED, first, type -> true);
            assertThat(imported.eventCount()).isEqualTo(2500);
            assertThat(EventArchiveWriter.export(target.database, true, second).sha256()).isEqualTo(exported.sha256());
            assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));

            TrackerEventStorageEngine engine = target.engine(clock);
            List<Long> positions = engine.readEvents(null, false).limit(3000)
                    .map(e -> ((TrackedEventMessage<?>) e).trackingToken().position().orElseThrow())
                    .collect(Collectors.toList());
            assertThat(positions).hasSize(2500).isSorted().doesNotContain(2500L).contains(2501L);
            assertThat(engine.readEvents("c-2").asStream().count()).isEqualTo(833);
            TestEvents.ActivityRecorded payload = (TestEvents.ActivityRecorded) engine.readEvents("c-3")
                    .asStream().skip(7).findFirst().orElseThrow().getPayload();
            assertThat(payload.serviceHours()).isEqualByComparingTo("2.5");
            assertThat(payload.title()).isEqualTo("文明路口引导行动 第7场");

            // the counter continues after the imported history
            engine.appendEvents(TestEvents.activity("c-9", 0));
            assertThat(engine.headPosition()).isEqualTo(2502);
        }
    }

    @Test
    void refusedImportsWriteNothing() throws IOException {
        Path archive = dir.resolve("events.jsonl.gz");
        try (TestStore source = new TestStore(dir.resolve("source"))) {
            fill(source.engine(clock));
            EventArchiveWriter.export(source.database, true, archive);
        }
        List<String> lines = lines(archive);

        Path truncated = dir.resolve("truncated.gz");
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length * 2 / 3));
        Path withoutTrailer = gzip(dir.resolve("no-trailer.gz"), lines.subList(0, lines.size() - 1));
        List<String> tampered = new ArrayList<>(lines);
        tampered.set(100, tampered.get(100).replace("\"sessions\":", "\"sessions\":1"));
        Path badChecksum = gzip(dir.resolve("tampered.gz"), tampered);
        List<String> future = new ArrayList<>(lines);
        future.set(0, future.get(0).replace("\"formatVersion\":1", "\"formatVersion\":2"));
        Path unknownVersion = gzip(dir.resolve("v2.gz"), future);
        Path corrupt = dir.resolve("corrupt.gz");
        byte[] flipped = bytes.clone();
        flipped[flipped.length / 2] ^= 0x55;
        Files.write(corrupt, flipped);

        try (TestStore target = new TestStore(dir.resolve("target"))) {
            assertRefused(target, truncated, Reason.TRUNCATED, "截断");
            assertRefused(target, withoutTrailer, Reason.TRUNCATED, "truncated");
            assertRefused(target, badChecksum, Reason.CHECKSUM, "SHA-256");
            assertRefused(target, unknownVersion, Reason.UNKNOWN_VERSION, "版本 2");
            // a flipped bit surfaces as invalid gzip data, a line that is no JSON, or a checksum mismatch
            assertThatThrownBy(() -> EventImporter.importArchive(target.database, DurabilityBarrier.NONE,
                    WriteConcern.ACKNOWLEDGED, corrupt, type -> true))
                    .isInstanceOf(EventArchiveException.class).hasMessageContaining("Nothing was written")
                    .extracting(e -> ((EventArchiveException) e).reason()).isIn(Reason.CHECKSUM, Reason.MALFORMED);
            assertThatThrownBy(() -> EventImporter.importArchive(target.database, DurabilityBarrier.NONE,
                    WriteConcern.ACKNOWLEDGED, archive, type -> !type.endsWith("ActivityRecorded")))
                    .isInstanceOf(EventArchiveException.class)
                    .extracting(e -> ((EventArchiveException) e).reason()).isEqualTo(Reason.UNKNOWN_EVENT_TYPE);
            assertThat(target.database.listCollectionNames().into(new ArrayList<>())).isEmpty();

            target.engine(clock).appendEvents(TestEvents.activity("other", 0));
            assertRefused(target, archive, Reason.STORE_NOT_EMPTY, "不为空");
            assertThat(target.database.getCollection("events").countDocuments()).isEqualTo(1);
            assertThat(EventArchiveWriter.headPosition(target.database)).isEqualTo(1);
        }
    }

    private static void assertRefused(TestStore target, Path archive, Reason reason, String messagePart) {
        assertThatThrownBy(() -> EventImporter.importArchive(target.database, target.embedded.durabilityBarrier(),
                WriteConcern.ACKNOWLEDGED, archive, type -> true))
                .isInstanceOf(EventArchiveException.class)
                .hasMessageContaining(messagePart)
                .hasMessageContaining("Nothing was written")
                .extracting(e -> ((EventArchiveException) e).reason()).isEqualTo(reason);
    }

    @Test
    void aBackupOfTheRunningStoreHoldsEveryEventAppendedBeforeIt() throws IOException {
        Path copy = dir.resolve("backups").resolve("b1");
        StoreBackup.Summary backup;
        try (TestStore store = new TestStore(dir.resolve("live"))) {
            TrackerEventStorageEngine engine = store.engine(clock);
            fill(engine);
            backup = StoreBackup.backup(store.embedded, store.database, copy);
            engine.appendEvents(TestEvents.activity("after", 0));
        }
        assertThat(backup.file()).isEqualTo(copy.resolve("tracker.mv.db").toAbsolutePath());
        assertThat(backup.sizeBytes()).isEqualTo(Files.size(backup.file())).isPositive();
        assertThat(backup.position()).isEqualTo(2501);
        assertThat(backup.eventCount()).isEqualTo(2501); // 2,500 events and the skip marker of the conflict
        try (TestStore restored = new TestStore(copy)) {
            TrackerEventStorageEngine engine = restored.engine(clock);
            assertThat(engine.readEvents("c-1").asStream().count()).isEqualTo(834);
            assertThat(engine.headPosition()).isEqualTo(2501);
            assertThat(restored.database.getCollection("events").countDocuments(new Document("_id", 2502L)))
                    .isZero();
        }
    }

    private static List<String> lines(Path archive) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
            return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    private static Path gzip(Path file, List<String> lines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            for (String line : lines) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return Files.write(file, bytes.toByteArray());
    }
}
