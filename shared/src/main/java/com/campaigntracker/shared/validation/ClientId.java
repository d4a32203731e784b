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

/** A client-supplied id ({@link Bounds#ID_PATTERN}); required unless {@link #optional()}. */
@Constraint(validatedBy = ClientId.Validator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ClientId {
    String RULE = "只能由字母、数字、_ 和 - 组成,长度 1 到 64";

    boolean optional() default false;

    String message() default RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ClientId, String> {
        private boolean optional;

        @Override
        public void initialize(ClientId annotation) {
            optional = annotation.optional();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return optional || Rules.fail(context, Bounds.MISSING);
            }
            return Bounds.ID.matcher(value).matches();
        }
    }
}
