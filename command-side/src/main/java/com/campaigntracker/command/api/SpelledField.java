package com.campaigntracker.command.api;

import com.campaigntracker.command.rules.InvalidField;

/**
 * A request field the API renamed, as the request spelled it: the current name or its deprecated old one. Errors
 * about the field name it the way the client wrote it, so a client still on the old name can find its mistake.
 */
public record SpelledField(String name, String value) {

    /** The field under its current name, or under the deprecated one; both at once is refused (400). */
    public static SpelledField of(String name, String value, String deprecatedName, String deprecatedValue) {
        if (deprecatedValue == null) {
            return new SpelledField(name, value);
        }
        if (value != null) {
            throw new InvalidField(deprecatedName, deprecatedValue, "是 " + name + " 的旧名(已弃用),两者只能填写一个");
        }
        return new SpelledField(deprecatedName, deprecatedValue);
    }
}
