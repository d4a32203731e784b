package com.campaigntracker.command.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The bodies of accepted commands: the ids involved and, when known, the global event {@code position}. */
public final class Answers {
    private Answers() {
    }

    /** 201 with a Location header (the query side serves GET on it). */
    public static ResponseEntity<Map<String, Object>> created(String location, Object... idsAndValues) {
        return ResponseEntity.created(URI.create(location)).body(body(idsAndValues));
    }

    public static ResponseEntity<Map<String, Object>> ok(Object... idsAndValues) {
        return ResponseEntity.ok(body(idsAndValues));
    }

    /** 201 for an accepted creation, 200 for a repeat that changed nothing. */
    public static ResponseEntity<Map<String, Object>> createdOrRepeated(boolean created, String location,
                                                                        Object... idsAndValues) {
        return created ? created(location, idsAndValues)
                : ResponseEntity.status(HttpStatus.OK).body(body(idsAndValues));
    }

    /** Server-generated id for a client that supplied none. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    private static Map<String, Object> body(Object... idsAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i + 1 < idsAndValues.length; i += 2) {
            body.put((String) idsAndValues[i], idsAndValues[i + 1]);
        }
        EventPosition.lastAppended().ifPresent(position -> body.put("position", position));
        return body;
    }
}
