package cn.tongban.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.kernel.CitizenIdNumber;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/** Issue #3 item 6: a citizen signs in with their ID number and sees who accessed their records, and why. */
@IntegrationTest
class CitizenSignInTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    CitizenAccounts citizens;
    @Autowired
    AuditLog audit;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    JdbcClient jdbc;

    MockMvc http;
    String idNumber;

    @BeforeEach
    void citizenWhoseHomeABankRead() {
        http = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        idNumber = TestData.citizenId("19900101");
        citizens.create(CitizenIdNumber.of(idNumber), "李四", "a long pass phrase", false);
        Caller bank = new Caller("loan-officer-" + TestData.next(), ActorKind.STAFF, "91320400MA00000013", "测试银行常州分行",
                DepartmentType.BANK, java.util.Set.of(), true, java.util.Set.of("bank-officer"), java.util.Set.of(), java.util.Set.of(), null);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(bank, null, java.util.List.of()));
        try {
            audit.record(AuditRecord.read("unit-owner", "320402001001GB00100F00010001", cipher.blindIndex(idNumber))
                    .withPurpose("个人住房贷款审核", "LOAN-2026-001"));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private MockHttpSession signIn(String password) throws Exception {
        return (MockHttpSession) http.perform(post("/login").with(csrf()).param("username", idNumber).param("password", password))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("CITIZEN"))
                .andReturn().getRequest().getSession(false);
    }

    @Test
    void citizenSeesWhichDepartmentReadTheirRecordAndWhy() throws Exception {
        MockHttpSession session = signIn("a long pass phrase");
        http.perform(get("/api/v1/audit/my-accesses").session(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].departmentName").value("测试银行常州分行"))
                .andExpect(jsonPath("$.items[0].purpose").value("个人住房贷款审核"))
                .andExpect(jsonPath("$.items[0].action").value("read"));
    }

    @Test
    void citizenHasNoAccessToStaffData() throws Exception {
        MockHttpSession session = signIn("a long pass phrase");
        http.perform(get("/api/v1/units").session(session)).andExpect(status().isForbidden());
        http.perform(get("/api/v1/audit/events").session(session)).andExpect(status().isForbidden());
    }

    @Test
    void citizenAccountKeepsTheIdNumberSealed() {
        String raw = jdbc.sql("SELECT row_to_json(c)::text FROM citizen_account c WHERE id_number_index = ?")
                .param(cipher.blindIndex(idNumber)).query(String.class).single();
        org.assertj.core.api.Assertions.assertThat(raw).doesNotContain(idNumber).doesNotContain("李四");
    }
}
