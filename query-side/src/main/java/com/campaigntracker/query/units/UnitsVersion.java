package com.campaigntracker.query.units;

import org.bson.codecs.pojo.annotations.BsonId;

/**
 * {@value #COLLECTION}, one document {@value #ID}: how many unit events the read model holds, a marker that moves
 * whenever any unit's name, place or status does (part of the progress cache key).
 */
public record UnitsVersion(@BsonId String id, Long applied) {
    public static final String COLLECTION = "rm_units_version";
    public static final String ID = "units";

    UnitsVersion next() {
        return new UnitsVersion(ID, applied + 1);
    }
}
