package com.campaigntracker.command.rules;

import com.campaigntracker.shared.validation.Bounds;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A field is missing, malformed or out of its bounds (HTTP 400). The detail names the field by its Chinese label
 * ({@link FieldLabels}) followed by the rule, e.g. "结束日期不能早于开始日期"; {@code field} keeps the JSON name.
 */
public class InvalidField extends RuleViolation {
    private final String field;

    public InvalidField(String field, Object value, String rule) {
        this(field, value, rule, List.of(error(field, value, rule)));
    }

    private InvalidField(String field, Object value, String rule, List<FieldError> errors) {
        super(Kind.INVALID, "invalid-field", "字段无效",
                errors.stream().map(FieldError::message).collect(Collectors.joining(";")),
                "field", field, "rule", rule, "value", value == null ? null : abbreviate(value), "errors", errors);
        this.field = field;
    }

    /**
     * Several broken fields at once: {@code field}, {@code rule} and {@code value} are the first's, the detail
     * names them all, {@code errors} lists each.
     */
    public static InvalidField all(List<InvalidField> broken) {
        InvalidField first = broken.get(0);
        return new InvalidField(first.field, first.properties().get("value"), (String) first.properties().get("rule"),
                broken.stream().flatMap(b -> b.errors().stream()).toList());
    }

    @SuppressWarnings("unchecked")
    public List<FieldError> errors() {
        return (List<FieldError>) properties().get("errors");
    }

    private static FieldError error(String field, Object value, String rule) {
        return new FieldError(field, FieldLabels.of(field).strip(),
                FieldLabels.of(field) + rule + (value == null ? "" : "(收到: " + abbreviate(value) + ")"));
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
