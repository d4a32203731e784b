package com.campaigntracker.query.projection;

import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** A read-model collection and the record its documents are, keyed by the record's {@code @BsonId} component. */
public final class Table<T extends Record> {
    private final String name;
    private final Class<T> type;
    private final Method id;

    private Table(String name, Class<T> type) {
        this.name = name;
        this.type = type;
        this.id = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getAccessor)
                .filter(a -> a.isAnnotationPresent(BsonId.class)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type + " has no @BsonId component"));
    }

    public static <T extends Record> Table<T> of(String name, Class<T> type) {
        return new Table<>(name, type);
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    String id(T document) {
        try {
            return (String) id.invoke(document);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    T decode(Document stored) {
        return Docs.decode(stored, type);
    }

    @SuppressWarnings("unchecked")
    Document encode(Object document) {
        return Docs.encode((T) document);
    }
}
