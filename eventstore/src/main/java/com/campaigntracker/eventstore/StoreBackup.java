package com.campaigntracker.eventstore;

import com.mongodb.client.MongoDatabase;
import org.h2.mvstore.FileStore;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Snapshot backup of the running embedded store: a copy of its file that is itself a data directory (start the
 * product with {@code --tracker.data-dir=<copy>} to restore it).
 * <p>
 * How the copy stays consistent while the product keeps writing: the MVStore never overwrites a live chunk, and
 * with space reuse switched off (what H2's own online backup, {@code FileStore.backup}, does) it does not overwrite
 * dead chunks either — every commit made during the copy is appended at the end of the file. The copy therefore
 * holds the last commit made before it started (the group commit it waits for), plus possibly later ones; a commit
 * cut off at the end of the copy is incomplete and ignored when the copy is opened, as after a crash.
 * <p>
 * Writers are not paused: an append acknowledged before the backup started is in the file already (group commit),
 * and the backup waits for one more group commit so that every append already written is in it too.
 */
public final class StoreBackup {

    private StoreBackup() {
    }

    /**
     * A backup taken.
     *
     * @param dataDir    directory of the copy (a data directory)
     * @param file       the copied store file
     * @param sizeBytes  its size
     * @param eventCount event documents in the store when the backup started; all of them are in the copy (skip
     *                   markers of failed appends, if any, included)
     * @param position   highest global position reserved when the backup started: every event acknowledged by then
     *                   has a position up to it and is in the copy
     */
    public record Summary(Path dataDir, Path file, long sizeBytes, long eventCount, long position) {
    }

    /** Copies the store of {@code embedded} into {@code targetDir}, which must not exist yet. */
    public static Summary backup(EmbeddedMongo embedded, MongoDatabase database, Path targetDir) throws IOException {
        Path dir = targetDir.toAbsolutePath();
        Files.createDirectories(dir.getParent());
        Files.createDirectory(dir);
        Path target = dir.resolve(embedded.file().getFileName());
        Path partial = dir.resolve(embedded.file().getFileName() + ".partial");

        long position = EventArchiveWriter.headPosition(database);
        long eventCount = database.getCollection(TrackerEventStorageEngine.EVENTS).estimatedDocumentCount();
        embedded.durabilityBarrier().awaitDurable();

        FileStore<?> fileStore = embedded.backend().getMvStore().getFileStore();
        boolean reused = fileStore.isSpaceReused();
        fileStore.setReuseSpace(false);
        try (FileChannel in = FileChannel.open(embedded.file(), StandardOpenOption.READ);
             FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long size = in.size();
            for (long done = 0; done < size; ) {
                done += in.transferTo(done, size - done, out);
            }
            out.force(true);
        } finally {
            fileStore.setReuseSpace(reused);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return new Summary(dir, target, Files.size(target), eventCount, position);
    }
}
