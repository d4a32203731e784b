package com.campaigntracker.eventstore;

import com.campaigntracker.eventstore.EventArchive.ArchivedEvent;
import com.campaigntracker.eventstore.EventArchive.Header;
import com.campaigntracker.eventstore.EventArchive.Trailer;
import com.campaigntracker.eventstore.StoredEventEntry.Fields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes every stored event, in global order, to an {@link EventArchive}. Reads the store in windows of
 * {@value #WINDOW} ids (the next window is fetched while the current one is written), so memory stays bounded
 * whatever the size of the history.
 * <p>
 * The header carries the event count, which is known only at the end: it is written first as its own,
 * uncompressed gzip member with a fixed-width count, and overwritten in place once the events are written.
 */
public final class EventArchiveWriter {
    static final int WINDOW = 1000;
    /** Wide enough for any long; JSON allows the trailing blanks. */
    private static final int COUNT_WIDTH = 19;
    private static final String PLACEHOLDER = "\"eventCount\":" + Long.MAX_VALUE;

    private EventArchiveWriter() {
    }

    /**
     * What was written.
     *
     * @param eventCount   events in the archive
     * @param lastPosition global position of the last one (0 if none)
     * @param sha256       checksum of the event lines (as in the trailer)
     * @param sizeBytes    size of the archive file
     */
    public record Summary(long eventCount, long lastPosition, String sha256, long sizeBytes) {
    }

    /**
     * Exports to {@code target}, first into a sibling temporary file that is moved into place only when complete, so
     * an interrupted export never leaves a file that looks like an archive.
     *
     * @param embedded whether the database is the embedded server (read by {@code _id} windows; a real MongoDB
     *                 streams one cursor sorted by {@code _id})
     */
    public static Summary export(MongoDatabase database, boolean embedded, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try {
            Summary summary;
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                summary = write(database, embedded, channel);
                channel.force(true);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return summary;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Writes the archive into {@code channel} from its current start (position 0). */
    static Summary write(MongoDatabase database, boolean embedded, FileChannel channel) throws IOException {
        byte[] placeholder = headerMember(Long.MAX_VALUE);
        channel.position(0);
        writeFully(channel, placeholder);
        MessageDigest sha = sha256();
        long[] count = {0};
        long[] last = {0};
        OutputStream file = new java.io.FilterOutputStream(Channels.newOutputStream(channel)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the channel stays open: the header is rewritten afterwards
            }
        };
        OutputStream body = new GZIPOutputStream(new BufferedOutputStream(file, 1 << 16), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
        forEachStored(database, embedded, document -> {
            try {
                byte[] line = line(document);
                sha.update(line);
                body.write(line);
                count[0]++;
                last[0] = ((Number) document.get(Fields.ID)).longValue();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String checksum = HexFormat.of().formatHex(sha.digest());
        body.write(EventArchive.JSON.writeValueAsBytes(new Trailer(true, count[0], last[0], checksum)));
        body.write('\n');
        body.close();
        long size = channel.size();
        byte[] header = headerMember(count[0]);
        if (header.length != placeholder.length) {
            throw new IllegalStateException("archive header changed length");
        }
        channel.write(ByteBuffer.wrap(header), 0);
        return new Summary(count[0], last[0], checksum, size);
    }

    /** The header line as its own gzip member, stored uncompressed so its length does not depend on the count. */
    private static byte[] headerMember(long eventCount) throws IOException {
        String json = new String(EventArchive.JSON.writeValueAsBytes(new Header(EventArchive.FORMAT,
                EventArchive.FORMAT_VERSION, EventArchive.productVersion(), Long.MAX_VALUE)), StandardCharsets.UTF_8);
        String count = String.valueOf(eventCount);
        String padded = "\"eventCount\":" + count + " ".repeat(COUNT_WIDTH - count.length());
        byte[] line = (json.replace(PLACEHOLDER, padded) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes) {
            {
                def.setLevel(Deflater.NO_COMPRESSION);
            }
        }) {
            gzip.write(line);
        }
        return bytes.toByteArray();
    }

    private static byte[] line(Document document) throws IOException {
        ArchivedEvent event = new ArchivedEvent(
                ((Number) document.get(Fields.ID)).longValue(),
                document.getString(Fields.TYPE),
                document.getString(Fields.AGGREGATE_ID),
                ((Number) document.get(Fields.SEQUENCE_NUMBER)).longValue(),
                document.getString(Fields.EVENT_ID),
                document.getString(Fields.PAYLOAD_TYPE),
                document.getString(Fields.PAYLOAD_REVISION),
                document.getString(Fields.TIMESTAMP),
                json(document.get(Fields.PAYLOAD)),
                json(document.get(Fields.META_DATA)));
        byte[] json = EventArchive.JSON.writeValueAsBytes(event);
        byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        return line;
    }

    private static JsonNode json(Object stored) {
        if (stored == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        return stored instanceof String text ? JsonNodeFactory.instance.textNode(text) : BsonJson.toJson(stored);
    }

    /**
     * Every stored event document (skip markers of failed appends left out) in ascending {@code _id}. On the embedded
     * server by {@code _id $in} windows, which it answers from the primary index (an unfiltered or range query
     * would make it copy the whole collection); the windows go on past the counter while they find documents, for
     * a store whose counter a crash left behind (the engine repairs that on its next start).
     */
    static void forEachStored(MongoDatabase database, boolean embedded, Consumer<Document> action) {
        MongoCollection<Document> events = database.getCollection(TrackerEventStorageEngine.EVENTS);
        if (!embedded) {
            for (Document document : events.find().sort(Sorts.ascending(Fields.ID)).batchSize(WINDOW)) {
                if (!Boolean.TRUE.equals(document.get(Fields.SKIPPED))) {
                    action.accept(document);
                }
            }
            return;
        }
        long head = headPosition(database);
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "event-archive-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            long from = 1;
            Future<List<Document>> next = reader.submit(() -> window(events, 1));
            while (true) {
                List<Document> found = next.get();
                long following = from + WINDOW;
                if (found.isEmpty() && from > head) {
                    return;
                }
                next = reader.submit(() -> window(events, following));
                for (Document document : found) {
                    if (!Boolean.TRUE.equals(document.get(Fields.SKIPPED))) {
                        action.accept(document);
                    }
                }
                from = following;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("export interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading the event store failed", e.getCause());
        } finally {
            reader.shutdownNow();
        }
    }

    private static List<Document> window(MongoCollection<Document> events, long from) {
        List<Long> ids = new ArrayList<>(WINDOW);
        for (long id = from; id < from + WINDOW; id++) {
            ids.add(id);
        }
        List<Document> found = new ArrayList<>(WINDOW);
        events.find(Filters.in(Fields.ID, ids)).batchSize(WINDOW).into(found);
        found.sort(Comparator.comparingLong(d -> ((Number) d.get(Fields.ID)).longValue()));
        return found;
    }

    /** Highest reserved global id (the counter), 0 for an empty store. */
    static long headPosition(MongoDatabase database) {
        Document counter = database.getCollection(TrackerEventStorageEngine.COUNTERS)
                                   .find(Filters.eq(Fields.ID, TrackerEventStorageEngine.EVENTS_COUNTER)).first();
        return counter == null || counter.get(TrackerEventStorageEngine.SEQ) == null
               ? 0 : ((Number) counter.get(TrackerEventStorageEngine.SEQ)).longValue();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeFully(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
