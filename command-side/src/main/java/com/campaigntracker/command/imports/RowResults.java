package com.campaigntracker.command.imports;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;

/**
 * What the preview and the apply found for each row that was not simply valid or applied — the report's 结果
 * column — kept on disk beside the upload in an H2 MVStore (already in the build through the embedded store): a
 * 100,000-row file's results take no heap beyond a small cache, and they survive a restart up to the last commit.
 */
final class RowResults implements AutoCloseable {
    private final MVStore store;
    private final MVMap<Integer, String> preview;
    private final MVMap<Integer, String> apply;

    private RowResults(MVStore store) {
        this.store = store;
        this.preview = store.openMap("preview");
        this.apply = store.openMap("apply");
    }

    /** Opens (or creates) the results of one import; no background thread, commits are {@link #commit()}. */
    static RowResults open(Path file) {
        return new RowResults(new MVStore.Builder().fileName(file.toString()).cacheSize(1).autoCommitDisabled()
                .open());
    }

    void preview(int row, String result) {
        preview.put(row, result);
    }

    String preview(int row) {
        return preview.get(row);
    }

    void apply(int row, String result) {
        apply.put(row, result);
    }

    String apply(int row) {
        return apply.get(row);
    }

    void clearApply() {
        apply.clear();
    }

    void commit() {
        if (!store.isClosed()) {
            store.commit();
        }
    }

    @Override
    public void close() {
        if (!store.isClosed()) {
            store.close();
        }
    }
}
