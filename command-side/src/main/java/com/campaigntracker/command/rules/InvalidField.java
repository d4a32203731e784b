package com.campaigntracker.command.rules;

import com.campaigntracker.shared.validation.Bounds;

/**
 * A field is missing, malformed or out of its bounds (HTTP 400). The detail names the field by its Chinese label
 * ({@link FieldLabels}) followed by the rule, e.g. "结束日期不能早于开始日期"; {@code field} keeps the JSON name.
 */
public class InvalidField extends RuleViolation {
    private final String field;

    public InvalidField(String field, Object value, String rule) {
        super(Kind.INVALID, "invalid-field", "字段无效",
                FieldLabels.of(field) + rule + (value == null ? "" : "(收到: " + abbreviate(value) + ")"),
                "field", field, "rule", rule, "value", value == null ? null : abbreviate(value));
        this.field = field;
    }

    public static InvalidField missing(String field) {
        return new InvalidField(field, null, Bounds.MISSING);
    }

    public String field() {
        return field;
    }

    private static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
