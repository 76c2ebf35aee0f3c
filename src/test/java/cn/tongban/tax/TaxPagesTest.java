package cn.tongban.tax;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.identity.Caller;
import cn.tongban.identity.Permissions;
import cn.tongban.identity.TestCallers;
import cn.tongban.identity.TestCitizens;

/** Issue #8: the tax pages, each behind the permission of what it shows; the citizen's pages for citizens only. */
@IntegrationTest
class TaxPagesTest {

    @Autowired
    MockMvc http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    private static final Caller OFFICER = TestCallers.withPermissions(Permissions.TAX_DECLARATION_QUERY,
            Permissions.TAX_DECLARATION_ASSESS, Permissions.TAX_BENCHMARK_PRICE_QUERY);

    @Test
    void theFlaggedQueueAndTheDeclarationShowTheDeclaredPriceBesideTheBenchmarkValue() throws Exception {
        long id = new DeclarationFixture(http, jdbc).flagged();
        http.perform(get("/console/tax/declarations?flagged=true").with(TestCallers.as(OFFICER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-id=\"" + id + "\"")))
                .andExpect(content().string(containsString("2,685,000.00")))
                .andExpect(content().string(containsString("明显偏低，待核定")));
        http.perform(get("/console/tax/declarations/" + id).with(TestCallers.as(OFFICER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"declared-price\" class=\"num\">1,580,000.00<")))
                .andExpect(content().string(containsString("id=\"benchmark-value\" class=\"num\">2,685,000.00<")))
                .andExpect(content().string(containsString("id=\"assessment-form\"")));
    }

    @Test
    void whoMayOnlyQuerySeesNoAssessmentForm() throws Exception {
        long id = new DeclarationFixture(http, jdbc).flagged();
        http.perform(get("/console/tax/declarations/" + id)
                        .with(TestCallers.as(TestCallers.withPermissions(Permissions.TAX_DECLARATION_QUERY))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("assessment-form"))));
    }

    @Test
    void theConsolePagesAreForbiddenWithoutTheirPermissionAndToCitizens() throws Exception {
        Caller calculatorOnly = TestCallers.withPermissions(Permissions.TAX_CALCULATION_RUN);
        http.perform(get("/console/tax/declarations").with(TestCallers.as(calculatorOnly))).andExpect(status().isForbidden());
        http.perform(get("/console/tax/benchmark-prices").with(TestCallers.as(calculatorOnly))).andExpect(status().isForbidden());
        Caller citizen = TestCitizens.withAccount(context, TestData.citizenId("19750505"), "页面测试");
        http.perform(get("/console/tax/declarations").with(TestCallers.as(citizen))).andExpect(status().isForbidden());
    }

    @Test
    void theBenchmarkFormIsOfferedOnlyToWhoMayEditThePrices() throws Exception {
        http.perform(get("/console/tax/benchmark-prices").with(TestCallers.as(OFFICER)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("benchmark-edit"))));
        http.perform(get("/console/tax/benchmark-prices").with(TestCallers.as(TestCallers.withPermissions(
                        Permissions.TAX_BENCHMARK_PRICE_QUERY, Permissions.TAX_BENCHMARK_PRICE_EDIT))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"benchmark-edit\"")));
    }

    @Test
    void theCitizensTaxPagesAreForCitizensOnly() throws Exception {
        Caller citizen = TestCitizens.withAccount(context, TestData.citizenId("19760606"), "门户测试");
        http.perform(get("/portal/tax/estimate").with(TestCallers.as(citizen)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-api=\"POST /api/v1/tax/calculations\"")));
        http.perform(get("/portal/tax/declarations").with(TestCallers.as(citizen))).andExpect(status().isOk());
        http.perform(get("/portal/tax/estimate").with(TestCallers.as(OFFICER))).andExpect(status().isForbidden());
    }
}
