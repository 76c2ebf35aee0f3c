package cn.tongban.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.identity.Permissions;
import cn.tongban.identity.TestCallers;

/** 核验试算: POST /api/v1/contracts/verification runs a filing's checks and files nothing (issue #8 item 2). */
@IntegrationTest
class ContractDryRunTest {

    @Autowired
    MockMvc http;
    @Autowired
    JdbcClient jdbc;

    FilingFixture fixture;
    List<String> units;

    @BeforeEach
    void unitsOnSale() throws Exception {
        fixture = new FilingFixture(http);
        units = fixture.unitsOnSale(2);
    }

    private String sale(String unitCode, String buyerIdNumber) {
        return """
                {"type":"NEW_SALE","unitCode":"%s","signedOn":"2026-11-20","price":1580000.00,"paymentType":"01","loanType":"01",
                 "sellers":[{"idType":"02","idNumber":"%s","name":"常州开发有限公司"}],
                 "buyers":[{"idType":"01","idNumber":"%s","name":"张三","phone":"13812345678"}]}"""
                .formatted(unitCode, fixture.developer, buyerIdNumber);
    }

    private long rows(String table, String unitCode) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE unit_code = ?").param(unitCode).query(Long.class).single();
    }

    @Test
    void aDryRunAnswersTheChecksOfAFilingAndWritesNothing() throws Exception {
        String unit = units.get(0);
        long history = rows("unit_status_change", unit); // the permit made it 可售
        fixture.postJson("/api/v1/contracts/verification", sale(unit, TestData.citizenId("19880808")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.refused").value(false))
                .andExpect(jsonPath("$.checks[?(@.rule == 'unit.sale-permit')].result").value("PASS"))
                .andExpect(jsonPath("$.checks[?(@.rule == 'seller.developer')].result").value("PASS"));
        assertThat(rows("contract", unit)).isZero();
        assertThat(rows("contract_verification", unit)).isZero();
        assertThat(rows("unit_status_change", unit)).isEqualTo(history);
        http.perform(get("/api/v1/units/" + unit)).andExpect(jsonPath("$.tradeStatus").value("AVAILABLE"));
    }

    @Test
    void aDryRunForAnotherSellerThanTheDeveloperSaysTheFilingWouldBeRefused() throws Exception {
        String body = sale(units.get(0), TestData.citizenId("19880808")).replace(fixture.developer, TestData.creditCode());
        fixture.postJson("/api/v1/contracts/verification", body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.refused").value(true))
                .andExpect(jsonPath("$.checks[?(@.rule == 'seller.developer')].result").value("FAIL"));
        assertThat(rows("contract_verification", units.get(0))).isZero();
    }

    @Test
    void aDryRunWithAMalformedIdNumberIsAProblemNamingTheField() throws Exception {
        fixture.postJson("/api/v1/contracts/verification", sale(units.get(0), "32040219900101123"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("buyers[0].idNumber"));
    }

    @Test
    void aDryRunOnAUnitUnderALiveFilingIsAConflictNamingIt() throws Exception {
        String code = fixture.fileSale(units.get(1), TestData.citizenId("19900101"));
        fixture.postJson("/api/v1/contracts/verification", sale(units.get(1), TestData.citizenId("19880808")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(code)));
    }

    @Test
    void aCallerWhoMayNotFileMayNotRunTheDryRun() throws Exception {
        http.perform(post("/api/v1/contracts/verification").with(TestCallers.as(TestCallers.withPermissions(Permissions.CONTRACT_QUERY)))
                        .contentType(MediaType.APPLICATION_JSON).content(sale(units.get(0), TestData.citizenId("19880808"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theContractPdfIsServedForAPlainLinkWithFormatPdf() throws Exception {
        String code = fixture.fileSale(units.get(0), TestData.citizenId("19900101"));
        http.perform(get("/api/v1/contracts/" + code + "/document").param("format", "pdf")
                        .accept(MediaType.TEXT_HTML, MediaType.ALL))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF));
        http.perform(get("/api/v1/contracts/" + code + "/document").accept(MediaType.TEXT_HTML, MediaType.ALL))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN));
    }
}
