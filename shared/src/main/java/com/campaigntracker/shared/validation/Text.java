package com.campaigntracker.shared.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;

/**
 * A text of at most {@link #max()} Unicode code points. Single-line texts may not contain control characters;
 * multi-line texts may contain line breaks and tabs. A {@link #required()} text is neither null nor blank; a text
 * that is not {@link #blank()} may be left out (null) but not given blank.
 */
@Constraint(validatedBy = Text.Validator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Text {
    String TOO_LONG = "不能超过 %d 个字符";
    String CONTROL = "不能包含控制字符";

    int max();

    boolean required() default false;

    boolean blank() default true;

    boolean multiline() default false;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Text, String> {
        private Text text;

        @Override
        public void initialize(Text annotation) {
            text = annotation;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return !text.required() || Rules.fail(context, Bounds.MISSING);
            }
            if ((text.required() || !text.blank()) && value.isBlank()) {
                return Rules.fail(context, Bounds.MISSING);
            }
            if (value.codePointCount(0, value.length()) > text.max()) {
                return Rules.fail(context, TOO_LONG.formatted(text.max()));
            }
            boolean control = value.codePoints().anyMatch(c -> Character.isISOControl(c)
                    && !(text.multiline() && (c == '\n' || c == '\r' || c == '\t')));
            return !control || Rules.fail(context, CONTROL);
        }
    }
}
