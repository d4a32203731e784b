package com.campaigntracker.eventstore.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.function.Supplier;

/**
 * Pins the MVStore version a query reads for as long as it runs. A plain MVMap traversal does not, so a scan
 * that outlives the chunk retention time can meet a chunk that compaction already freed ("Chunk … not found",
 * seen in a 1M-event full scan with a short retention time). H2's own transactions use the same mechanism.
 */
final class VersionPinningH2Collection extends H2Collection {
    private final MVStore mvStore;

    VersionPinningH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                               MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
                               CursorRegistry cursorRegistry, MVStore mvStore) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.mvStore = mvStore;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        return pinned(() -> super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        return pinned(() -> super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector));
    }

    private QueryResult pinned(Supplier<QueryResult> query) {
        MVStore.TxCounter version = mvStore.registerVersionUsage();
        try {
            return query.get();
        } finally {
            mvStore.deregisterVersionUsage(version);
        }
    }
}
