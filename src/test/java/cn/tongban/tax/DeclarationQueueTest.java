package cn.tongban.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.filing.FilingFixture;
import cn.tongban.identity.ActorKind;
import cn.tongban.identity.Caller;
import cn.tongban.identity.DepartmentType;
import cn.tongban.identity.Permissions;
import cn.tongban.identity.TestCallers;
import cn.tongban.identity.TestCitizens;

/** The declarations queue: a flagged low price (契税法 第四条 第二款) waits for an officer until it is assessed. */
@IntegrationTest
class DeclarationQueueTest {

    @Autowired
    MockMvc http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    private final ObjectMapper json = new ObjectMapper();

    private long flaggedDeclaration() throws Exception {
        return new DeclarationFixture(http, jdbc).flagged();
    }

    private List<Long> ids(String query, Caller caller) throws Exception {
        JsonNode page = json.readTree(http.perform(get("/api/v1/tax/declarations" + query).with(TestCallers.as(caller)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    @Test
    void aFlaggedDeclarationIsInTheOfficersQueueUntilItsPriceIsAssessed() throws Exception {
        long id = flaggedDeclaration();
        Caller officer = TestCallers.withPermissions(Permissions.TAX_DECLARATION_QUERY, Permissions.TAX_DECLARATION_ASSESS);
        assertThat(ids("?flagged=true&size=500", officer)).contains(id);
        assertThat(ids("?flagged=false&size=500", officer)).doesNotContain(id);
        http.perform(get("/api/v1/tax/declarations?flagged=true&district=320411&status=DRAFT&size=500").with(TestCallers.as(officer)))
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")].benchmarkValue").value(2685000.00))
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")].declaredPrice").value(1580000.00))
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")].awaitingAssessment").value(true));

        http.perform(put("/api/v1/tax/declarations/" + id + "/assessment").with(TestCallers.as(officer))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"assessedPrice\":1879500,\"reason\":\"低于标准房基准价格70%\"}"))
                .andExpect(status().isOk());
        assertThat(ids("?flagged=true&size=500", officer)).doesNotContain(id);
        assertThat(ids("?flagged=false&size=500", officer)).contains(id);
        http.perform(get("/api/v1/tax/declarations?flagged=false&size=500").with(TestCallers.as(officer)))
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")].flagged").value(true))
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")].assessedPrice").value(1879500.00));
    }

    @Test
    void anOfficerOfAnotherDistrictDoesNotSeeTheDeclaration() throws Exception {
        long id = flaggedDeclaration();
        Caller elsewhere = new Caller("tax-320402", ActorKind.STAFF, "11320402MB0000000X", "天宁区税务局", DepartmentType.TAX,
                Set.of("320402"), false, Set.of("tax-officer"), Set.of(Permissions.TAX_DECLARATION_QUERY), Set.of(), null);
        assertThat(ids("?size=500", elsewhere)).doesNotContain(id);
        Caller here = new Caller("tax-320411", ActorKind.STAFF, "11320411MB0000000X", "新北区税务局", DepartmentType.TAX,
                Set.of("320411"), false, Set.of("tax-officer"), Set.of(Permissions.TAX_DECLARATION_QUERY), Set.of(), null);
        assertThat(ids("?size=500", here)).contains(id);
    }

    @Test
    void aCitizenSeesTheDeclarationsOfTheirOwnContractsOnly() throws Exception {
        FilingFixture filing = new FilingFixture(http);
        List<String> units = filing.unitsOnSale(2);
        String buyer = TestData.citizenId("19870607");
        String mine = filing.fileSale(units.get(0), buyer);
        String theirs = filing.fileSale(units.get(1), TestData.citizenId("19870708"));
        long myDeclaration = declare(mine);
        declare(theirs);
        Caller citizen = TestCitizens.withAccount(context, buyer, "申报查询");
        http.perform(get("/api/v1/tax/declarations/mine").with(TestCallers.as(citizen)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(myDeclaration))
                .andExpect(jsonPath("$.items[0].filingCode").value(mine));
        http.perform(get("/api/v1/tax/declarations/mine")).andExpect(status().isForbidden());
    }

    private long declare(String filingCode) throws Exception {
        return new DeclarationFixture(http, jdbc).declare(filingCode);
    }

    @Test
    void anUnknownStatusOrAMalformedDistrictIsRefusedNamingTheParameter() throws Exception {
        http.perform(get("/api/v1/tax/declarations?status=OPEN&district=32041"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].code").value("tax.declaration-status-unknown"))
                .andExpect(jsonPath("$.errors[1].field").value("district"));
    }

    @Test
    void theQueueNeedsTheQueryPermission() throws Exception {
        http.perform(get("/api/v1/tax/declarations").with(TestCallers.as(TestCallers.withPermissions(Permissions.TAX_CALCULATION_RUN))))
                .andExpect(status().isForbidden());
        Caller citizen = TestCitizens.withAccount(context, TestData.citizenId("19800101"), "队列测试");
        http.perform(get("/api/v1/tax/declarations").with(TestCallers.as(citizen))).andExpect(status().isForbidden());
    }
}
