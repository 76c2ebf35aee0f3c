package cn.tongban.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.kernel.UnifiedSocialCreditCode;

/** Issue #3 items 1 and 2: staff sign in with a password and a session; department systems with client credentials. */
@IntegrationTest
class SignInTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    Accounts accounts;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** The suite's MockMvc, with every servlet filter (rate and size limits) and its default sign-in. */
    @Autowired
    MockMvc full;

    /** Without the suite's default sign-in: these tests sign in for real. */
    MockMvc http;
    String user;
    String client;

    @BeforeEach
    void accounts() {
        http = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        int n = TestData.next();
        long department = accounts.department(UnifiedSocialCreditCode.of(TestData.creditCode()), "天宁区房产交易中心" + n,
                DepartmentType.HOUSING, false, List.of("320402"));
        user = "clerk" + n;
        accounts.staff(user, "张三", department, "correct horse battery", false, List.of("housing-clerk"));
        client = "bank-" + n;
        long bank = accounts.department(UnifiedSocialCreditCode.of(TestData.creditCode()), "测试银行" + n, DepartmentType.BANK, true, List.of());
        accounts.systemClient(client, "测试银行信贷系统", client + "-secret", bank, false, List.of("bank-officer"));
    }

    @Test
    void staffSignInWithPasswordAndUseTheSession() throws Exception {
        MockHttpSession session = (MockHttpSession) http.perform(post("/login").with(csrf())
                        .param("username", user).param("password", "correct horse battery"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actorId").value(user))
                .andExpect(jsonPath("$.districts[0]").value("320402"))
                .andReturn().getRequest().getSession(false);
        http.perform(get("/api/v1/session").session(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("STAFF"))
                .andExpect(jsonPath("$.permissions").isArray());
    }

    @Test
    void wrongPasswordIsProblemJsonAndFiveInARowLockTheAccount() throws Exception {
        for (int i = 0; i < StaffAccounts.MAX_FAILURES; i++) {
            http.perform(post("/login").with(csrf()).param("username", user).param("password", "wrong"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("login.failed"));
        }
        http.perform(post("/login").with(csrf()).param("username", user).param("password", "correct horse battery"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("login.locked"));
    }

    @Test
    void everySignInSuccessfulOrNotIsInTheAuditLog() throws Exception {
        http.perform(post("/login").with(csrf()).param("username", user).param("password", "wrong"));
        http.perform(post("/login").with(csrf()).param("username", user).param("password", "correct horse battery"));
        org.assertj.core.api.Assertions.assertThat(jdbc.sql(
                        "SELECT outcome FROM audit_event WHERE action = 'sign-in' AND resource_id = ? ORDER BY seq").param(user)
                .query(String.class).list()).containsExactly("DENIED", "SUCCESS");
    }

    @Test
    void changesWithASessionNeedTheCsrfToken() throws Exception {
        MockHttpSession session = (MockHttpSession) http.perform(post("/login").with(csrf())
                        .param("username", user).param("password", "correct horse battery"))
                .andReturn().getRequest().getSession(false);
        http.perform(post("/api/v1/units/imports").session(session).contentType("text/csv").content("x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void departmentSystemGetsATokenWithClientCredentialsAndCallsTheApiWithIt() throws Exception {
        String body = http.perform(post("/oauth2/token").with(httpBasic(client, client + "-secret"))
                        .param("grant_type", "client_credentials"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token_type").value("Bearer"))
                .andReturn().getResponse().getContentAsString();
        String token = new ObjectMapper().readTree(body).get("access_token").asText();
        http.perform(get("/api/v1/session").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("SYSTEM"))
                .andExpect(jsonPath("$.actorId").value(client))
                .andExpect(jsonPath("$.departmentType").value("BANK"))
                .andExpect(jsonPath("$.permissions[0]").value(Permissions.UNIT_QUERY));
        // a bank may read units, but not change them: no CSRF needed with a bearer token, the permission decides
        http.perform(post("/api/v1/units/imports").header("Authorization", "Bearer " + token).contentType("text/csv").content("x"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("auth.forbidden"));
    }

    @Test
    void tokenRequestsBeyondTheClientsRateAreRefusedWith429AndRetryAfter() throws Exception {
        int status = 0;
        for (int i = 0; i <= 5 && status != 429; i++) {
            status = full.perform(post("/oauth2/token").with(anonymous()).with(httpBasic(client, client + "-secret"))
                    .param("grant_type", "client_credentials")).andReturn().getResponse().getStatus();
        }
        full.perform(post("/oauth2/token").with(anonymous()).with(httpBasic(client, client + "-secret"))
                        .param("grant_type", "client_credentials"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("rate.limited"));
    }

    @Test
    void oversizedBodyIsRefusedWith413() throws Exception {
        full.perform(post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + "x".repeat(2_000_000) + "\"}"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("body.too-large"));
    }

    @Test
    void wrongClientSecretGetsNoToken() throws Exception {
        http.perform(post("/oauth2/token").with(httpBasic(client, "guess")).param("grant_type", "client_credentials"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void forgedTokenIsRefused() throws Exception {
        http.perform(get("/api/v1/session").header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
