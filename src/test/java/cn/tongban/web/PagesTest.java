package cn.tongban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import cn.tongban.IntegrationTest;
import cn.tongban.identity.DepartmentType;
import cn.tongban.identity.TestAccounts;
import cn.tongban.identity.TestCallers;

/** Issue #8: who reaches which page, sign-in from a browser form, the language switch, the pages' assets. */
@IntegrationTest
class PagesTest {

    @Autowired
    MockMvc http;
    @Autowired
    WebApplicationContext context;

    /** Without the suite's default sign-in: these tests sign in for real. */
    MockMvc browser;

    @BeforeEach
    void realSignIn() {
        browser = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void aPageWithoutSignInRedirectsToTheSignInPageWithTheWayBack() throws Exception {
        http.perform(get("/console/registration/applications").queryParam("status", "ACCEPTED").with(anonymous()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?next=%2Fconsole%2Fregistration%2Fapplications%3Fstatus%3DACCEPTED"));
        http.perform(get("/portal").with(anonymous()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?next=%2Fportal"));
    }

    @Test
    void theApiStillAnswers401ProblemJsonWithoutSignIn() throws Exception {
        http.perform(get("/api/v1/session").with(anonymous()).accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("auth.required"));
    }

    @Test
    void theLandingAndSignInPagesArePublicAndTheSignInFormCarriesTheCsrfToken() throws Exception {
        http.perform(get("/").with(anonymous()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("/portal/public/verify")))
                .andExpect(content().string(containsString("320402198503142314")))
                .andExpect(content().string(containsString("/swagger-ui.html")));
        http.perform(get("/login").queryParam("next", "/console/tax").with(anonymous()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("value=\"/console/tax\"")));
    }

    @Test
    void aBrowserSignInGoesToTheConsoleForStaffAndThePortalForCitizens() throws Exception {
        String clerk = TestAccounts.staff(context, DepartmentType.HOUSING, List.of("320402"), "housing-clerk");
        browser.perform(post("/login").with(csrf()).accept(MediaType.TEXT_HTML)
                        .param("username", clerk).param("password", TestAccounts.PASSWORD))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console"));
        String citizen = TestAccounts.citizen(context);
        browser.perform(post("/login").with(csrf()).param("redirect", "1")
                        .param("username", citizen).param("password", TestAccounts.PASSWORD))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/portal"));
    }

    @Test
    void aBrowserSignInFollowsNextOnlyWithinThePlatform() throws Exception {
        String clerk = TestAccounts.staff(context, DepartmentType.HOUSING, List.of(), "housing-clerk");
        browser.perform(post("/login").with(csrf()).param("redirect", "1").param("next", "/console/building/units?page=2")
                        .param("username", clerk).param("password", TestAccounts.PASSWORD))
                .andExpect(redirectedUrl("/console/building/units?page=2"));
        for (String elsewhere : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example")) {
            browser.perform(post("/login").with(csrf()).param("redirect", "1").param("next", elsewhere)
                            .param("username", clerk).param("password", TestAccounts.PASSWORD))
                    .andExpect(redirectedUrl("/console"));
        }
    }

    @Test
    void aFailedBrowserSignInReturnsToTheSignInPageWithTheReasonAndTheApiKeepsItsJson() throws Exception {
        String clerk = TestAccounts.staff(context, DepartmentType.HOUSING, List.of(), "housing-clerk");
        browser.perform(post("/login").with(csrf()).accept(MediaType.TEXT_HTML).param("next", "/console")
                        .param("username", clerk).param("password", "wrong password 1"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login?error=login.failed&next=%2Fconsole"));
        browser.perform(post("/login").with(csrf()).accept(MediaType.APPLICATION_JSON)
                        .param("username", clerk).param("password", "wrong password 1"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("login.failed"));
        browser.perform(get("/login").queryParam("error", "login.failed"))
                .andExpect(content().string(containsString("用户名或密码错误。")));
    }

    @Test
    void aBrowserSignOutGoesToTheLandingPageAndTheApiSignOutStays204() throws Exception {
        String clerk = TestAccounts.staff(context, DepartmentType.HOUSING, List.of(), "housing-clerk");
        MockHttpSession session = (MockHttpSession) browser.perform(post("/login").with(csrf())
                        .param("username", clerk).param("password", TestAccounts.PASSWORD))
                .andExpect(status().isOk())
                .andReturn().getRequest().getSession(false);
        browser.perform(get("/console").session(session)).andExpect(status().isOk());
        browser.perform(post("/logout").session(session).with(csrf()).param("redirect", "1"))
                .andExpect(redirectedUrl("/"));
        browser.perform(get("/console").session(session)).andExpect(status().isFound());
        MockHttpSession api = (MockHttpSession) browser.perform(post("/login").with(csrf())
                        .param("username", clerk).param("password", TestAccounts.PASSWORD))
                .andReturn().getRequest().getSession(false);
        browser.perform(post("/logout").session(api).with(csrf())).andExpect(status().isNoContent());
    }

    @Test
    void aPageTheCallerMayNotOpenIsA403HtmlPage() throws Exception {
        http.perform(get("/portal").with(TestCallers.as(TestCallers.districtClerk("320402"))).accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("无权访问")));
    }

    @Test
    void anUnknownPageIsA404HtmlPageInTheLayout() throws Exception {
        http.perform(get("/console/no-such-page").with(TestCallers.as(TestCallers.cityAdmin())).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("未找到")))
                .andExpect(content().string(containsString("nav class=\"side\"")));
    }

    @Test
    void theLanguageSwitchKeepsEnglishInACookieAndWithoutItAcceptLanguageStillDecides() throws Exception {
        http.perform(get("/login").queryParam("lang", "en").with(anonymous()))
                .andExpect(status().isOk())
                .andExpect(cookie().value(WebConfiguration.LANGUAGE_COOKIE, "en"))
                .andExpect(content().string(containsString("Sign in")));
        http.perform(get("/login").cookie(new Cookie(WebConfiguration.LANGUAGE_COOKIE, "en")).with(anonymous()))
                .andExpect(content().string(containsString("lang=\"en\"")));
        http.perform(get("/login").with(anonymous()))
                .andExpect(content().string(containsString("lang=\"zh-CN\"")));
        http.perform(get("/login").header("Accept-Language", "en").with(anonymous()))
                .andExpect(content().string(containsString("lang=\"en\"")));
        // the API's errors: the language the client asks for, Chinese when it asks for none
        http.perform(get("/api/v1/session").header("Accept-Language", "en").with(anonymous()))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.matchesPattern("[\\x20-\\x7E]+")));
        http.perform(get("/api/v1/session").with(anonymous()))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.matchesPattern(".*[\\u4e00-\\u9fff].*")));
    }

    @Test
    void theConsoleDashboardShowsTheSectionsOfTheCaller() throws Exception {
        String body = http.perform(get("/console").with(TestCallers.as(TestCallers.cityAdmin())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("管理控制台", "href=\"/swagger-ui.html\"", "href=\"/console\"");
    }

    @Test
    void theScriptsStylesAndWebJarsArePublicAndVersionLess() throws Exception {
        for (String asset : List.of("/css/tongban.css", "/js/tongban.js", "/images/favicon.svg",
                "/webjars/htmx.org/dist/htmx.min.js", "/webjars/echarts/dist/echarts.min.js")) {
            http.perform(get(asset).with(anonymous())).andExpect(status().isOk());
        }
    }
}
