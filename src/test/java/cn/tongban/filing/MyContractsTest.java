package cn.tongban.filing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.identity.Caller;
import cn.tongban.identity.TestCallers;
import cn.tongban.identity.TestCitizens;

/** 我的合同: a citizen sees the contracts they are a party to, and no one else's. */
@IntegrationTest
class MyContractsTest {

    @Autowired
    MockMvc http;

    @Autowired
    ApplicationContext context;

    @Test
    void aCitizenSeesOnlyTheContractsTheyAreAPartyTo() throws Exception {
        FilingFixture filing = new FilingFixture(http);
        List<String> units = filing.unitsOnSale(2);
        String buyer = TestData.citizenId("19910203");
        String other = TestData.citizenId("19920304");
        String mine = filing.fileSale(units.get(0), buyer);
        String theirs = filing.fileSale(units.get(1), other);
        Caller citizen = TestCitizens.withAccount(context, buyer, "合同查询");

        http.perform(get("/api/v1/contracts/mine").with(TestCallers.as(citizen)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].filingCode").value(mine))
                .andExpect(jsonPath("$[0].role").value("BUYER"))
                .andExpect(jsonPath("$[0].location").value(FilingFixture.LOCATION))
                .andExpect(jsonPath("$[?(@.filingCode == '" + theirs + "')]").isEmpty());
    }

    @Test
    void aCitizenWithoutContractsGetsAnEmptyListAndStaffAreRefused() throws Exception {
        Caller citizen = TestCitizens.withAccount(context, TestData.citizenId("19930405"), "无合同");
        http.perform(get("/api/v1/contracts/mine").with(TestCallers.as(citizen)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        http.perform(get("/api/v1/contracts/mine")).andExpect(status().isForbidden());
    }
}
