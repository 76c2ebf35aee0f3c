package cn.tongban.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.filing.FilingFixture;
import cn.tongban.kernel.Masking;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/**
 * 数据共享授权 (issue #5 item 4; 建房〔2020〕61号 八: 非因工作需要不得访问共享使用房屋网签备案系统): no grant, an expired
 * grant, a purpose outside the grant or a revoked grant is 403 naming the rule and on the audit log as DENIED; what
 * the grant does not show in full is masked.
 */
@IntegrationTest
class SharingGrantsTest {

    static final String LOAN = "个人住房贷款审核";

    @Autowired
    MockMvc http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalDataCipher cipher;

    SharingFixture bank;
    String person = TestData.citizenId("19850314");

    @BeforeEach
    void bank() throws Exception {
        bank = new SharingFixture(http, "BANK", "bank-officer");
    }

    private long denials(String code) {
        return jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE actor_id = ? AND outcome = 'DENIED' AND action = 'sharing.housing'
                   AND subject_index = ? AND resource_id = ?""")
                .params(bank.clientId, cipher.blindIndex(person), code).query(Long.class).single();
    }

    @Test
    void queryWithoutPurposeOrCaseNumberIsRefusedNamingBoth() throws Exception {
        bank.grant("HOUSING", LOAN);
        http.perform(bank.bearer(get("/api/v1/sharing/persons/{id}/housing", person)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("X-Purpose", "X-Case-Number")));
        http.perform(bank.bearer(get("/api/v1/sharing/persons/{id}/housing", person)).header("X-Purpose", LOAN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("X-Case-Number"));
    }

    @Test
    void queryWithoutAGrantIsForbiddenAndAudited() throws Exception {
        http.perform(bank.as(get("/api/v1/sharing/persons/{id}/housing", person), LOAN))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://tongban.cn/problems/forbidden"))
                .andExpect(jsonPath("$.code").value("grant.missing"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("HOUSING")));
        assertThat(denials("grant.missing")).isEqualTo(1);
    }

    @Test
    void purposeOutsideTheGrantIsForbiddenAndAudited() throws Exception {
        bank.grant("HOUSING", LOAN);
        http.perform(bank.as(get("/api/v1/sharing/persons/{id}/housing", person), "市场营销"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("grant.purpose-outside"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("市场营销")));
        assertThat(denials("grant.purpose-outside")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT purpose FROM audit_event WHERE actor_id = ? AND outcome = 'DENIED'").param(bank.clientId)
                .query(String.class).single()).isEqualTo("市场营销");
    }

    @Test
    void purposeSentAsRawUtf8IsUnderstood() throws Exception {
        // a system that writes the Chinese purpose straight into the header: the container reads its bytes as ISO-8859-1
        bank.grant("HOUSING", LOAN);
        String raw = new String(LOAN.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1);
        http.perform(bank.bearer(get("/api/v1/sharing/persons/{id}/housing", person)).header("X-Purpose", raw)
                        .header("X-Case-Number", "CASE-" + cn.tongban.TestData.next()))
                .andExpect(status().isOk());
        // a header that tries to end itself is still refused
        http.perform(bank.bearer(get("/api/v1/sharing/persons/{id}/housing", person)).header("X-Purpose", "贷款\r\nX-Injected: 1")
                        .header("X-Case-Number", "CASE-" + cn.tongban.TestData.next()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void expiredGrantIsForbiddenAndAudited() throws Exception {
        bank.grant("HOUSING", LOAN, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        http.perform(bank.as(get("/api/v1/sharing/persons/{id}/housing", person), LOAN))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("grant.expired"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("2025-12-31")));
        assertThat(denials("grant.expired")).isEqualTo(1);
    }

    @Test
    void grantRevokedMidSessionRefusesTheSameTokensNextRequest() throws Exception {
        long grant = bank.grant("HOUSING", LOAN);
        http.perform(bank.as(get("/api/v1/sharing/persons/{id}/housing", person), LOAN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.homes").value(0));
        http.perform(post("/api/v1/sharing/grants/{id}/revocation", grant).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"合作协议终止\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revokeReason").value("合作协议终止"));
        http.perform(bank.as(get("/api/v1/sharing/persons/{id}/housing", person), LOAN))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("grant.missing"));
        assertThat(denials("grant.missing")).isEqualTo(1);
        http.perform(post("/api/v1/sharing/grants/{id}/revocation", grant).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"再次撤销\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("grant.already-revoked"));
    }

    @Test
    void idNumberWithAWrongCheckDigitIsRefusedNamingIdNumber() throws Exception {
        bank.grant("HOUSING", LOAN);
        String wrong = person.substring(0, 17) + (person.charAt(17) == '1' ? '2' : '1');
        http.perform(bank.as(get("/api/v1/sharing/persons/{id}/housing", wrong), LOAN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"))
                .andExpect(jsonPath("$.errors[0].code").value(org.hamcrest.Matchers.startsWith("id-number.check")));
    }

    @Test
    void onlyTheFieldsTheGrantNamesAreShownInFull() throws Exception {
        FilingFixture filing = new FilingFixture(http);
        String filingCode = filing.fileSale(filing.unitsOnSale(1).get(0), person);
        bank.grant("CONTRACT", LOAN, "name");
        http.perform(bank.as(get("/api/v1/sharing/contracts/{code}", filingCode), LOAN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.buyers[0].name").value("买受人"))
                .andExpect(jsonPath("$.buyers[0].idNumber").value(Masking.identifier(person)))
                .andExpect(jsonPath("$.price").value(1580000.00))
                .andExpect(jsonPath("$.location").value(FilingFixture.LOCATION));
        // every party whose data went out is on the log with the purpose
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE actor_id = ? AND action = 'sharing.contract' AND outcome = 'SUCCESS'
                   AND resource_id = ? AND purpose = ? AND subject_index = ?""")
                .params(bank.clientId, filingCode, LOAN, cipher.blindIndex(person)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void contractAskedForAPurposeOutsideTheGrantIsForbiddenAndAuditedWithItsFilingCode() throws Exception {
        FilingFixture filing = new FilingFixture(http);
        String filingCode = filing.fileSale(filing.unitsOnSale(1).get(0), person);
        bank.grant("CONTRACT", LOAN);
        http.perform(bank.as(get("/api/v1/sharing/contracts/{code}", filingCode), "催收"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("grant.purpose-outside"));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE actor_id = ? AND outcome = 'DENIED' AND action = 'sharing.contract'
                   AND resource_id = ?""").params(bank.clientId, filingCode + " grant.purpose-outside").query(Long.class).single())
                .isEqualTo(1);
        // nothing of the contract was read under the denied request
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor_id = ? AND outcome = 'SUCCESS'").param(bank.clientId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void grantNamingAnUnknownFieldOrItemIsRefusedByField() throws Exception {
        bank.postJson("/api/v1/sharing/grants", """
                {"departmentCode":"%s","item":"EVERYTHING","purposes":["%s"],"fullFields":["address"],"validFrom":"2026-01-01",
                 "validTo":"2025-01-01","legalBasis":" "}""".formatted(bank.departmentCode, LOAN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("item", "fullFields[0]", "validTo", "legalBasis")));
        assertThat(jdbc.sql("SELECT count(*) FROM sharing_grant WHERE department_code = ?").param(bank.departmentCode)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aDepartmentSystemCannotGrantItself() throws Exception {
        http.perform(bank.bearer(post("/api/v1/sharing/grants")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"departmentCode":"%s","item":"HOUSING","purposes":["%s"],"fullFields":[],"validFrom":"2026-01-01",
                         "validTo":"2027-01-01","legalBasis":"自授权"}""".formatted(bank.departmentCode, LOAN)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM sharing_grant WHERE department_code = ?").param(bank.departmentCode)
                .query(Long.class).single()).isZero();
    }

    @Test
    void marketRentLevelIsSetPerDistrictAndUseAndRefusedByField() throws Exception {
        // 建房〔2020〕61号 三: 市场租金价格水平, kept by the housing department
        http.perform(put("/api/v1/sharing/market-rents/{district}/{use}", "999999", "12").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"monthlyPerSqm\":-1,\"source\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("districtCode", "monthlyPerSqm", "source")));
        http.perform(put("/api/v1/sharing/market-rents/{district}/{use}", "320481", "12").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"monthlyPerSqm\":12.50,\"source\":\"溧阳市租金指导价\"}"))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT monthly_per_sqm FROM sharing_market_rent WHERE district_code = '320481' AND house_use = '12'")
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("12.50");
        http.perform(bank.bearer(put("/api/v1/sharing/market-rents/{district}/{use}", "320481", "12"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"monthlyPerSqm\":1.00,\"source\":\"银行\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void grantsAreListedByDepartment() throws Exception {
        bank.grant("HOUSING", LOAN);
        bank.grant("catalog:12", "纳税人家庭住房登记信息核实");
        http.perform(get("/api/v1/sharing/grants").param("departmentCode", bank.departmentCode))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].item", containsInAnyOrder("HOUSING", "catalog:12")));
    }

    @Test
    void grantOfACatalogItemThatDoesNotExistIsRefusedByField() throws Exception {
        bank.postJson("/api/v1/sharing/grants", """
                        {"departmentCode":"%s","item":"catalog:999","purposes":["住房贷款审批"],"fullFields":[],
                         "validFrom":"2026-01-01","validTo":"2027-01-01","legalBasis":"建房〔2020〕61号"}""".formatted(bank.departmentCode))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("item"))
                .andExpect(jsonPath("$.errors[0].code").value("grant.item-unknown"));
    }
}
