package com.campaigntracker.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Refusals of the security layer, in the same problem+json shape as every other error of the API. */
final class ProblemResponses {
    static final URI UNAUTHENTICATED = URI.create("https://campaign-tracker/problems/unauthenticated");
    static final URI FORBIDDEN = URI.create("https://campaign-tracker/problems/forbidden");

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    void unauthenticated(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // A challenge header would make browsers pop up their own login dialog over the UI's fetch calls.
        if (request.getHeader("X-Requested-With") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"campaign-tracker\"");
        }
        write(request, response, HttpStatus.UNAUTHORIZED, UNAUTHENTICATED, "未登录",
                "请先登录：界面使用登录页，接口使用 HTTP Basic 或 Bearer 令牌。");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, FORBIDDEN, "无权操作",
                "当前账号（" + CurrentActor.get().username() + "，角色 " + CurrentActor.get().primaryRole()
                        + "）无权执行此操作：" + request.getMethod() + " " + request.getRequestURI());
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type,
                       String title, String detail) throws IOException {
        ProblemMetrics.tag(request, type);
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            // refused before its body was read: the connection is closed rather than the body awaited
            response.setHeader("Connection", "close");
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem);
    }
}
