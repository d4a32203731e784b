package com.campaigntracker.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Errors raised below the controllers — an unknown path, a method not allowed, a URL the firewall refuses, a body
 * over the size limit — answer in the API's one error shape, problem+json with a Chinese detail, never a
 * container page or a stack trace.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null
                ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
        problem.setType(URI.create("https://campaign-tracker/problems/http-" + status.value()));
        problem.setTitle(status.getReasonPhrase());
        if (uri != null) {
            problem.setProperty("path", uri.toString());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "请求无效：地址或参数中含有不允许的字符（如 ..、%2e、// 或控制字符），或格式不正确";
            case NOT_FOUND -> "没有这个地址，请检查路径";
            case METHOD_NOT_ALLOWED -> "此地址不支持该请求方法";
            case PAYLOAD_TOO_LARGE -> "请求体过大";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持的内容类型，请使用 application/json";
            case REQUEST_HEADER_FIELDS_TOO_LARGE, URI_TOO_LONG -> "请求地址或请求头过长";
            case UNAUTHORIZED -> "请先登录";
            case FORBIDDEN -> "无权执行此操作";
            default -> status.is5xxServerError() ? "服务器内部错误，请稍后重试；如持续出现请联系管理员" : "请求未能完成";
        };
    }
}
