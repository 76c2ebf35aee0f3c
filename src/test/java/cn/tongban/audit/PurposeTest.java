package cn.tongban.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;

/** A sharing query states its purpose and case number (X-Purpose, X-Case-Number); the log records them. */
@IntegrationTest
class PurposeTest {

    @Autowired
    MockMvc http;

    /** The owner's connection: these tests read the log directly and tamper with it as only the owner could. */
    JdbcClient jdbc;

    @Autowired
    void owner(cn.tongban.OwnerDatabase owner) {
        jdbc = owner.jdbc();
    }

    @Test
    void sharingQueryWithoutPurposeIsRefusedNamingTheHeader() throws Exception {
        http.perform(get("/test/audit/sharing-query").header(Purpose.CASE_NUMBER_HEADER, "（2026）苏0411执123号"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("X-Purpose"))
                .andExpect(jsonPath("$.errors[0].code").value("audit.purpose-required"))
                .andExpect(jsonPath("$.errors[0].message").value("须在请求头 X-Purpose 中说明查询目的"));
    }

    @Test
    void sharingQueryWithoutEitherHeaderIsRefusedNamingBoth() throws Exception {
        http.perform(get("/test/audit/sharing-query"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("X-Purpose"))
                .andExpect(jsonPath("$.errors[1].field").value("X-Case-Number"))
                .andExpect(jsonPath("$.errors[1].code").value("audit.case-number-required"));
    }

    @Test
    void purposeCaseNumberCallerAndTraceIdAreRecordedWithTheQuery() throws Exception {
        String caseNumber = AuditFixture.unique("（2026）苏0411执");
        String trace = AuditFixture.unique("trace");
        http.perform(get("/test/audit/sharing-query")
                        .with(authentication(AuditFixture.authentication(AuditFixture.staff("court-clerk", "常州市天宁区人民法院"))))
                        // percent-encoded UTF-8, as clients send non-ASCII header values
                        .header(Purpose.PURPOSE_HEADER, URLEncoder.encode("执行案件财产查询", StandardCharsets.UTF_8))
                        .header(Purpose.CASE_NUMBER_HEADER, caseNumber)
                        .header("X-Trace-Id", trace))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Trace-Id", trace))
                .andExpect(jsonPath("$.purpose").value("执行案件财产查询"));

        Map<String, Object> row = jdbc.sql("SELECT * FROM audit_event WHERE case_number = ?").param(caseNumber).query().singleRow();
        assertThat(row).containsEntry("purpose", "执行案件财产查询").containsEntry("trace_id", trace)
                .containsEntry("actor_id", "court-clerk").containsEntry("actor_kind", "STAFF")
                .containsEntry("department_name", "常州市天宁区人民法院")
                // the address the request came from, not what the caller object claimed
                .containsEntry("source_address", "127.0.0.1")
                .containsEntry("resource_type", "test-probe").containsEntry("outcome", "SUCCESS");
    }

    @Test
    void malformedTraceIdIsReplaced() throws Exception {
        http.perform(get("/test/audit/sharing-query").header("X-Trace-Id", "bad trace\r\nid"))
                .andExpect(header().string("X-Trace-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{32}")));
    }
}
