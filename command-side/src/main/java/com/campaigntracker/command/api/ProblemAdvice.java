package com.campaigntracker.command.api;

import com.campaigntracker.command.rules.FieldLabels;
import com.campaigntracker.command.rules.RuleViolation;
import com.campaigntracker.shared.validation.Bounds;
import com.campaigntracker.shared.unit.UnitType;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns every refusal of the command API into {@code application/problem+json}: a stable {@code type} URI under
 * {@value #TYPE_BASE}, a {@code title}, a Chinese {@code detail} naming the field and the rule, and the ids and
 * values involved as extra members. Scoped to the command side's controllers so the query side keeps its own.
 */
@RestControllerAdvice(basePackages = "com.campaigntracker.command")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemAdvice {
    public static final String TYPE_BASE = "https://campaign-tracker/problems/";
    private static final Set<String> RESERVED = Set.of("type", "title", "status", "detail", "instance");
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        ProblemDetail problem = problem(status, e.type(), e.title(), e.getMessage());
        e.properties().forEach((key, value) -> {
            if (!RESERVED.contains(key)) {
                problem.setProperty(key, value);
            }
        });
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof RuleViolation rule) { // raised while reading the body (RequestText)
                return ruleViolation(rule);
            }
        }
        Throwable cause = e.getCause();
        String field = cause instanceof JsonMappingException m ? path(m) : null;
        String detail;
        if (cause == null) {
            detail = "缺少请求体:请提交 JSON 对象";
        } else if (cause instanceof UnrecognizedPropertyException u) {
            detail = "请求体中有未知字段 " + field + ";可用字段: " + u.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
        } else if (cause instanceof StreamConstraintsException) {
            detail = "请求体超出解析限制(过长或嵌套过深)";
        } else if (cause instanceof JsonParseException p) {
            detail = "请求体不是合法的 JSON(第 " + p.getLocation().getLineNr() + " 行第 "
                     + p.getLocation().getColumnNr() + " 列附近)";
        } else if (cause instanceof InputCoercionException) {
            detail = "请求体中的数值超出范围";
        } else if (cause instanceof MismatchedInputException m && (field == null || field.isEmpty())) {
            detail = "请求体必须是一个 JSON 对象";
        } else if (cause instanceof JsonMappingException m) {
            detail = FieldLabels.of(field) + expectation(m);
        } else {
            detail = "请求体无法解析";
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "请求格式错误", detail);
        if (field != null && !field.isEmpty()) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-field", "字段无效",
                FieldLabels.of(e.getParameterName()) + Bounds.MISSING);
        problem.setProperty("field", e.getParameterName());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-field", "字段无效",
                FieldLabels.of(e.getName()) + "的格式不正确");
        problem.setProperty("field", e.getName());
        return ResponseEntity.badRequest().body(problem);
    }

    /** Spring's own refusals keep their status; anything else is our fault and says so without a trace. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e) {
        if (e instanceof ErrorResponse spring) {
            HttpStatusCode status = spring.getStatusCode();
            ProblemDetail problem = spring.getBody();
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(URI.create(TYPE_BASE + "http-" + status.value()));
            }
            return ResponseEntity.status(status).body(problem);
        }
        log.error("Command request failed", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error", "服务器内部错误", "服务器处理请求时出错,请稍后重试;若持续出现请联系管理员"));
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expectation(JsonMappingException e) {
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType()
                : e instanceof ValueInstantiationException v && v.getType() != null ? v.getType().getRawClass()
                : null;
        if (target == null) {
            return "的值无效";
        }
        if (target == LocalDate.class) {
            return "必须是 YYYY-MM-DD 格式的日期";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "必须是整数";
        }
        if (target == Double.class || target == double.class) {
            return "必须是数字";
        }
        if (target == String.class) {
            return "必须是字符串";
        }
        if (target == UnitType.class) {
            return "必须是单位类型之一: " + Arrays.stream(UnitType.values()).map(UnitType::label)
                    .collect(Collectors.joining("、"));
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "必须是数组";
        }
        return "必须是 JSON 对象";
    }
}
