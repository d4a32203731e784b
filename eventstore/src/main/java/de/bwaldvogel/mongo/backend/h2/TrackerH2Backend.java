package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

import java.lang.reflect.Field;
import java.util.List;

/**
 * mongo-java-server's H2 backend with three changes: unique-index maps compare their keys by value, documents are
 * stored as BSON ({@link BsonDocumentType}) rather than Java-serialized, and queries pin the store version they read
 * ({@link VersionPinningH2Collection}).
 * <p>
 * The stock backend opens index maps with H2's {@code ObjectDataType}; index keys ({@code KeyValue}) are not
 * {@code Comparable}, so every comparison in the index B-tree Java-serializes both keys and compares the bytes. A
 * profile of the event store showed 56% of all CPU there (each {@code _id}/{@code streamKey} lookup and each insert's
 * unique check does ~log2(n) comparisons). This backend opens index maps with {@link KeyValueType}, which writes keys
 * compactly and compares them with the server's own value order.
 * <p>
 * Key order, key format and value format change, so a store file written by the stock backend must not be opened with this one
 * (and vice versa). It lives in mongo-java-server's package because {@code H2UniqueIndex}'s constructor is
 * package-private.
 */
public class TrackerH2Backend extends H2Backend {

    public TrackerH2Backend(MVStore mvStore) {
        super(mvStore);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new TrackerH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /**
     * Index keys: a {@link KeyValue} is written as a count and its elements (each in {@link ObjectDataType}'s
     * compact encoding: strings, numbers without Java serialization) and compared by value, element by element.
     * The stock encoding Java-serialized every key on every page write, and on every comparison.
     */
    public static final class KeyValueType extends ObjectDataType {
        static final KeyValueType INSTANCE = new KeyValueType();

        private static final byte OTHER = 0;
        private static final byte KEY_VALUE = 1;

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue ka && b instanceof KeyValue kb) {
                int size = Math.min(ka.size(), kb.size());
                for (int i = 0; i < size; i++) {
                    int c = ValueComparator.asc().compare(ka.get(i), kb.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return Integer.compare(ka.size(), kb.size());
            }
            return super.compare(a, b);
        }

        @Override
        public int getMemory(Object obj) {
            if (obj instanceof KeyValue kv) {
                int size = 48;
                for (Object element : kv) {
                    size += element instanceof String s ? 48 + 2 * s.length() : 32;
                }
                return size;
            }
            return super.getMemory(obj);
        }

        @Override
        public void write(org.h2.mvstore.WriteBuffer buff, Object obj) {
            if (obj instanceof KeyValue kv) {
                buff.put(KEY_VALUE).putVarInt(kv.size());
                for (Object element : kv) {
                    super.write(buff, element);
                }
            } else {
                buff.put(OTHER);
                super.write(buff, obj);
            }
        }

        @Override
        public Object read(java.nio.ByteBuffer buff) {
            if (buff.get() == KEY_VALUE) {
                int size = org.h2.mvstore.DataUtils.readVarInt(buff);
                Object[] elements = new Object[size];
                for (int i = 0; i < size; i++) {
                    elements[i] = super.read(buff);
                }
                return new KeyValue(elements);
            }
            return super.read(buff);
        }

        @Override
        public void write(org.h2.mvstore.WriteBuffer buff, Object storage, int len) {
            Object[] values = (Object[]) storage;
            for (int i = 0; i < len; i++) {
                write(buff, values[i]);
            }
        }

        @Override
        public void read(java.nio.ByteBuffer buff, Object storage, int len) {
            Object[] values = (Object[]) storage;
            for (int i = 0; i < len; i++) {
                values[i] = read(buff);
            }
        }
    }

    /**
     * Pins the MVStore version a query reads for as long as it runs. A plain MVMap traversal does not, so a scan
     * that outlives the chunk retention time can meet a chunk that compaction already freed ("Chunk … not found",
     * seen in a 1M-event full scan with a short retention time). H2's own transactions use the same mechanism.
     */
    static final class VersionPinningH2Collection extends H2Collection {
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
            MVStore.TxCounter version = mvStore.registerVersionUsage();
            try {
                return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            } finally {
                mvStore.deregisterVersionUsage(version);
            }
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            MVStore.TxCounter version = mvStore.registerVersionUsage();
            try {
                return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            } finally {
                mvStore.deregisterVersionUsage(version);
            }
        }
    }

    static final class TrackerH2Database extends H2Database {
        private static final Field MV_STORE;

        static {
            try {
                MV_STORE = H2Database.class.getDeclaredField("mvStore");
                MV_STORE.setAccessible(true);
            } catch (NoSuchFieldException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        TrackerH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
            super(databaseName, mvStore, cursorRegistry);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVStore mvStore = mvStore();
            MVMap<Object, Document> dataMap = mvStore.openMap(
                    DATABASES_PREFIX + fullName,
                    new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
            MVMap<String, Object> metaMap = mvStore.openMap("meta." + fullName);
            return new VersionPinningH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry,
                                                  mvStore);
        }

        private MVStore mvStore() {
            try {
                return (MVStore) MV_STORE.get(this);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            // called from the super constructor (after it set its mvStore field), so read that field
            MVStore mvStore = mvStore();
            String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            MVMap<KeyValue, Object> map =
                    mvStore.openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
            return new H2UniqueIndex(map, indexName, keys, sparse);
        }
    }
}
