package cn.tongban.filing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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

/** Issue #8: the portal's own-data pages (contracts, homes, who looked) show the citizen's data and are for citizens only. */
@IntegrationTest
class CitizenPortalPagesTest {

    @Autowired
    MockMvc http;

    @Autowired
    ApplicationContext context;

    @Test
    void myContractsListsTheCitizensContractAndNotAnotherOne() throws Exception {
        FilingFixture filing = new FilingFixture(http);
        List<String> units = filing.unitsOnSale(2);
        String buyer = TestData.citizenId("19940506");
        String mine = filing.fileSale(units.get(0), buyer);
        String theirs = filing.fileSale(units.get(1), TestData.citizenId("19940607"));
        Caller citizen = TestCitizens.withAccount(context, buyer, "门户合同");
        http.perform(get("/portal/contracts").with(TestCallers.as(citizen)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(mine)))
                .andExpect(content().string(containsString("买受人")))
                .andExpect(content().string(not(containsString(theirs))));
    }

    @Test
    void theOwnDataPagesAnswerACitizenAndForbidStaff() throws Exception {
        Caller citizen = TestCitizens.withAccount(context, TestData.citizenId("19950708"), "门户页面");
        for (String page : List.of("/portal/contracts", "/portal/homes", "/portal/accesses")) {
            http.perform(get(page).with(TestCallers.as(citizen))).andExpect(status().isOk());
            http.perform(get(page).with(TestCallers.as(TestCallers.cityAdmin()))).andExpect(status().isForbidden());
        }
    }
}
