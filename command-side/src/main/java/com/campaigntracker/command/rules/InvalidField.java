package com.campaigntracker.command.rules;

/** A field is missing, malformed or out of its bounds (HTTP 400). */
public class InvalidField extends RuleViolation {
    private final String field;

    public InvalidField(String field, Object value, String rule) {
        super(Kind.INVALID, "invalid-field", "字段无效",
                "字段 " + field + " " + rule + (value == null ? "" : "(收到: " + abbreviate(value) + ")"),
                "field", field, "rule", rule, "value", value == null ? null : abbreviate(value));
        this.field = field;
    }

    public static InvalidField missing(String field) {
        return new InvalidField(field, null, "不能为空");
    }

    public String field() {
        return field;
    }

    private static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
