package com.campaigntracker.command.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.UUID;

/** The bodies of accepted commands: the ids involved and, when known, the global event {@code position}. */
public final class Answers {
    private Answers() {
    }

    /** 201 with a Location header (the query side serves GET on it). */
    public static ResponseEntity<CommandAnswer> created(String location, CommandAnswer answer) {
        return ResponseEntity.created(URI.create(location)).body(answer);
    }

    public static ResponseEntity<CommandAnswer> ok(CommandAnswer answer) {
        return ResponseEntity.ok(answer);
    }

    /** 201 for an accepted creation, 200 for a repeat that changed nothing. */
    public static ResponseEntity<CommandAnswer> createdOrRepeated(boolean created, String location,
                                                                  CommandAnswer answer) {
        return created ? created(location, answer) : ResponseEntity.status(HttpStatus.OK).body(answer);
    }

    /** Server-generated id for a client that supplied none. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

}
