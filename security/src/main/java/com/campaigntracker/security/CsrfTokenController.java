package com.campaigntracker.security;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Hands the UI the CSRF token of its session (the login page before signing in, the app after). */
@RestController
public class CsrfTokenController {
    static final String PATH = "/csrf";
    static final String HEADER = "X-XSRF-TOKEN";

    /** The token to send back: as header {@code headerName} on API writes, as form field {@code parameterName}. */
    public record CsrfTokenView(String headerName, String parameterName, String token) {
    }

    @GetMapping(PATH)
    public ResponseEntity<CsrfTokenView> token(CsrfToken token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new CsrfTokenView(token.getHeaderName(), token.getParameterName(), token.getToken()));
    }
}
