package com.campaigntracker.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Finding 4 of issue 16: CSRF tokens bound to the session, and a session never lends itself to a header request. */
@SpringBootTest(classes = SecuredTestApplication.class, properties = {
        "tracker.security.users[0].username=coord", "tracker.security.users[0].password={noop}coord-pw",
        "tracker.security.users[0].roles=COORDINATOR"})
@AutoConfigureMockMvc
class SessionSafetyTest {
    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("session-test-").toString();
        registry.add("tracker.data-dir", () -> dir);
    }

    /** The CSRF token of {@code session}, as the UI gets it. */
    static String csrf(MockMvc mvc, MockHttpSession session) throws Exception {
        String body = mvc.perform(get(CsrfTokenController.PATH).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var view = new ObjectMapper().readValue(body, CsrfTokenController.CsrfTokenView.class);
        assertThat(view.headerName()).isEqualTo("X-XSRF-TOKEN");
        assertThat(view.parameterName()).isEqualTo("_csrf");
        return view.token();
    }

    private MockHttpSession signedIn() throws Exception {
        MockHttpSession session = new MockHttpSession();
        var login = mvc.perform(post("/login").session(session).param("username", "coord")
                        .param("password", "coord-pw").param("_csrf", csrf(mvc, session)))
                .andExpect(status().isFound()).andReturn();
        return (MockHttpSession) login.getRequest().getSession(false);
    }

    @Test
    void aSessionWritesOnlyWithItsOwnToken() throws Exception {
        MockHttpSession session = signedIn();
        mvc.perform(post("/api/campaigns").session(session)).andExpect(status().isForbidden());
        // the forged double submit that used to pass: a cookie a sibling site can set, and the same value posted
        mvc.perform(post("/api/campaigns").session(session).cookie(new Cookie("XSRF-TOKEN", "evil"))
                .param("_csrf", "evil")).andExpect(status().isForbidden());
        mvc.perform(post("/api/campaigns").session(session).cookie(new Cookie("XSRF-TOKEN", "evil"))
                .header("X-XSRF-TOKEN", "evil")).andExpect(status().isForbidden());
        // another session's token is no good either
        String foreign = csrf(mvc, new MockHttpSession());
        mvc.perform(post("/api/campaigns").session(session).header("X-XSRF-TOKEN", foreign))
                .andExpect(status().isForbidden());

        mvc.perform(post("/api/campaigns").session(session).header("X-XSRF-TOKEN", csrf(mvc, session)))
                .andExpect(status().isOk()).andExpect(content().string("coord/COORDINATOR/null/null"));
    }

    @Test
    void anAuthorizationHeaderThatDoesNotAuthenticateIsNotRescuedByTheSessionCookie() throws Exception {
        MockHttpSession session = signedIn();
        mvc.perform(post("/api/campaigns").session(session).header("Authorization", "Bearer x"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/campaigns").session(session).header("Authorization", "Bearer x"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/campaigns").session(session).with(httpBasic("coord", "wrong")))
                .andExpect(status().isUnauthorized());
        // the header that does authenticate needs no token, with or without a session
        mvc.perform(post("/api/campaigns").session(session).with(httpBasic("coord", "coord-pw")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/campaigns").with(httpBasic("coord", "coord-pw"))).andExpect(status().isOk());
        // and the session still works on its own
        mvc.perform(get("/api/campaigns").session(session)).andExpect(status().isOk());
    }
}
