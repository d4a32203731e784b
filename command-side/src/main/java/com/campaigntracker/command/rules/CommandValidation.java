package com.campaigntracker.command.rules;

import com.campaigntracker.shared.validation.Bounds;
import com.campaigntracker.shared.validation.Text;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Checks the field rules of every command (the constraint annotations on the command records in {@code shared})
 * before its handler runs, on the command bus rather than at the REST boundary: every sender (the REST API, a
 * spreadsheet import, a test fixture) gets the same checks. Broken rules become one {@link InvalidField} naming
 * every broken field in the record's component order (the first one is its {@code field}), so a refusal is the
 * same whoever sent the command and a form can mark all its wrong fields at once.
 */
@Component
public class CommandValidation extends BeanValidationInterceptor<CommandMessage<?>> {
    private final ValidatorFactory validatorFactory;

    @Autowired
    public CommandValidation(ValidatorFactory validatorFactory) {
        super(validatorFactory);
        this.validatorFactory = validatorFactory;
    }

    public CommandValidation() {
        this(Validation.buildDefaultValidatorFactory());
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        validateMessage(unitOfWork.getMessage().getPayload(), validatorFactory.getValidator());
        return chain.proceed();
    }

    /** Checks on the bus only: as a dispatch interceptor too, Axon's Spring set-up would check every command twice. */
    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, message) -> message;
    }

    @Override
    protected Set<ConstraintViolation<Object>> validateMessage(Object message, Validator validator) {
        Set<ConstraintViolation<Object>> violations = super.validateMessage(message, validator);
        List<InvalidField> broken = violations.stream()
                .sorted(Comparator.comparingInt(CommandValidation::declarationOrder)
                        .thenComparing(v -> v.getPropertyPath().toString()))
                .map(CommandValidation::invalidField)
                .toList();
        if (!broken.isEmpty()) {
            throw broken.size() == 1 ? broken.get(0) : InvalidField.all(broken);
        }
        return violations;
    }

    private static InvalidField invalidField(ConstraintViolation<Object> violation) {
        String field = field(violation.getPropertyPath());
        String rule = violation.getMessage();
        Object value = violation.getInvalidValue();
        Object shown;
        if (value == null || value instanceof Iterable<?> || rule.equals(Text.CONTROL)
                || rule.equals(Bounds.MISSING)) {
            shown = null;
        } else if (value instanceof String text) {
            shown = violation.getConstraintDescriptor().getAnnotation() instanceof Text
                    ? text.codePointCount(0, text.length()) + " 个字符" : text;
        } else {
            shown = value;
        }
        return new InvalidField(field, shown, rule);
    }

    /**
     * The field as the request names it: nested records by their dotted path ({@code targets.sessions}), except
     * {@code figures} and a completion's {@code report}, which the requests carry flat; elements of a collection by
     * the collection.
     */
    private static String field(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getName() != null && !node.getName().startsWith("<")) {
                names.add(node.getName());
            }
        }
        if (names.size() > 1 && names.get(0).equals("report")) {
            names.remove(0);
        }
        if (names.size() > 1 && names.get(0).equals("figures")) {
            names.remove(0);
        }
        return String.join(".", names);
    }

    private static int declarationOrder(ConstraintViolation<Object> violation) {
        String root = violation.getPropertyPath().iterator().next().getName();
        Class<?> type = violation.getRootBeanClass();
        if (!type.isRecord()) {
            return 0;
        }
        List<String> names = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        int index = names.indexOf(root);
        return index < 0 ? names.size() : index;
    }
}
