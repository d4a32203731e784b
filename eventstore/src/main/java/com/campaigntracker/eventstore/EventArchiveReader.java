package com.campaigntracker.eventstore;

import com.campaigntracker.eventstore.EventArchive.ArchivedEvent;
import com.campaigntracker.eventstore.EventArchive.Header;
import com.campaigntracker.eventstore.EventArchive.Trailer;
import com.campaigntracker.eventstore.EventArchiveException.Reason;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an {@link EventArchive} line by line (never the whole file), checking as it goes: the header's format and
 * version, every event line's fields and strictly ascending positions, and at the end the trailer's count and the
 * SHA-256 of the event lines. An import reads the archive twice: once only to check it, then to write.
 */
public final class EventArchiveReader {

    private EventArchiveReader() {
    }

    /**
     * A checked archive.
     *
     * @param header       its header
     * @param eventCount   event lines (equal to the header's and the trailer's count)
     * @param lastPosition global position of its last event (0 if none)
     * @param sha256       the checksum of its event lines, as verified
     */
    public record Verified(Header header, long eventCount, long lastPosition, String sha256) {
    }

    /** Reads the whole archive without acting on it; throws {@link EventArchiveException} if anything is wrong. */
    public static Verified verify(Path file, Predicate<String> knownEventType) {
        return read(file, knownEventType, event -> {
        });
    }

    /**
     * Hands every event to {@code action} in order and checks the archive as {@link #verify} does; the problem, if
     * any, is found only once earlier events were handed over, so verify first.
     */
    public static Verified read(Path file, Predicate<String> knownEventType, Consumer<ArchivedEvent> action) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            Lines lines = new Lines(in);
            byte[] first = lines.next();
            if (first == null) {
                throw truncated();
            }
            Header header = header(first);
            MessageDigest sha = EventArchiveWriter.sha256();
            long count = 0;
            long lastPosition = 0;
            byte[] pending = lines.next();
            if (pending == null) {
                throw truncated();
            }
            for (byte[] line = lines.next(); line != null; line = lines.next()) {
                ArchivedEvent event = event(pending, count + 2, lastPosition, knownEventType);
                sha.update(pending);
                sha.update((byte) '\n');
                count++;
                lastPosition = event.position();
                action.accept(event);
                pending = line;
            }
            Trailer trailer = trailer(pending);
            String checksum = HexFormat.of().formatHex(sha.digest());
            if (!checksum.equals(trailer.sha256())) {
                throw new EventArchiveException(Reason.CHECKSUM,
                        "归档校验失败：事件行的 SHA-256 与结尾行记录的不一致，文件已损坏；未写入任何数据。"
                                + " Checksum mismatch: the SHA-256 of the event lines differs from the trailer's;"
                                + " the archive is corrupt. Nothing was written.");
            }
            if (trailer.eventCount() != count || header.eventCount() != count || trailer.lastPosition() != lastPosition) {
                throw new EventArchiveException(Reason.CHECKSUM, String.format(
                        "归档事件数不一致（头部 %d，结尾 %d，实际 %d）；未写入任何数据。 Event counts disagree (header %d,"
                                + " trailer %d, lines %d). Nothing was written.", header.eventCount(),
                        trailer.eventCount(), count, header.eventCount(), trailer.eventCount(), count));
            }
            return new Verified(header, count, lastPosition, checksum);
        } catch (EOFException e) {
            throw truncated();
        } catch (ZipException e) {
            throw new EventArchiveException(Reason.CHECKSUM, "归档文件已损坏（gzip 数据无效：" + e.getMessage()
                    + "）；未写入任何数据。 The archive is corrupt (invalid gzip data: " + e.getMessage()
                    + "). Nothing was written.", e);
        } catch (NoSuchFileException e) {
            throw new EventArchiveException(Reason.MALFORMED, "找不到归档文件 " + file + "。 Archive file not found: "
                    + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static EventArchiveException truncated() {
        return new EventArchiveException(Reason.TRUNCATED,
                "归档不完整：文件被截断或缺少结尾行；未写入任何数据。"
                        + " The archive is truncated (it ends before its trailer line). Nothing was written.");
    }

    private static EventArchiveException malformed(long lineNumber, String what) {
        return new EventArchiveException(Reason.MALFORMED, String.format(
                "归档第 %d 行格式错误（%s）；未写入任何数据。 Line %d of the archive is malformed (%s). Nothing was written.",
                lineNumber, what, lineNumber, what));
    }

    private static Header header(byte[] line) {
        JsonNode node;
        try {
            node = EventArchive.JSON.readTree(line);
        } catch (IOException e) {
            throw notAnArchive();
        }
        if (node == null || !EventArchive.FORMAT.equals(node.path("format").asText(null))) {
            throw notAnArchive();
        }
        int version = node.path("formatVersion").asInt(-1);
        if (version != EventArchive.FORMAT_VERSION) {
            String given = node.path("formatVersion").toString();
            throw new EventArchiveException(Reason.UNKNOWN_VERSION, String.format(
                    "不支持的归档格式版本 %s（本版本只能读取版本 %d）；未写入任何数据。 Unknown archive format version %s"
                            + " (this product reads version %d). Nothing was written.",
                    given, EventArchive.FORMAT_VERSION, given, EventArchive.FORMAT_VERSION));
        }
        try {
            return EventArchive.JSON.treeToValue(node, Header.class);
        } catch (IOException e) {
            throw malformed(1, "header");
        }
    }

    private static EventArchiveException notAnArchive() {
        return new EventArchiveException(Reason.MALFORMED, "这不是活动追踪的事件归档（第 1 行不是归档头部）；未写入任何数据。"
                + " Not a campaign-tracker event archive (line 1 is no archive header). Nothing was written.");
    }

    private static ArchivedEvent event(byte[] line, long lineNumber, long previousPosition,
                                       Predicate<String> knownEventType) {
        ArchivedEvent event;
        try {
            event = EventArchive.READ_JSON.readValue(line, ArchivedEvent.class);
        } catch (IOException e) {
            throw malformed(lineNumber, "JSON");
        }
        if (event.position() <= previousPosition) {
            throw malformed(lineNumber, "position " + event.position() + " not after " + previousPosition);
        }
        if (event.aggregateId() == null || event.eventId() == null || event.eventType() == null
                || event.timestamp() == null || event.sequence() < 0) {
            throw malformed(lineNumber, "aggregateId, eventId, eventType, timestamp and sequence are required");
        }
        try {
            Instant.parse(event.timestamp());
        } catch (DateTimeParseException e) {
            throw malformed(lineNumber, "timestamp " + event.timestamp());
        }
        if (!knownEventType.test(event.eventType())) {
            throw new EventArchiveException(Reason.UNKNOWN_EVENT_TYPE, String.format(
                    "归档第 %d 行的事件类型 %s 本版本不认识（归档可能来自更新的版本）；未写入任何数据。 Line %d holds event"
                            + " type %s, unknown to this product (an archive of a newer version?). Nothing was written.",
                    lineNumber, event.eventType(), lineNumber, event.eventType()));
        }
        return event;
    }

    private static Trailer trailer(byte[] line) {
        try {
            Trailer trailer = EventArchive.JSON.readValue(line, Trailer.class);
            if (trailer.end() && trailer.sha256() != null) {
                return trailer;
            }
        } catch (IOException e) {
            // not a trailer: the archive was cut after an event line
        }
        throw truncated();
    }

    /** Splits a stream into lines (without the {@code \n}); a last line without {@code \n} is returned as well. */
    private static final class Lines {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int start;
        private int end;
        private boolean eof;

        Lines(InputStream in) {
            this.in = in;
        }

        byte[] next() throws IOException {
            byte[] partial = null;
            while (true) {
                for (int i = start; i < end; i++) {
                    if (buffer[i] == '\n') {
                        byte[] line = join(partial, i);
                        start = i + 1;
                        return line;
                    }
                }
                if (end > start) {
                    partial = join(partial, end);
                    start = end;
                }
                if (eof) {
                    return partial;
                }
                int n = in.read(buffer, 0, buffer.length);
                if (n < 0) {
                    eof = true;
                    start = end = 0;
                } else {
                    start = 0;
                    end = n;
                }
            }
        }

        private byte[] join(byte[] partial, int upTo) {
            if (partial == null) {
                return Arrays.copyOfRange(buffer, start, upTo);
            }
            byte[] joined = Arrays.copyOf(partial, partial.length + upTo - start);
            System.arraycopy(buffer, start, joined, partial.length, upTo - start);
            return joined;
        }
    }
}
