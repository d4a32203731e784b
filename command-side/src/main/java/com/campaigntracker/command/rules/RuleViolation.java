package com.campaigntracker.command.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A broken rule. Every rule has its own small subclass that carries the ids and values involved; the REST layer
 * turns it into an {@code application/problem+json} answer with the stable {@link #type()}, the {@link #title()},
 * the Chinese {@link #getMessage() detail} and the {@link #properties()} as extra members.
 */
public abstract class RuleViolation extends RuntimeException {

    /** What kind of refusal this is; the REST layer maps it to 400, 403, 404, 409, 422 or 503. */
    public enum Kind {
        INVALID, NOT_FOUND, CONFLICT, UNPROCESSABLE, BUSY, FORBIDDEN
    }

    private final Kind kind;
    private final String type;
    private final String title;
    private final Map<String, Object> properties;

    protected RuleViolation(Kind kind, String type, String title, String detail, Object... keysAndValues) {
        super(detail, null, false, false);
        this.kind = kind;
        this.type = type;
        this.title = title;
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                props.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        this.properties = Collections.unmodifiableMap(props);
    }

    public Kind kind() {
        return kind;
    }

    /** Stable slug of the problem type, e.g. {@code campaign-closed}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
