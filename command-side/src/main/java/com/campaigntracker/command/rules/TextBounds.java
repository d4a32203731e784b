package com.campaigntracker.command.rules;

import com.campaigntracker.shared.validation.Bounds;
import com.campaigntracker.shared.validation.ClientId;

/**
 * The text bounds of the REST requests' schema, and the check of ids in request paths. The rules themselves are
 * the constraint annotations on the commands ({@link Bounds}), checked by {@link CommandValidation}.
 */
public final class TextBounds {
    public static final int UNIT_NAME_MAX = Bounds.UNIT_NAME_MAX;
    public static final int TITLE_MAX = Bounds.TITLE_MAX;
    public static final int THEME_MAX = Bounds.THEME_MAX;
    public static final int DESCRIPTION_MAX = Bounds.DESCRIPTION_MAX;
    public static final int SITE_MAX = Bounds.SITE_MAX;
    public static final int CATEGORY_MAX = Bounds.CATEGORY_MAX;
    public static final int NOTES_MAX = Bounds.NOTES_MAX;
    public static final int REASON_MAX = Bounds.REASON_MAX;

    private TextBounds() {
    }

    /** An id of a request path or body, before it names a stream. */
    public static String id(String field, String value) {
        if (value == null) {
            throw InvalidField.missing(field);
        }
        if (!Bounds.ID.matcher(value).matches()) {
            throw new InvalidField(field, value, ClientId.RULE);
        }
        return value;
    }
}
