package cn.tongban.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.identity.TestCallers;

/** 网签备案 of new homes (issue #4 items 1–4, 8 and its bad input). */
@IntegrationTest
class ContractFilingTest {

    @Autowired
    MockMvc http;
    @Autowired
    JdbcClient jdbc;

    FilingFixture fixture;
    ObjectMapper json;
    String developer;
    String unit;
    long buildingId;

    /** A new building in 新北区 with two units, the first covered by a valid presale permit. */
    @BeforeEach
    void unitOnSale() throws Exception {
        fixture = new FilingFixture(http);
        json = fixture.json;
        developer = fixture.developer;
        buildingId = fixture.buildingId;
        unit = fixture.units(2);
        fixture.presalePermit(unit, null);
    }

    private ResultActions postJson(String path, String body) throws Exception {
        return fixture.postJson(path, body);
    }

    private JsonNode body(ResultActions result) throws Exception {
        return fixture.body(result);
    }

    private String sale(String unitCode, String buyers) {
        return """
                {"type":"NEW_SALE","unitCode":"%s","signedOn":"2026-11-20","price":1580000.00,"paymentType":"01","loanType":"01",
                 "sellers":[{"idType":"02","idNumber":"%s","name":"常州开发有限公司"}],
                 "buyers":%s}""".formatted(unitCode, developer, buyers);
    }

    private String buyer() {
        return "[{\"idType\":\"01\",\"idNumber\":\"%s\",\"name\":\"张三\",\"phone\":\"13812345678\"}]"
                .formatted(TestData.citizenId("19880808"));
    }

    @Test
    void newHomeSaleIsFiledAtOnceWithACodeAndTheUnitBecomesFiled() throws Exception {
        JsonNode contract = body(postJson("/api/v1/contracts", sale(unit, buyer()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.filingCode").value(org.hamcrest.Matchers.matchesPattern("320411-2026-XS-\\d{8}")))
                .andExpect(jsonPath("$.unit.location").value("常州市新北区网签路1号"))
                .andExpect(jsonPath("$.unit.buildingArea").value(89.50))
                .andExpect(jsonPath("$.verification.checks[?(@.rule == 'unit.sale-permit')].result").value("PASS")));
        http.perform(get("/api/v1/units/" + unit))
                .andExpect(jsonPath("$.tradeStatus").value("FILED"));
        http.perform(get("/api/v1/units/" + unit + "/history"))
                .andExpect(jsonPath("$[-1:].sourceDocument").value(contract.get("filingCode").asText()));
        http.perform(get("/api/v1/contracts/" + contract.get("filingCode").asText()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.buyers[0].name").value("张三"));
    }

    @Test
    void contractsAreFoundByTheBuyersIdNumberAndByUnitWithinScope() throws Exception {
        String id = TestData.citizenId("19770707");
        String code = body(postJson("/api/v1/contracts", sale(unit,
                "[{\"idType\":\"01\",\"idNumber\":\"%s\",\"name\":\"王五\"}]".formatted(id)))).get("filingCode").asText();
        http.perform(get("/api/v1/contracts").param("idNumber", id))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].filingCode").value(code));
        http.perform(get("/api/v1/contracts").param("unitCode", unit).with(TestCallers.as(TestCallers.districtClerk("320402"))))
                .andExpect(jsonPath("$.total").value(0));
        http.perform(get("/api/v1/contracts/" + code).with(TestCallers.as(TestCallers.districtClerk("320402"))))
                .andExpect(status().isNotFound());
    }

    private String file() throws Exception {
        return body(postJson("/api/v1/contracts", sale(unit, buyer())).andExpect(status().isCreated())).get("filingCode").asText();
    }

    @Test
    void cancellationByConsentOfBothPartiesFreesTheUnitForANewFiling() throws Exception {
        String code = file();
        postJson("/api/v1/contracts/" + code + "/cancellation", """
                {"basis":"CONSENT","sellerConsent":"出卖人电子签名 S-1","buyerConsent":"买受人电子签名 B-1","reason":"买受人放弃购买"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        http.perform(get("/api/v1/units/" + unit)).andExpect(jsonPath("$.tradeStatus").value("AVAILABLE"));
        postJson("/api/v1/contracts", sale(unit, buyer())).andExpect(status().isCreated());
    }

    @Test
    void cancellationWithoutBothConsentsOrAnOrderIsRefusedByField() throws Exception {
        String code = file();
        postJson("/api/v1/contracts/" + code + "/cancellation", """
                {"basis":"CONSENT","sellerConsent":"出卖人电子签名 S-1","reason":"出卖人单方要求"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("buyerConsent"))
                .andExpect(jsonPath("$.errors[0].code").value("contract.consent-required"));
        postJson("/api/v1/contracts/" + code + "/cancellation", """
                {"basis":"ORDER","authority":"常州市新北区人民法院","reason":"判决解除"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("documentNo"));
        http.perform(get("/api/v1/contracts/" + code)).andExpect(jsonPath("$.status").value("FILED"));
    }

    @Test
    void amendmentAddsAVersionAndTheEarlierOneStaysReadable() throws Exception {
        String code = file();
        postJson("/api/v1/contracts/" + code + "/amendments", """
                {"price":1550000.00,"reason":"双方协商降价","expectedVersion":0}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.price").value(1550000.00))
                .andExpect(jsonPath("$.version").value(1));
        http.perform(get("/api/v1/contracts/" + code + "/versions"))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].terms.price").value(1580000.00))
                .andExpect(jsonPath("$[1].change").value("AMENDED"))
                .andExpect(jsonPath("$[1].terms.price").value(1550000.00));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql("DELETE FROM contract_version").update()))
                .hasStackTraceContaining("permission denied");
    }

    @Test
    void cancelledContractCannotBeAmended() throws Exception {
        String code = file();
        postJson("/api/v1/contracts/" + code + "/cancellation", """
                {"basis":"ORDER","authority":"常州市新北区人民法院","documentNo":"（2026）苏0411民初1号","reason":"判决解除"}""")
                .andExpect(status().isOk());
        postJson("/api/v1/contracts/" + code + "/amendments", """
                {"price":1000000.00,"reason":"改价","expectedVersion":1}""")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("contract.not-live"));
    }

    @Test
    void housingCountIncludesHomesBoughtUnderALiveFiling() throws Exception {
        String id = TestData.citizenId("19750505");
        http.perform(get("/api/v1/housing-count").param("idNumber", id)).andExpect(jsonPath("$.homes").value(0));
        postJson("/api/v1/contracts", sale(unit, "[{\"idType\":\"01\",\"idNumber\":\"%s\",\"name\":\"赵六\"}]".formatted(id)))
                .andExpect(status().isCreated());
        http.perform(get("/api/v1/housing-count").param("idNumber", id))
                .andExpect(jsonPath("$.homes").value(1))
                .andExpect(jsonPath("$.underContract[0]").value(unit))
                .andExpect(jsonPath("$.familyIncluded").value(false));
    }

    @Test
    void contractTextIsRenderedAfterTheFilingCommitsAndKeptWithItsSm3Digest() throws Exception {
        String code = file();
        assertThat(FilingFixture.awaitDocument(jdbc, code)).isTrue();
        String text = http.perform(get("/api/v1/contracts/" + code + "/document"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("商品房买卖合同", code, "常州市新北区网签路1号", "1580000.00");
        String digest = http.perform(get("/api/v1/contracts/" + code + "/document")).andReturn().getResponse().getHeader("X-Content-SM3");
        assertThat(digest).isEqualTo(cn.tongban.kernel.crypto.Sm3.hex(text));
        // rendered by the ContractFiled listener, whose publication the registry marked complete
        assertThat(jdbc.sql("""
                SELECT count(*) FROM event_publication WHERE event_type LIKE '%ContractFiled' AND completion_date IS NOT NULL
                   AND listener_id LIKE '%ContractDocuments%' AND serialized_event LIKE ?""").param("%" + code + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void districtTemplateIsUsedForItsContractsAndMustCarryTheFilingCode() throws Exception {
        http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/contract-templates/NEW_SALE/320411")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"新北区商品房买卖合同 没有编码\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("contract.template-needs-filing-code"));
        String body = "新北区商品房买卖合同（示范文本" + TestData.next() + "） 备案编码 {filingCode} 坐落 {location}";
        http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/contract-templates/NEW_SALE/320411")
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(java.util.Map.of("body", body))))
                .andExpect(status().isOk());
        try {
            String code = file();
            String text = http.perform(get("/api/v1/contracts/" + code + "/document")).andReturn().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).startsWith(body.substring(0, body.indexOf('）') + 1)).contains(code, "常州市新北区网签路1号");
        } finally {
            // the other tests of this district expect the default template
            jdbc.sql("DELETE FROM contract_template WHERE type = 'NEW_SALE' AND region = '320411'").update();
        }
        http.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/contract-templates/NEW_SALE/320411")
                        .with(TestCallers.as(TestCallers.districtClerk("320402")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"{filingCode}\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("scope.outside"));
    }

    @Test
    void leaseLongerThanTwentyYearsIsRefused() throws Exception {
        postJson("/api/v1/contracts", """
                {"type":"LEASE","unitCode":"%s","signedOn":"2026-11-20","price":3500.00,"startOn":"2026-12-01","endOn":"2046-12-01",
                 "use":"居住","landlords":[{"idType":"02","idNumber":"%s","name":"常州开发有限公司"}],
                 "tenants":[{"idType":"01","idNumber":"%s","name":"租客"}]}""".formatted(unit, developer, TestData.citizenId("19950101")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("endOn"))
                .andExpect(jsonPath("$.errors[0].code").value("contract.lease-term"));
    }

    @Test
    void leaseByAnyoneButTheRegisteredOwnerIsRefused() throws Exception {
        postJson("/api/v1/contracts", """
                {"type":"LEASE","unitCode":"%s","signedOn":"2026-11-20","price":3500.00,"startOn":"2026-12-01","endOn":"2027-11-30",
                 "use":"居住","landlords":[{"idType":"01","idNumber":"%s","name":"二房东"}],
                 "tenants":[{"idType":"01","idNumber":"%s","name":"租客"}]}"""
                .formatted(unit, TestData.citizenId("19800101"), TestData.citizenId("19950101")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("verification.landlord.owner"));
    }

    private String mortgage(String mortgagor, String bank) {
        return """
                {"type":"MORTGAGE","unitCode":"%s","signedOn":"2026-11-21","price":1000000.00,"endOn":"2056-11-20",
                 "mortgagors":[{"idType":"01","idNumber":"%s","name":"张三"}],
                 "mortgagees":[{"idType":"02","idNumber":"%s","name":"测试银行常州分行"}]}""".formatted(unit, mortgagor, bank);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor bank(String creditCode) {
        return TestCallers.as(new cn.tongban.identity.Caller("loan-officer", cn.tongban.identity.ActorKind.STAFF, creditCode,
                "测试银行常州分行", cn.tongban.identity.DepartmentType.BANK, java.util.Set.of(), true, java.util.Set.of("bank-officer"),
                java.util.Set.of(cn.tongban.identity.Permissions.CONTRACT_CREATE, cn.tongban.identity.Permissions.CONTRACT_QUERY),
                java.util.Set.of(), null));
    }

    @Test
    void mortgageOfAUnitWithNoOwnerAndNoFiledSaleIsRefused() throws Exception {
        String bankCode = TestData.creditCode();
        http.perform(post("/api/v1/contracts").with(bank(bankCode)).contentType(MediaType.APPLICATION_JSON)
                        .content(mortgage(TestData.citizenId("19880808"), bankCode)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("verification.mortgagor.owner-or-buyer"));
    }

    @Test
    void lendingBankFilesTheMortgageOfABuyerUnderAFiledSale() throws Exception {
        String buyerId = TestData.citizenId("19880808");
        postJson("/api/v1/contracts", sale(unit, "[{\"idType\":\"01\",\"idNumber\":\"%s\",\"name\":\"张三\"}]".formatted(buyerId)))
                .andExpect(status().isCreated());
        String bankCode = TestData.creditCode();
        http.perform(post("/api/v1/contracts").with(bank(bankCode)).contentType(MediaType.APPLICATION_JSON)
                        .content(mortgage(buyerId, bankCode)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.filingCode").value(org.hamcrest.Matchers.matchesPattern("320411-2026-DY-\\d{8}")));
        // another bank cannot file a mortgage it is not the lender of
        http.perform(post("/api/v1/contracts").with(bank(TestData.creditCode())).contentType(MediaType.APPLICATION_JSON)
                        .content(mortgage(buyerId, bankCode)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("verification.mortgagee.lender"));
    }

    @Test
    void unitWithoutAValidPresalePermitIsRefusedWithTheReport() throws Exception {
        String other = unit.substring(0, 24) + "0002";
        postJson("/api/v1/contracts", sale(other, buyer()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("verification.unit.sale-permit"))
                .andExpect(jsonPath("$.report.checks").isArray());
        assertThat(jdbc.sql("SELECT outcome FROM contract_verification WHERE unit_code = ?").param(other).query(String.class).list())
                .containsExactly("REFUSED");
        http.perform(get("/api/v1/units/" + other)).andExpect(jsonPath("$.tradeStatus").value("UNAVAILABLE"));
    }

    @Test
    void sellerOtherThanTheDevelopersIsRefused() throws Exception {
        postJson("/api/v1/contracts", sale(unit, buyer()).replace(developer, TestData.creditCode()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[?(@.code == 'verification.seller.developer')]").exists());
    }

    @Test
    void secondFilingOfTheSameUnitIsAConflictNamingTheFirst() throws Exception {
        String first = body(postJson("/api/v1/contracts", sale(unit, buyer())).andExpect(status().isCreated())).get("filingCode").asText();
        postJson("/api/v1/contracts", sale(unit, buyer()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("contract.unit-already-filed"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(first)));
    }

    @Test
    void fiftyParallelFilingsOfOneUnitFileExactlyOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String body = sale(unit, buyer());
            attempts.add(() -> http.perform(post("/api/v1/contracts").contentType(MediaType.APPLICATION_JSON).content(body))
                    .andReturn().getResponse().getStatus());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : pool.invokeAll(attempts)) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 201).allMatch(s -> s == 409);
        assertThat(jdbc.sql("SELECT count(*) FROM contract WHERE unit_code = ? AND status = 'FILED'").param(unit)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void sameIdempotencyKeyAndBodyAnswersTheSameContractAndAnotherBodyIsAConflict() throws Exception {
        String body = sale(unit, buyer());
        String key = "retry-" + TestData.next();
        String first = body(http.perform(post("/api/v1/contracts").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Idempotency-Key", key)).andExpect(status().isCreated())).get("filingCode").asText();
        http.perform(post("/api/v1/contracts").contentType(MediaType.APPLICATION_JSON).content(body).header("Idempotency-Key", key))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.filingCode").value(first));
        http.perform(post("/api/v1/contracts").contentType(MediaType.APPLICATION_JSON).content(body.replace("1580000.00", "1590000.00"))
                        .header("Idempotency-Key", key))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("contract.idempotency-key-reused"));
    }

    @Test
    void sharesThatDoNotAddUpToOneAreRefusedByField() throws Exception {
        String buyers = "[{\"idType\":\"01\",\"idNumber\":\"%s\",\"name\":\"张三\",\"coOwnership\":\"03\",\"share\":\"1/2\"},"
                .formatted(TestData.citizenId("19880808"))
                + "{\"idType\":\"01\",\"idNumber\":\"%s\",\"name\":\"李四\",\"coOwnership\":\"03\",\"share\":\"1/3\"}]"
                .formatted(TestData.citizenId("19890909"));
        postJson("/api/v1/contracts", sale(unit, buyers))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("buyers"))
                .andExpect(jsonPath("$.errors[0].code").value("contract.shares-sum"))
                .andExpect(jsonPath("$.errors[0].message").value("按份共有的份额之和须为1，实为 5/6"));
    }

    @Test
    void priceMustBePositiveAndBelowTenBillion() throws Exception {
        postJson("/api/v1/contracts", sale(unit, buyer()).replace("1580000.00", "0"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("contract.price-range"));
        postJson("/api/v1/contracts", sale(unit, buyer()).replace("1580000.00", "20000000000"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("contract.price-range"));
    }

    @Test
    void unknownUnitIsNotFoundAndAnotherDistrictsUnitToo() throws Exception {
        postJson("/api/v1/contracts", sale("320411009009GB99999F00019999", buyer())).andExpect(status().isNotFound());
        http.perform(post("/api/v1/contracts").with(TestCallers.as(TestCallers.districtClerk("320402")))
                        .contentType(MediaType.APPLICATION_JSON).content(sale(unit, buyer())))
                .andExpect(status().isNotFound());
    }

    @Test
    void malformedBuyerIdNumberNamesTheField() throws Exception {
        String valid = TestData.citizenId("19880808");
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        postJson("/api/v1/contracts", sale(unit, "[{\"idType\":\"01\",\"idNumber\":\"" + wrongCheck + "\",\"name\":\"张三\"}]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("buyers[0].idNumber"));
    }
}
