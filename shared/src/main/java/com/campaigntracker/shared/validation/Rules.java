package com.campaigntracker.shared.validation;

import jakarta.validation.ConstraintValidatorContext;

/** Helpers of the constraint validators. */
final class Rules {
    private Rules() {
    }

    /** Reports {@code rule} (plain text, no message expressions) instead of the constraint's message. */
    static boolean fail(ConstraintValidatorContext context, String rule) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(rule.replace("\\", "\\\\").replace("{", "\\{")
                .replace("}", "\\}").replace("$", "\\$")).addConstraintViolation();
        return false;
    }
}
