package com.campaigntracker.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Finding 9 of issue 16: the first-run admin can do nothing but replace its password, then everything. */
@SpringBootTest(classes = SecuredTestApplication.class)
@AutoConfigureMockMvc
class PasswordChangeTest {
    private static Path data;

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        data = Files.createTempDirectory("first-run-").resolve("data");
        registry.add("tracker.data-dir", data::toString);
    }

    @Test
    void theFirstRunAdminMustChangeItsPasswordFirst() throws Exception {
        String initial = Files.readString(data.resolve(AccountDirectory.PASSWORD_FILE)).strip();

        mvc.perform(get("/api/campaigns").with(httpBasic("admin", initial)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://campaign-tracker/problems/password-change-required"));
        // the UI: signed in by the form, every page leads to the change page
        MockHttpSession session = new MockHttpSession();
        var login = mvc.perform(post("/login").session(session).param("username", "admin").param("password", initial)
                .param("_csrf", SessionSafetyTest.csrf(mvc, session))).andExpect(status().isFound()).andReturn();
        MockHttpSession signedIn = (MockHttpSession) login.getRequest().getSession(false);
        mvc.perform(get("/").session(signedIn).accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", PasswordChange.PAGE));

        mvc.perform(post(PasswordChange.PATH).with(httpBasic("admin", initial)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"wrong\",\"newPassword\":\"a-long-new-secret\"}"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(post(PasswordChange.PATH).with(httpBasic("admin", initial)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"" + initial + "\",\"newPassword\":\"short\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("至少 12 个字符")));
        // the session changes it, with its CSRF token
        mvc.perform(post(PasswordChange.PATH).session(signedIn).header("X-XSRF-TOKEN",
                                SessionSafetyTest.csrf(mvc, signedIn)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"currentPassword\":\"" + initial + "\",\"newPassword\":\"a-long-new-secret\"}"))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/campaigns").session(signedIn)).andExpect(status().isOk());
        mvc.perform(get("/api/campaigns").with(httpBasic("admin", "a-long-new-secret"))).andExpect(status().isOk());
        mvc.perform(get("/api/campaigns").with(httpBasic("admin", initial))).andExpect(status().isUnauthorized());
    }
}
