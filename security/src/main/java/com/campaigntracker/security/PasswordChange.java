package com.campaigntracker.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;

/**
 * {@code POST /api/me/password}: an account kept in the store (first-run mode) sets its own password. Until the
 * first-run admin has done so, everything else it asks for is refused (the UI is sent to {@link #PAGE}).
 */
@RestController
public class PasswordChange {
    static final String PATH = "/api/me/password";
    static final String PAGE = "/change-password.html";
    static final int MIN_LENGTH = 12;
    static final URI REQUIRED = URI.create("https://campaign-tracker/problems/password-change-required");
    static final URI REJECTED = URI.create("https://campaign-tracker/problems/password-change-rejected");

    /** The current password (proof it is the account holder, not a forgotten session) and the new one. */
    public record PasswordChangeRequest(String currentPassword, String newPassword) {
    }

    private final AccountDirectory accounts;
    private final PasswordEncoder encoder;

    public PasswordChange(AccountDirectory accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    @PostMapping(PATH)
    public ResponseEntity<?> change(@RequestBody PasswordChangeRequest request) {
        String username = CurrentActor.get().username();
        if (!accounts.storesPasswords()) {
            return rejected(HttpStatus.CONFLICT, "账号在配置中声明（tracker.security.users），请在配置中修改密码");
        }
        var details = accounts.loadUserByUsername(username);
        if (request.currentPassword() == null || !encoder.matches(request.currentPassword(), details.getPassword())) {
            return rejected(HttpStatus.UNPROCESSABLE_ENTITY, "当前密码（currentPassword）不正确");
        }
        String next = request.newPassword();
        if (next == null || next.codePointCount(0, next.length()) < MIN_LENGTH || next.isBlank()) {
            return rejected(HttpStatus.UNPROCESSABLE_ENTITY, "新密码（newPassword）至少 " + MIN_LENGTH + " 个字符");
        }
        if (next.equals(request.currentPassword())) {
            return rejected(HttpStatus.UNPROCESSABLE_ENTITY, "新密码（newPassword）不能与当前密码相同");
        }
        accounts.changePassword(username, encoder.encode(next));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ProblemDetail> rejected(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(REJECTED);
        problem.setTitle("密码未修改");
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Lets an account that must change its password reach only the change itself (and sign out). */
    OncePerRequestFilter gate(ProblemResponses problems) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                Actor actor = CurrentActor.get();
                String path = request.getRequestURI().substring(request.getContextPath().length());
                boolean allowed = path.equals(PATH) || path.equals(PAGE) || path.equals(CsrfTokenController.PATH)
                        || path.equals("/logout") || path.startsWith("/error");
                if (allowed || actor == Actor.ANONYMOUS || !accounts.mustChangePassword(actor.username())) {
                    chain.doFilter(request, response);
                    return;
                }
                if (!path.startsWith("/api/") && "GET".equals(request.getMethod())) {
                    response.sendRedirect(request.getContextPath() + PAGE);
                    return;
                }
                problems.write(request, response, HttpStatus.FORBIDDEN, REQUIRED, "请先修改密码",
                        "首次登录须先修改初始密码（POST " + PATH + "），之后才能使用其他功能");
            }
        };
    }
}
