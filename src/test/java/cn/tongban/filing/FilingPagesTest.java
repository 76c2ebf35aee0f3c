package cn.tongban.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.identity.ActorKind;
import cn.tongban.identity.Caller;
import cn.tongban.identity.DepartmentType;
import cn.tongban.identity.Permissions;
import cn.tongban.identity.TestCallers;

/** The 网签备案 pages (issue #8 item 2): wizard, live checks, search, contract — and who may open them. */
@IntegrationTest
class FilingPagesTest {

    @Autowired
    MockMvc http;

    FilingFixture fixture;
    List<String> units;
    RequestPostProcessor clerk;

    @BeforeEach
    void unitsOnSale() throws Exception {
        fixture = new FilingFixture(http);
        units = fixture.unitsOnSale(3);
        clerk = TestCallers.as(new Caller("clerk-" + fixture.developer, ActorKind.STAFF, fixture.developer, "常州网签开发有限公司",
                DepartmentType.DEVELOPER, Set.of(), false, Set.of("developer-clerk"), Set.of(Permissions.PROJECT_QUERY,
                        Permissions.BUILDING_QUERY, Permissions.UNIT_QUERY, Permissions.CONTRACT_CREATE, Permissions.CONTRACT_QUERY,
                        Permissions.CONTRACT_CHANGE), Set.of(), null));
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        var response = http.perform(request.accept(MediaType.TEXT_HTML)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** Files a sale of the unit as the developer's clerk; returns the filing code. */
    private String fileAsClerk(String unitCode) throws Exception {
        return fixture.body(http.perform(post("/api/v1/contracts").with(clerk).contentType(MediaType.APPLICATION_JSON)
                        .content(sale(unitCode, "{\"idType\":\"01\",\"idNumber\":\"%s\",\"name\":\"买受人\"}"
                                .formatted(TestData.citizenId("19850505")))))
                .andExpect(status().isCreated())).get("filingCode").asText();
    }

    private String sale(String unitCode, String buyer) {
        return """
                {"type":"NEW_SALE","unitCode":"%s","signedOn":"2026-11-20","price":1580000.00,
                 "sellers":[{"idType":"02","idNumber":"%s","name":"常州网签开发有限公司"}],"buyers":[%s]}"""
                .formatted(unitCode, fixture.developer, buyer);
    }

    @Test
    void theWizardNamesTheDevelopersClerksCompanyAsTheSellerAndOffersItsUnitsOnSale() throws Exception {
        fixture.fileSale(units.get(0), TestData.citizenId("19850505"));
        String wizard = page(get("/console/filing").with(clerk));
        assertThat(wizard).contains("value=\"" + fixture.developer + "\"").contains("name=\"unitCode\"");
        String choices = page(get("/console/filing/units").param("q", units.get(0).substring(0, 20)).with(clerk));
        assertThat(choices).contains("data-choose-unit=\"" + units.get(1) + "\"").contains("data-choose-unit=\"" + units.get(2) + "\"")
                .doesNotContain("data-choose-unit=\"" + units.get(0) + "\"");
        assertThat(page(get("/console/filing/units").param("q", units.get(0))
                .with(TestCallers.as(TestCallers.withPermissions(Permissions.CONTRACT_CREATE)))))
                .contains("data-choose-unit=\"" + units.get(0) + "\""); // a broker files existing homes: no status filter
        String other = TestData.creditCode();
        assertThat(page(get("/console/filing/units").param("q", units.get(1)).with(TestCallers.as(new Caller("clerk-" + other,
                ActorKind.STAFF, other, "另一开发企业", DepartmentType.DEVELOPER, Set.of(), false, Set.of("developer-clerk"),
                Set.of(Permissions.CONTRACT_CREATE), Set.of(), null)))))
                .doesNotContain("data-choose-unit");
    }

    @Test
    void theLiveChecksPassForACompleteSaleAndListWhatIsMissingOtherwise() throws Exception {
        String ok = page(post("/console/filing/checks").with(clerk).contentType(MediaType.APPLICATION_JSON)
                .content(sale(units.get(1), "{\"idType\":\"01\",\"idNumber\":\"%s\",\"name\":\"李四\"}".formatted(TestData.citizenId("19900303")))));
        assertThat(ok).contains("data-refused=\"false\"").contains("data-result=\"PASS\"").doesNotContain("data-result=\"FAIL\"");
        String missing = page(post("/console/filing/checks").with(clerk).contentType(MediaType.APPLICATION_JSON)
                .content(sale(units.get(1), "{\"idType\":\"01\",\"name\":\"李四\"}")));
        assertThat(missing).contains("data-refused=\"true\"").contains("data-result=\"TODO\" data-field=\"buyers[0].idNumber\"");
        String bad = page(post("/console/filing/checks").with(clerk).contentType(MediaType.APPLICATION_JSON)
                .content(sale(units.get(1), "{\"idType\":\"01\",\"idNumber\":\"32040219900101123\",\"name\":\"李四\"}")));
        assertThat(bad).contains("data-refused=\"true\"").contains("data-field=\"buyers[0].idNumber\"");
        assertThat(fixture.body(http.perform(get("/api/v1/units/" + units.get(1)))).get("tradeStatus").asText()).isEqualTo("AVAILABLE");
    }

    @Test
    void theContractPageShowsTheFilingCodeThePdfLinkMaskedBuyersAndTheCancellationForm() throws Exception {
        String code = fixture.fileSale(units.get(0), TestData.citizenId("19850505"));
        String html = page(get("/console/filing/contracts/" + code).param("filed", "1").with(clerk));
        assertThat(html).contains("id=\"filing-code\">" + code + "<")
                .contains("/api/v1/contracts/" + code + "/document?format=pdf")
                .containsPattern("id=\"contract-buyers\"><li><span>买\\*\\*</span>")
                .contains("id=\"cancel-form\"");
        String readOnly = page(get("/console/filing/contracts/" + code)
                .with(TestCallers.as(TestCallers.withPermissions(Permissions.CONTRACT_QUERY, Permissions.UNIT_QUERY))));
        assertThat(readOnly).contains(code).doesNotContain("id=\"cancel-form\"").doesNotContain("id=\"filing-code\"");
    }

    @Test
    void contractsAreFoundByFilingCodeAndByUnitAndStatus() throws Exception {
        String code = fileAsClerk(units.get(0));
        assertThat(page(get("/console/filing/contracts").param("filingCode", code).with(clerk)))
                .contains("/console/filing/contracts/" + code);
        assertThat(page(get("/console/filing/contracts").param("unitCode", units.get(0)).param("status", "FILED").with(clerk)))
                .contains("/console/filing/contracts/" + code);
        assertThat(page(get("/console/filing/contracts").param("unitCode", units.get(0)).param("status", "CANCELLED").with(clerk)))
                .doesNotContain("/console/filing/contracts/" + code);
        assertThat(page(get("/console/filing/contracts").param("filingCode", code)
                .with(TestCallers.as(TestCallers.districtClerk("320402")))))
                .doesNotContain("/console/filing/contracts/" + code);
    }

    @Test
    void pagesAreForbiddenWithoutTheirPermission() throws Exception {
        var queryOnly = TestCallers.as(TestCallers.withPermissions(Permissions.CONTRACT_QUERY));
        http.perform(get("/console/filing").accept(MediaType.TEXT_HTML).with(queryOnly)).andExpect(status().isForbidden());
        http.perform(get("/console/filing/units").accept(MediaType.TEXT_HTML).with(queryOnly)).andExpect(status().isForbidden());
        http.perform(post("/console/filing/checks").accept(MediaType.TEXT_HTML).with(queryOnly).contentType(MediaType.APPLICATION_JSON)
                .content(sale(units.get(1), "{}"))).andExpect(status().isForbidden());
        var createOnly = TestCallers.as(TestCallers.withPermissions(Permissions.CONTRACT_CREATE));
        http.perform(get("/console/filing/contracts").accept(MediaType.TEXT_HTML).with(createOnly)).andExpect(status().isForbidden());
    }
}
