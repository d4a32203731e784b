package com.campaigntracker.query.projection;

import com.mongodb.MongoClientSettings;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.BsonNull;
import org.bson.BsonValue;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.codecs.pojo.annotations.BsonId;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

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

    /** A stored document as the record (or other class) the driver's codecs map it to. */
    public static <T> T decode(BsonDocument bson, Class<T> type) {
        return CODECS.get(type).decode(new BsonDocumentReader(bson), DecoderContext.builder().build());
    }

    /**
     * A record as the document the driver's record codec stores, with every component present (null ones too, and
     * nested records likewise): a document keeps the same fields, in component order, whatever it holds, as a
     * replaced document must for a rebuild to be byte-for-byte the same as the incremental build.
     */
    @SuppressWarnings("unchecked")
    public static BsonDocument encode(Record value) {
        BsonDocument bson = new BsonDocument();
        CODECS.get((Class<Record>) value.getClass()).encode(new BsonDocumentWriter(bson), value,
                EncoderContext.builder().build());
        return complete(value, bson);
    }

    private static BsonDocument complete(Record value, BsonDocument encoded) {
        BsonDocument full = new BsonDocument();
        for (Component c : COMPONENTS.get(value.getClass())) {
            BsonValue v = encoded.get(c.key());
            if (c.mayHoldRecord() && v != null && get(c.accessor(), value) instanceof Record nested) {
                v = complete(nested, v.asDocument());
            }
            full.put(c.key(), v == null ? BsonNull.VALUE : v);
        }
        return full;
    }

    /** A record component as stored: its key, and whether its value can be a record (to complete it, too). */
    private record Component(String key, Method accessor, boolean mayHoldRecord) {
    }

    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).map(c -> {
                Class<?> t = c.getType();
                boolean mayHoldRecord = !t.isPrimitive() && !t.isEnum() && !t.isArray()
                        && (Record.class.isAssignableFrom(t) || t.isInterface() || t == Object.class)
                        && !Collection.class.isAssignableFrom(t) && !Map.class.isAssignableFrom(t);
                return new Component(c.getAccessor().isAnnotationPresent(BsonId.class) ? "_id" : c.getName(),
                        c.getAccessor(), mayHoldRecord);
            }).toList();
        }
    };
}
