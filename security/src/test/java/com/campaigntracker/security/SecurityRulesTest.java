package com.campaigntracker.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(classes = SecuredTestApplication.class, properties = {
        "tracker.security.users[0].username=coord", "tracker.security.users[0].password={noop}coord-pw",
        "tracker.security.users[0].roles=COORDINATOR",
        "tracker.security.users[1].username=suo", "tracker.security.users[1].password={noop}suo-pw",
        "tracker.security.users[1].roles=UNIT", "tracker.security.users[1].unit=hd-suo-1",
        "tracker.security.users[2].username=leader", "tracker.security.users[2].password={noop}leader-pw",
        "tracker.security.users[2].roles=LEADER", "tracker.security.users[2].district=海淀区",
        "tracker.security.users[3].username=root", "tracker.security.users[3].password={noop}root-pw",
        "tracker.security.users[3].roles=ADMIN"})
@AutoConfigureMockMvc
class SecurityRulesTest {
    private static final KeyPair KEYS = rsaKeys();

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("security-test-");
        Path pem = dir.resolve("jwt-public.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("tracker.data-dir", () -> dir.resolve("data").toString());
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    @Test
    void anonymousApiCallsGetAProblemJson401() throws Exception {
        mvc.perform(get("/api/campaigns"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://campaign-tracker/problems/unauthenticated"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("请先登录")))
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"campaign-tracker\""));
    }

    @Test
    void theUiAsksForNoBrowserDialog() throws Exception {
        mvc.perform(get("/api/campaigns").header("X-Requested-With", "fetch"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"));
    }

    @Test
    void anonymousBrowsersAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/").accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login.html")));
        MvcResult page = mvc.perform(get("/login.html")).andExpect(status().isOk()).andReturn();
        assertThat(page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("用户名");
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        mvc.perform(get("/api/campaigns").with(httpBasic("coord", "nope"))).andExpect(status().isUnauthorized());
    }

    @Test
    void coordinatorLaunchesButCannotAdminister() throws Exception {
        mvc.perform(post("/api/campaigns").with(httpBasic("coord", "coord-pw")))
                .andExpect(status().isOk()).andExpect(content().string("coord/COORDINATOR/null/null"));
        mvc.perform(get("/api/admin/projections").with(httpBasic("coord", "coord-pw")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://campaign-tracker/problems/forbidden"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("无权")));
    }

    @Test
    void unitReportsButCannotLaunch() throws Exception {
        mvc.perform(post("/api/campaigns/c1/activities").with(httpBasic("suo", "suo-pw")))
                .andExpect(status().isOk()).andExpect(content().string("suo/UNIT/hd-suo-1/null"));
        mvc.perform(put("/api/campaigns/c1/activities/a1").with(httpBasic("suo", "suo-pw")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/campaigns/c1/enrollments").with(httpBasic("suo", "suo-pw")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/campaigns").with(httpBasic("suo", "suo-pw"))).andExpect(status().isForbidden());
    }

    @Test
    void leaderOnlyReads() throws Exception {
        mvc.perform(get("/api/campaigns").with(httpBasic("leader", "leader-pw")))
                .andExpect(status().isOk()).andExpect(content().string("leader/LEADER/null/海淀区"));
        mvc.perform(post("/api/campaigns/c1/activities").with(httpBasic("leader", "leader-pw")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/campaigns").with(httpBasic("leader", "leader-pw"))).andExpect(status().isForbidden());
    }

    @Test
    void adminAdministers() throws Exception {
        mvc.perform(get("/api/admin/projections").with(httpBasic("root", "root-pw")))
                .andExpect(status().isOk()).andExpect(content().string("root/ADMIN/null/null"));
    }

    @Test
    void aBadFormLoginReturnsToTheLoginPageWithAnError() throws Exception {
        MockHttpSession anonymous = new MockHttpSession();
        mvc.perform(post("/login").session(anonymous).param("username", "coord").param("password", "wrong")
                        .param("_csrf", SessionSafetyTest.csrf(mvc, anonymous)))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login.html?error")));
    }

    @Test
    void aLocallySignedJwtCarriesRolesUnitAndDistrict() throws Exception {
        String token = jwt(List.of("UNIT"), "jwt-unit", "hd-zhan-9", null, Instant.now().plusSeconds(300));
        mvc.perform(post("/api/campaigns/c1/activities").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(content().string("jwt-unit/UNIT/hd-zhan-9/null"));
        mvc.perform(post("/api/campaigns").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden());

        String leader = jwt(List.of("LEADER"), "jwt-leader", null, "顺义区", Instant.now().plusSeconds(300));
        mvc.perform(get("/api/campaigns").header("Authorization", "Bearer " + leader))
                .andExpect(status().isOk()).andExpect(content().string("jwt-leader/LEADER/null/顺义区"));
    }

    @Test
    void anExpiredJwtIsRefused() throws Exception {
        String token = jwt(List.of("ADMIN"), "late", null, null, Instant.now().minusSeconds(600));
        mvc.perform(get("/api/campaigns").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    private static String jwt(List<String> roles, String username, String unit, String district, Instant expiry)
            throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject("sub-" + username).claim("preferred_username", username).claim("roles", roles)
                .issueTime(Date.from(expiry.minusSeconds(900))).expirationTime(Date.from(expiry));
        if (unit != null) {
            claims.claim("unit", unit);
        }
        if (district != null) {
            claims.claim("district", district);
        }
        SignedJWT signed = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        signed.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
        return signed.serialize();
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
