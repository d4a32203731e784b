package com.campaigntracker.query.projection;

import com.mongodb.MongoClientSettings;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;

import java.time.LocalDate;
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

    public static LocalDate date(Document d, String field) {
        Object v = d == null ? null : d.get(field);
        return v == null ? null : LocalDate.parse(v.toString());
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

    /**
     * Finds the element whose {@code keyField} equals {@code key} in a list kept sorted by that field, inserting a
     * new one at its sorted place when absent. Sorted arrays keep documents byte-for-byte deterministic whatever
     * the order in which keys first appeared.
     */
    public static Document upsertSorted(List<Document> list, String keyField, String key, Supplier<Document> creator) {
        int lo = 0;
        int hi = list.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = list.get(mid).getString(keyField).compareTo(key);
            if (c == 0) {
                return list.get(mid);
            } else if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        Document created = creator.get();
        list.add(lo, created);
        return created;
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

    /**
     * Activities per activity date, {@code {"2025-07-04": 2, …}} in date order under {@code owner.dates}: a map keyed
     * by date is half the size of a list of {date, n} pairs, and these are rewritten with every batch. A date whose
     * count returns to zero is removed.
     */
    public static void countByDate(Document owner, String date, int sign) {
        Document dates = (Document) owner.get("dates");
        long n = l(dates, date) + sign;
        if (n == 0) {
            dates.remove(date);
            return;
        }
        String last = lastKey(dates);
        boolean staysInOrder = dates.containsKey(date) || last == null || last.compareTo(date) < 0;
        dates.put(date, n);
        if (!staysInOrder) {
            java.util.TreeMap<String, Object> sorted = new java.util.TreeMap<>(dates);
            dates.clear();
            dates.putAll(sorted);
        }
    }

    /** The last key of a document (the latest date of date counts kept in date order), or null if it is empty. */
    public static String lastKey(Document d) {
        String last = null;
        for (String key : d.keySet()) {
            last = key;
        }
        return last;
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

    /** A record as the document the driver would store: the same mapping as a typed collection. */
    @SuppressWarnings("unchecked")
    public static <T> Document encode(T value) {
        BsonDocument bson = new BsonDocument();
        CODECS.get((Class<T>) value.getClass()).encode(new BsonDocumentWriter(bson), value,
                EncoderContext.builder().build());
        return decode(bson, Document.class);
    }
}
