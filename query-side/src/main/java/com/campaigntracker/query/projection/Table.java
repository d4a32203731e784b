package com.campaigntracker.query.projection;

/** A read-model collection and the record its documents are, keyed by the record's {@code @BsonId} component. */
public record Table<T extends Record>(String name, Class<T> type) {
    public static <T extends Record> Table<T> of(String name, Class<T> type) {
        Docs.id(type); // fails now for a record without a key
        return new Table<>(name, type);
    }
}
