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

/**
 * A finite number from {@link #min()} to {@link #max()} (null means "not given" and is valid), optionally in
 * steps of {@link #step()}.
 */
@Constraint(validatedBy = Within.Validator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Within {
    long min();

    long max();

    /** Shown after the maximum, e.g. " 小时". */
    String unit() default "";

    /** 0 = any value; else the value must be a multiple of it. */
    double step() default 0;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Within, Number> {
        private Within within;

        @Override
        public void initialize(Within annotation) {
            within = annotation;
        }

        @Override
        public boolean isValid(Number value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            double number = value.doubleValue();
            boolean inRange = value instanceof Double || value instanceof Float
                    ? Double.isFinite(number) && number >= within.min() && number <= within.max()
                    : value.longValue() >= within.min() && value.longValue() <= within.max();
            if (!inRange) {
                return Rules.fail(context, "必须在 " + within.min() + " 到 " + within.max()
                        + (within.unit().isEmpty() ? " " : within.unit()) + "之间");
            }
            double steps = number / within.step();
            if (within.step() > 0 && steps != Math.rint(steps)) {
                return Rules.fail(context, "必须以 " + within.step() + within.unit() + "为单位");
            }
            return true;
        }
    }
}
