package cn.tongban.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

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
import cn.tongban.identity.Caller;
import cn.tongban.identity.TestCallers;
import cn.tongban.identity.TestCitizens;

/** 建房〔2020〕61号 四 免填单: a declaration pre-filled from a filed contract and the 楼盘表, the rest asked, not guessed. */
@IntegrationTest
class TaxDeclarationTest {

    @Autowired
    MockMvc http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaxPaidProbe probe;

    @Autowired
    org.springframework.context.ApplicationContext context;

    private final ObjectMapper json = new ObjectMapper();

    private String filedSale() throws Exception {
        FilingFixture filing = new FilingFixture(http);
        String unit = filing.unitsOnSale(1).get(0);
        filing.fileSale(unit, TestData.citizenId("19900501"));
        // the tax copy is written in the filing's own transaction: no waiting
        return jdbc.sql("SELECT filing_code FROM tax_filed_contract WHERE unit_code = ?").param(unit).query(String.class).single();
    }

    @Test
    void aDeclarationIsPrefilledFromTheFiledContractAndTheBuildingTable() throws Exception {
        String filingCode = filedSale();
        String body = http.perform(post("/api/v1/tax/declarations").contentType(MediaType.APPLICATION_JSON).content("""
                        {"filingCode":"%s","buyer":{"kind":"INDIVIDUAL","homesOwnedBeforePurchase":0}}""".formatted(filingCode)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn().getResponse().getContentAsString();
        JsonNode declaration = json.readTree(body);
        JsonNode prefilled = declaration.get("prefilled");
        assertThat(value(prefilled, "contractDate")).isEqualTo("2026-11-20");
        assertThat(value(prefilled, "districtCode")).isEqualTo("320411");
        assertThat(value(prefilled, "price")).isEqualTo("1580000.00");
        assertThat(value(prefilled, "area")).isEqualTo("89.50");
        assertThat(value(prefilled, "residential")).isEqualTo("true");
        assertThat(value(prefilled, "seller.kind")).isEqualTo("ENTITY");
        // a developer's sale: the base excluding VAT is on its invoice, which the platform does not hold — asked
        assertThat(declaration.at("/calculation/undetermined/0/fact").asText()).isEqualTo("seller.kind");
        assertThat(declaration.at("/calculation/lines").isEmpty()).isTrue();

        long id = declaration.get("id").asLong();
        http.perform(get("/api/v1/tax/declarations/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.filingCode").value(filingCode))
                .andExpect(jsonPath("$.calculation.undetermined[0].fact").value("seller.kind"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE resource_type = 'tax_declaration' AND resource_id = ?")
                .param(Long.toString(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anUnknownFilingCodeIsNotFoundAndACancelledContractCannotBeDeclared() throws Exception {
        http.perform(post("/api/v1/tax/declarations").contentType(MediaType.APPLICATION_JSON).content("""
                        {"filingCode":"320411-2026-XS-99999999","buyer":{"kind":"INDIVIDUAL","homesOwnedBeforePurchase":0}}"""))
                .andExpect(status().isNotFound());
        String filingCode = filedSale();
        jdbc.sql("UPDATE tax_filed_contract SET cancelled = true WHERE filing_code = ?").param(filingCode).update();
        http.perform(post("/api/v1/tax/declarations").contentType(MediaType.APPLICATION_JSON).content("""
                        {"filingCode":"%s","buyer":{"kind":"INDIVIDUAL","homesOwnedBeforePurchase":0}}""".formatted(filingCode)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("tax.contract-cancelled"));
    }

    @Test
    void anAssessedDeclarationIsConfirmedPaidWithAnEighteenDigitReceiptAndVoidedOnlyWithAReason() throws Exception {
        String filingCode = filedSale();
        long id = json.readTree(http.perform(post("/api/v1/tax/declarations").contentType(MediaType.APPLICATION_JSON).content("""
                        {"filingCode":"%s","buyer":{"kind":"INDIVIDUAL","homesOwnedBeforePurchase":0}}""".formatted(filingCode)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
        // an open question blocks the confirmation
        http.perform(post("/api/v1/tax/declarations/" + id + "/confirmation"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("tax.declaration-undetermined"));
        // 契税法 第四条 第二款: the officer assesses the price, with a reason
        http.perform(put("/api/v1/tax/declarations/" + id + "/assessment").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assessedPrice\":1500000}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        http.perform(put("/api/v1/tax/declarations/" + id + "/assessment").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assessedPrice\":1500000,\"reason\":\"发票不含税价\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.calculation.undetermined").isEmpty())
                // 89.50 m², the family's only home, 2026: 1 % of 1,500,000 (公告2024年第16号 一（一）)
                .andExpect(jsonPath("$.calculation.lines[0].tax").value("DEED_TAX"))
                .andExpect(jsonPath("$.calculation.lines[0].amount").value(15000.00));
        http.perform(post("/api/v1/tax/declarations/" + id + "/payment")).andExpect(status().isConflict());
        http.perform(post("/api/v1/tax/declarations/" + id + "/confirmation"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONFIRMED"));

        String receipt = json.readTree(http.perform(post("/api/v1/tax/declarations/" + id + "/payment"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAID"))
                .andExpect(jsonPath("$.receipt.kind").value("PAID"))
                .andReturn().getResponse().getContentAsString()).at("/receipt/receiptNo").asText();
        assertThat(receipt).matches("320411\\d{12}");
        // 契税法 第八条: the reduction from the provincial 3 % to 1 % is on file with the receipt: 1,500,000 × 2 %
        http.perform(get("/api/v1/tax/declarations/" + id))
                .andExpect(jsonPath("$.obligations[0].receiptNo").value(receipt))
                .andExpect(jsonPath("$.obligations[0].relieved").value(30000.00))
                .andExpect(jsonPath("$.obligations[0].rule").value(org.hamcrest.Matchers.containsString("第八条")));
        assertThat(probe.received).anySatisfy(paid -> {
            assertThat(paid.receiptNo()).isEqualTo(receipt);
            assertThat(paid.filingCode()).isEqualTo(filingCode);
            assertThat(paid.amount()).isEqualByComparingTo("15000.00");
            assertThat(paid.exemption()).isFalse();
        });

        http.perform(post("/api/v1/tax/receipts/" + receipt + "/void").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("tax.reason-required"));
        http.perform(post("/api/v1/tax/receipts/" + receipt + "/void").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"银行退款\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.receipt").doesNotExist());
        http.perform(post("/api/v1/tax/receipts/" + receipt + "/void").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"再次\"}"))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE resource_type = 'tax_receipt' AND resource_id = ? AND action = 'void'")
                .param(receipt).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void nothingDueIssuesAnExemptionRecordAndItsObligation() throws Exception {
        // 契税法 第六条（四）: spouses during marriage; the record is an exemption, the exempted 3 % is on file (第八条)
        String filingCode = filedSale();
        long id = json.readTree(http.perform(post("/api/v1/tax/declarations").contentType(MediaType.APPLICATION_JSON).content("""
                        {"filingCode":"%s","buyer":{"kind":"INDIVIDUAL","homesOwnedBeforePurchase":0,"relationToSeller":"SPOUSE"}}"""
                        .formatted(filingCode)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
        http.perform(put("/api/v1/tax/declarations/" + id + "/assessment").contentType(MediaType.APPLICATION_JSON)
                .content("{\"assessedPrice\":1500000,\"reason\":\"发票不含税价\"}")).andExpect(status().isOk());
        http.perform(post("/api/v1/tax/declarations/" + id + "/confirmation")).andExpect(status().isOk());
        http.perform(post("/api/v1/tax/declarations/" + id + "/payment"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("EXEMPTED"))
                .andExpect(jsonPath("$.receipt.kind").value("EXEMPT"))
                .andExpect(jsonPath("$.receipt.amount").value(0))
                .andExpect(jsonPath("$.obligations[0].relieved").value(45000.00));
    }

    @Test
    void aPriceBelowTheShareOfTheBenchmarkIsFlaggedAndWaitsForTheOfficer() throws Exception {
        // 常经办发〔2023〕19号 二（三）1: 新北区, residential, 2026-Q4; 89.50 m² × 30,000 = 2,685,000; 70 % = 1,879,500
        http.perform(put("/api/v1/tax/benchmark-prices").contentType(MediaType.APPLICATION_JSON).content("""
                        {"districtCode":"320411","houseUse":"10","quarter":"2026-Q4","unitPrice":30000,"document":"常发改价认〔2026〕4号"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.quarter").value("2026-Q4"));
        http.perform(put("/api/v1/tax/benchmark-prices").contentType(MediaType.APPLICATION_JSON).content("""
                        {"districtCode":"320411","houseUse":"10","quarter":"2026-5","unitPrice":30000,"document":"x"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("quarter"));
        String filingCode = filedSale();
        JsonNode declaration = json.readTree(http.perform(post("/api/v1/tax/declarations").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"filingCode":"%s","buyer":{"kind":"INDIVIDUAL","homesOwnedBeforePurchase":0}}""".formatted(filingCode)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.priceCheck.flagged").value(true))
                .andExpect(jsonPath("$.priceCheck.benchmarkValue").value(2685000.00))
                .andReturn().getResponse().getContentAsString());
        long id = declaration.get("id").asLong();
        try {
            // the officer assesses; the flag no longer blocks the confirmation
            http.perform(put("/api/v1/tax/declarations/" + id + "/assessment").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"assessedPrice\":1879500,\"reason\":\"低于标准房基准价格70%\"}"))
                    .andExpect(status().isOk());
            http.perform(post("/api/v1/tax/declarations/" + id + "/confirmation")).andExpect(status().isOk());
        } finally {
            // the benchmark would flag the other tests' declarations of the same district and quarter
            jdbc.sql("DELETE FROM tax_benchmark_price WHERE district_code = '320411' AND quarter_start = '2026-10-01'").update();
        }
    }

    @Test
    void aFlaggedDeclarationCannotBeConfirmedBeforeTheOfficerAssessesIt() throws Exception {
        String filingCode = filedSale();
        long id = json.readTree(http.perform(post("/api/v1/tax/declarations").contentType(MediaType.APPLICATION_JSON).content("""
                        {"filingCode":"%s","buyer":{"kind":"INDIVIDUAL","homesOwnedBeforePurchase":0}}""".formatted(filingCode)))
                .andReturn().getResponse().getContentAsString()).get("id").asLong();
        // as if the check had flagged it, with the facts otherwise complete
        jdbc.sql("""
                UPDATE tax_declaration SET price_check = '{"flagged":true}'::jsonb,
                       calculation = jsonb_set(calculation, '{undetermined}', '[]'::jsonb) WHERE id = ?""").param(id).update();
        http.perform(post("/api/v1/tax/declarations/" + id + "/confirmation"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("tax.declaration-low-price"));
    }

    @Test
    void theBuyersFamilyHomesArePrefilledWhereTheFamilyIsKnownAndThisUnitIsNotCounted() throws Exception {
        FilingFixture filing = new FilingFixture(http);
        List<String> units = filing.unitsOnSale(2);
        String buyer = TestData.citizenId("19880808");
        String spouse = TestData.citizenId("19890909");
        http.perform(post("/api/v1/family/marriages").contentType(MediaType.APPLICATION_JSON).content("""
                {"idNumber":"%s","spouseIdNumber":"%s","registeredOn":"2015-05-20"}""".formatted(buyer, spouse)))
                .andExpect(status().isCreated());
        filing.fileSale(units.get(0), spouse); // the spouse's home, bought earlier under a live filing
        String filingCode = filing.fileSale(units.get(1), buyer);

        JsonNode declaration = json.readTree(http.perform(post("/api/v1/tax/declarations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"filingCode\":\"%s\"}".formatted(filingCode)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        // 公告2024年第16号: the family's second home — counted from 住房套数, not asked
        assertThat(value(declaration.get("prefilled"), "buyer.kind")).isEqualTo("INDIVIDUAL");
        assertThat(value(declaration.get("prefilled"), "buyer.homesOwnedBeforePurchase")).isEqualTo("1");

        // a buyer whose family 民政 has not shared: the count would be a guess — not pre-filled
        FilingFixture another = new FilingFixture(http);
        String unknown = another.fileSale(another.unitsOnSale(1).get(0), TestData.citizenId("19870707"));
        JsonNode other = json.readTree(http.perform(post("/api/v1/tax/declarations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"filingCode\":\"%s\"}".formatted(unknown)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(other.get("prefilled").findValuesAsText("field")).contains("buyer.kind")
                .doesNotContain("buyer.homesOwnedBeforePurchase");
    }

    @Test
    void aCitizenSeesAndConfirmsOnlyTheDeclarationsOfTheirOwnContracts() throws Exception {
        FilingFixture filing = new FilingFixture(http);
        String buyer = TestData.citizenId("19910303");
        String filingCode = filing.fileSale(filing.unitsOnSale(1).get(0), buyer);
        long id = json.readTree(http.perform(post("/api/v1/tax/declarations").contentType(MediaType.APPLICATION_JSON).content("""
                        {"filingCode":"%s","buyer":{"kind":"INDIVIDUAL","homesOwnedBeforePurchase":0}}""".formatted(filingCode)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
        // a developer's sale: its price without VAT is for the tax office to set (契税法 第四条 第二款)
        http.perform(put("/api/v1/tax/declarations/" + id + "/assessment").contentType(MediaType.APPLICATION_JSON)
                .content("{\"assessedPrice\":1500000,\"reason\":\"发票不含税价\"}")).andExpect(status().isOk());
        Caller self = TestCitizens.withAccount(context, buyer, "买受人");
        Caller stranger = TestCitizens.withAccount(context, TestData.citizenId("19920404"), "路人");

        // 建房〔2020〕61号 四: the taxpayer confirms on the portal what the platform pre-filled
        http.perform(get("/api/v1/tax/declarations/" + id).with(TestCallers.as(self))).andExpect(status().isOk());
        http.perform(get("/api/v1/tax/declarations/" + id).with(TestCallers.as(stranger))).andExpect(status().isNotFound());
        http.perform(post("/api/v1/tax/declarations/" + id + "/confirmation").with(TestCallers.as(stranger)))
                .andExpect(status().isNotFound());
        http.perform(post("/api/v1/tax/declarations/" + id + "/confirmation").with(TestCallers.as(self)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED"));
    }

    private static String value(JsonNode prefilled, String field) {
        for (JsonNode fact : prefilled) {
            if (fact.get("field").asText().equals(field)) {
                return fact.get("value").asText();
            }
        }
        throw new AssertionError("not prefilled: " + field);
    }
}
