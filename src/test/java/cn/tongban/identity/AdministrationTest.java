package cn.tongban.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;

/** Issue #3 item 1: administrators create departments, staff users and system clients; roles fit the department. */
@IntegrationTest
class AdministrationTest {

    @Autowired
    MockMvc http;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private final ObjectMapper json = new ObjectMapper();

    private ResultActions postJson(String path, String body) throws Exception {
        return http.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long taxDepartment() throws Exception {
        String body = postJson("/api/v1/departments", """
                {"creditCode":"%s","name":"测试税务分局%d","type":"TAX","allDistricts":false,"districts":["320411"]}"""
                .formatted(TestData.creditCode(), TestData.next()))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    @Test
    void administratorCreatesAUserWhoCanThenSignIn() throws Exception {
        long department = taxDepartment();
        String user = "officer" + TestData.next();
        postJson("/api/v1/users", """
                {"username":"%s","displayName":"赵六","departmentId":%d,"password":"tax office 2026","roles":["tax-officer"]}"""
                .formatted(user, department))
                .andExpect(status().isCreated());
        http.perform(post("/login").with(anonymous()).with(csrf()).param("username", user).param("password", "tax office 2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.departmentType").value("TAX"))
                .andExpect(jsonPath("$.districts[0]").value("320411"));
        org.assertj.core.api.Assertions.assertThat(jdbc.sql(
                        "SELECT actor_id FROM audit_event WHERE action = 'create' AND resource_type = 'staff-user' AND resource_id = ?")
                .param(user).query(String.class).list()).containsExactly("test-admin");
    }

    @Test
    void weakPasswordAndARoleOfAnotherKindOfDepartmentAreRefusedByName() throws Exception {
        long department = taxDepartment();
        postJson("/api/v1/users", """
                {"username":"weak%d","displayName":"钱七","departmentId":%d,"password":"short","roles":["court-officer"]}"""
                .formatted(TestData.next(), department))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].code").value("user.password-weak"))
                .andExpect(jsonPath("$.errors[1].field").value("roles[0]"))
                .andExpect(jsonPath("$.errors[1].code").value("role.other-department-type"));
    }

    @Test
    void issuedClientSecretWorksOnceShownAndIsNotStoredInClear() throws Exception {
        long department = taxDepartment();
        String clientId = "tax-system-" + TestData.next();
        JsonNode issued = json.readTree(postJson("/api/v1/clients", """
                {"clientId":"%s","name":"金税系统","departmentId":%d,"roles":["tax-officer"]}""".formatted(clientId, department))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        String secret = issued.get("clientSecret").asText();
        http.perform(post("/oauth2/token").with(anonymous()).with(httpBasic(clientId, secret)).param("grant_type", "client_credentials"))
                .andExpect(status().isOk());
    }

    @Test
    void districtAdministratorCannotCreateACityWideDepartment() throws Exception {
        http.perform(post("/api/v1/departments").with(TestCallers.as(TestCallers.districtClerk("320402")))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"creditCode":"%s","name":"越权部门%d","type":"HOUSING","allDistricts":true}"""
                                .formatted(TestData.creditCode(), TestData.next())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("scope.outside"));
    }

    @Test
    void rolesListTheirPermissions() throws Exception {
        http.perform(get("/api/v1/roles"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'auditor')].permissions[0]").value(Permissions.AUDIT_QUERY));
    }
}
