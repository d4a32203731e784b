package com.campaigntracker.query.web;

import com.campaigntracker.security.ExpensiveQueries;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.net.URI;

/** Errors of the query API as application/problem+json with a Chinese detail. */
@RestControllerAdvice(basePackages = "com.campaigntracker.query")
public class QueryProblemAdvice {

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return problem(e.status(), e.title(), e.getMessage());
    }

    @ExceptionHandler(ExpensiveQueries.Busy.class)
    ResponseEntity<ProblemDetail> busy(ExpensiveQueries.Busy e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ExpensiveQueries.DETAIL);
        p.setTitle(ExpensiveQueries.TITLE);
        p.setType(ExpensiveQueries.TYPE);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", ExpensiveQueries.RETRY_AFTER_SECONDS).body(p);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "请求参数无效",
                "参数 " + e.getName() + " 的值无效: " + e.getValue());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "请求参数无效", "缺少参数 " + e.getParameterName());
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("https://campaign-tracker/problems/" + status.value()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
