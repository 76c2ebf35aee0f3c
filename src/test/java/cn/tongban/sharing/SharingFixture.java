package cn.tongban.sharing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.tongban.TestData;

/**
 * A consumer department of its own for each test — a department, its system client and the client's bearer token,
 * made through the API as an administrator would — and grants for it.
 */
final class SharingFixture {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    final MockMvc http;
    final ObjectMapper json = new ObjectMapper();
    final String departmentCode = TestData.creditCode();
    final String clientId = "sharing-test-" + TestData.next();
    final String departmentName;
    final String token;

    /** A city-wide department of the type, whose system client holds the role. */
    SharingFixture(MockMvc http, String type, String role) throws Exception {
        this.http = http;
        departmentName = "共享测试部门" + TestData.next();
        long department = body(postJson("/api/v1/departments", """
                {"creditCode":"%s","name":"%s","type":"%s","allDistricts":true,"districts":[]}"""
                .formatted(departmentCode, departmentName, type)).andExpect(status().isCreated())).get("id").asLong();
        String secret = body(postJson("/api/v1/clients", """
                {"clientId":"%s","name":"共享测试系统","departmentId":%d,"roles":["%s"]}""".formatted(clientId, department, role))
                .andExpect(status().isCreated())).get("clientSecret").asText();
        token = body(http.perform(post("/oauth2/token").with(anonymous()).with(httpBasic(clientId, secret))
                .param("grant_type", "client_credentials")).andExpect(status().isOk())).get("access_token").asText();
    }

    /** Grants the item for the purposes, these fields in full, valid from yesterday for a year; returns its id. */
    long grant(String item, String purpose, String... fullFields) throws Exception {
        return grant(item, purpose, TODAY.minusDays(1), TODAY.plusYears(1), fullFields);
    }

    long grant(String item, String purpose, LocalDate from, LocalDate to, String... fullFields) throws Exception {
        return body(postJson("/api/v1/sharing/grants", """
                {"departmentCode":"%s","item":"%s","purposes":["%s"],"fullFields":%s,"validFrom":"%s","validTo":"%s",
                 "legalBasis":"建房〔2020〕61号"}""".formatted(departmentCode, item, purpose, json.writeValueAsString(fullFields), from, to))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    /** The request as the department's system sends it: its token, the purpose and a case number. */
    MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String purpose) {
        return bearer(request).header("X-Purpose", purpose).header("X-Case-Number", "CASE-" + TestData.next());
    }

    MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + token);
    }

    ResultActions postJson(String path, String body) throws Exception {
        return http.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
