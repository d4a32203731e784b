package com.campaigntracker.eventstore.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * mongo-java-server's H2 backend with three changes, made through its public and protected API only: unique-index
 * maps compare their keys by value ({@link KeyValueType}), documents are stored as BSON ({@link BsonDocumentType})
 * rather than Java-serialized, and queries pin the store version they read ({@link VersionPinningH2Collection}).
 * <p>
 * The stock backend opens index maps with H2's {@code ObjectDataType}; index keys ({@code KeyValue}) are not
 * {@code Comparable}, so every comparison in the index B-tree Java-serializes both keys and compares the bytes. A
 * profile of the event store showed 56% of all CPU there (each {@code _id}/{@code streamKey} lookup and each insert's
 * unique check does ~log2(n) comparisons).
 * <p>
 * Key order, key format and value format change, so a store file written by the stock backend must not be opened
 * with this one (and vice versa). The map names are the stock backend's, so the file layout is the same otherwise.
 * {@code MongoJavaServerVersionTest} fails when mongo-java-server is upgraded to a version this was not checked on.
 */
public class TrackerH2Backend extends H2Backend {
    /** The stock backend's prefix of collection map names (package-private there). */
    static final String DATABASES_PREFIX = "databases.";

    public TrackerH2Backend(MVStore mvStore) {
        super(mvStore);
    }

    /** The H2 store holding every database of this backend (for snapshot backups and commits). */
    public MVStore mvStore() {
        return getMvStore();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new TrackerH2Database(databaseName);
    }

    /**
     * An inner class on purpose: {@link H2Database}'s constructor already opens collections and indexes through the
     * overridden methods below, before a field of this class could be assigned; the enclosing backend (and so the
     * store) is reachable then, because Java assigns the enclosing instance before the super constructor runs.
     */
    private final class TrackerH2Database extends H2Database {

        TrackerH2Database(String databaseName) {
            super(databaseName, TrackerH2Backend.this.getMvStore(), TrackerH2Backend.this.getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVStore store = mvStore();
            MVMap<Object, Document> dataMap = store.openMap(DATABASES_PREFIX + fullName,
                    new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
            MVMap<String, Object> metaMap = store.openMap("meta." + fullName);
            return new VersionPinningH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry,
                    store);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            MVMap<KeyValue, Object> map =
                    mvStore().openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
            return new MVMapUniqueIndex(map, indexName, keys, sparse);
        }
    }
}
