package com.campaigntracker.command.rules;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Bounds of every text, id and date a command carries; quoted by the README. Lengths count Unicode code
 * points (an emoji is one). Single-line texts may not contain control characters; multi-line texts (notes,
 * description) may contain line breaks and tabs.
 */
public final class TextBounds {
    /** Client-supplied ids: letters, digits, {@code _} and {@code -}, 1 to 64 characters. */
    public static final Pattern ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    public static final int UNIT_NAME_MAX = 100;
    public static final int DISTRICT_MAX = 50;
    public static final int TITLE_MAX = 200;
    public static final int THEME_MAX = 200;
    public static final int DESCRIPTION_MAX = 2000;
    public static final int SITE_MAX = 200;
    public static final int CATEGORY_MAX = 50;
    public static final int NOTES_MAX = 2000;
    public static final int REASON_MAX = 500;

    /** Dates outside this range are typing errors, not campaigns. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2099, 12, 31);

    private TextBounds() {
    }

    public static String id(String field, String value) {
        if (value == null) {
            throw InvalidField.missing(field);
        }
        if (!ID.matcher(value).matches()) {
            throw new InvalidField(field, value, "只能由字母、数字、_ 和 - 组成,长度 1 到 64");
        }
        return value;
    }

    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw InvalidField.missing(field);
        }
        return optional(field, value, max);
    }

    public static String optional(String field, String value, int max) {
        return check(field, value, max, false);
    }

    public static String requiredMultiline(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw InvalidField.missing(field);
        }
        return check(field, value, max, true);
    }

    public static String optionalMultiline(String field, String value, int max) {
        return check(field, value, max, true);
    }

    public static LocalDate date(String field, LocalDate value) {
        if (value == null) {
            throw InvalidField.missing(field);
        }
        if (value.isBefore(EARLIEST_DATE) || value.isAfter(LATEST_DATE)) {
            throw new InvalidField(field, value, "必须在 " + EARLIEST_DATE + " 到 " + LATEST_DATE + " 之间");
        }
        return value;
    }

    private static String check(String field, String value, int max, boolean multiline) {
        if (value == null) {
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw new InvalidField(field, length + " 个字符", "不能超过 " + max + " 个字符");
        }
        boolean control = value.codePoints().anyMatch(c -> Character.isISOControl(c)
                && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
        if (control) {
            throw new InvalidField(field, null, "不能包含控制字符");
        }
        return value;
    }
}
