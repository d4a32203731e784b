package com.campaigntracker.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

import java.net.URI;

/**
 * A path no controller and no static file answers ({@code GET /api/nope}, and {@code POST /api/nope}, which only the
 * static-file handler matched) is a Chinese problem+json 404 with a stable type on both sides, instead of Spring's
 * English {@code about:blank} ("No static resource …"). Ordered right after the command side's own advice, which
 * keeps answering for its controllers.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class UnknownPathAdvice {
    public static final URI TYPE = URI.create("https://campaign-tracker/problems/unknown-path");

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> unknownPath(HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "没有这个地址:" + request.getMethod() + " " + request.getRequestURI() + ",请检查路径");
        problem.setType(TYPE);
        problem.setTitle("地址不存在");
        problem.setProperty("path", request.getRequestURI());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e,
                                                   HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof ResourceHttpRequestHandler) {
            return unknownPath(request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
                ProblemErrorController.detail(HttpStatus.METHOD_NOT_ALLOWED) + ":" + request.getMethod() + " "
                        + request.getRequestURI());
        problem.setType(URI.create("https://campaign-tracker/problems/http-405"));
        problem.setTitle("请求方法不允许");
        var response = ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.getSupportedHttpMethods() != null) {
            response.allow(e.getSupportedHttpMethods().toArray(org.springframework.http.HttpMethod[]::new));
        }
        return response.body(problem);
    }
}
