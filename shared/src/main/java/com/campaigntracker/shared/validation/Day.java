package com.campaigntracker.shared.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;

/** A date between {@link Bounds#EARLIEST_DATE} and {@link Bounds#LATEST_DATE}; required unless {@link #optional()}. */
@Constraint(validatedBy = Day.Validator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Day {
    boolean optional() default false;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Day, LocalDate> {
        private boolean optional;

        @Override
        public void initialize(Day annotation) {
            optional = annotation.optional();
        }

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            if (value == null) {
                return optional || Rules.fail(context, Bounds.MISSING);
            }
            return !value.isBefore(Bounds.EARLIEST_DATE) && !value.isAfter(Bounds.LATEST_DATE)
                   || Rules.fail(context, "必须在 " + Bounds.EARLIEST_DATE + " 到 " + Bounds.LATEST_DATE + " 之间");
        }
    }
}
