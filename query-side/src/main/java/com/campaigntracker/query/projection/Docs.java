package com.campaigntracker.query.projection;

import com.mongodb.MongoClientSettings;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.codecs.pojo.annotations.BsonId;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Read-model documents as records (the driver's record codec), composed keys, sorted id lists. */
public final class Docs {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final CodecRegistry CODECS = MongoClientSettings.getDefaultCodecRegistry();
    private static final ClassValue<Method> ID = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getAccessor)
                    .filter(a -> a.isAnnotationPresent(BsonId.class)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(type + " has no @BsonId component"));
        }
    };

    private Docs() {
    }

    public static String key(String... parts) {
        return String.join("|", parts);
    }

    /** Adds to a sorted list of strings; false when already present. */
    public static boolean addSorted(List<String> list, String value) {
        int i = Collections.binarySearch(list, value);
        if (i >= 0) {
            return false;
        }
        list.add(-i - 1, value);
        return true;
    }

    static Method id(Class<?> type) {
        return ID.get(type);
    }

    /** The {@code @BsonId} component of a document record. */
    static String id(Record document) {
        return (String) get(id(document.getClass()), document);
    }

    private static Object get(Method accessor, Record value) {
        try {
            return accessor.invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A document as the record (or other class) the driver's codecs map it to. */
    public static <T> T decode(Document d, Class<T> type) {
        return decode(d.toBsonDocument(Document.class, CODECS), type);
    }

    private static <T> T decode(BsonDocument bson, Class<T> type) {
        return CODECS.get(type).decode(new BsonDocumentReader(bson), DecoderContext.builder().build());
    }

    /**
     * A record as the document the driver's record codec stores, with every component present (null ones too, and
     * nested records likewise): a document keeps the same fields, in component order, whatever it holds, as a
     * replaced document must for a rebuild to be byte-for-byte the same as the incremental build.
     */
    @SuppressWarnings("unchecked")
    public static Document encode(Record value) {
        BsonDocument bson = new BsonDocument();
        CODECS.get((Class<Record>) value.getClass()).encode(new BsonDocumentWriter(bson), value,
                EncoderContext.builder().build());
        Document encoded = decode(bson, Document.class);
        Document full = new Document();
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            String key = c.getAccessor().isAnnotationPresent(BsonId.class) ? "_id" : c.getName();
            full.put(key, get(c.getAccessor(), value) instanceof Record nested ? encode(nested) : encoded.get(key));
        }
        return full;
    }
}
