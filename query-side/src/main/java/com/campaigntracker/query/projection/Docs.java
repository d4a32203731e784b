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

import java.lang.reflect.RecordComponent;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Small helpers for raw BSON documents: number reads, composed keys, sorted arrays of sub-documents. */
public final class Docs {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final String SEP = "|";

    private Docs() {
    }

    public static String key(String... parts) {
        return String.join(SEP, parts);
    }

    public static long l(Document d, String field) {
        Object v = d == null ? null : d.get(field);
        return v instanceof Number n ? n.longValue() : 0L;
    }

    public static double dbl(Document d, String field) {
        Object v = d == null ? null : d.get(field);
        return v instanceof Number n ? n.doubleValue() : 0.0;
    }

    @SuppressWarnings("unchecked")
    public static List<Document> list(Document d, String field) {
        Object v = d.get(field);
        if (v == null) {
            List<Document> l = new ArrayList<>();
            d.put(field, l);
            return l;
        }
        return (List<Document>) v;
    }

    @SuppressWarnings("unchecked")
    public static List<String> strings(Document d, String field) {
        Object v = d.get(field);
        if (v == null) {
            List<String> l = new ArrayList<>();
            d.put(field, l);
            return l;
        }
        return (List<String>) v;
    }

    /** Adds to a sorted list of strings; false when already present. */
    public static boolean addSorted(List<String> list, String value) {
        int i = java.util.Collections.binarySearch(list, value);
        if (i >= 0) {
            return false;
        }
        list.add(-i - 1, value);
        return true;
    }

    private static final CodecRegistry CODECS = MongoClientSettings.getDefaultCodecRegistry();

    /** A copy sharing nothing with {@code d}, with the same BSON types (a BSON round trip). */
    public static Document deepCopy(Document d) {
        return decode(d, Document.class);
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
            Object v;
            try {
                v = c.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            full.put(key, v instanceof Record nested ? encode(nested) : encoded.get(key));
        }
        return full;
    }
}
