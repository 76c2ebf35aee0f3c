package cn.tongban.filing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;

/**
 * Automatic verification refuses what the documents forbid (建房规〔2020〕4号 二（五）、（六）; 建房〔2020〕61号 六), with
 * the restrictions recorded by courts and banks through their own API.
 */
@IntegrationTest
class ContractVerificationTest {

    @Autowired
    MockMvc http;

    FilingFixture fixture;
    String developer;
    String unit;

    @BeforeEach
    void unitOnSale() throws Exception {
        fixture = new FilingFixture(http);
        developer = fixture.developer;
        unit = fixture.units(1);
    }

    private void presalePermit(String validTo) throws Exception {
        fixture.presalePermit(unit, validTo);
    }

    private ResultActions postJson(String path, String body) throws Exception {
        return fixture.postJson(path, body);
    }

    private ResultActions sale(String buyerId, String extra) throws Exception {
        return postJson("/api/v1/contracts", """
                {"type":"NEW_SALE","unitCode":"%s","signedOn":"2026-11-20","price":1580000.00,
                 "sellers":[{"idType":"02","idNumber":"%s","name":"常州开发有限公司"}],
                 "buyers":[{"idType":"01","idNumber":"%s","name":"张三"}]%s}""".formatted(unit, developer, buyerId, extra));
    }

    @Test
    void buyerOnTheDishonestDebtorListIsRefused() throws Exception {
        presalePermit(null);
        String debtor = TestData.citizenId("19700101");
        postJson("/api/v1/dishonest-debtors", """
                {"idNumber":"%s","name":"失信人","caseNo":"（2026）苏0411执%d号","court":"常州市新北区人民法院","publishedOn":"2026-03-01"}"""
                .formatted(debtor, TestData.next())).andExpect(status().isCreated());
        sale(debtor, "").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("buyers[0]"))
                .andExpect(jsonPath("$.errors[0].code").value("verification.buyer.dishonest-debtor"));
    }

    @Autowired
    cn.tongban.identity.RealNameRegistry realNames;

    @Test
    void buyerWhoseNameIsNotTheRealNameOfTheNumberIsRefused() throws Exception {
        presalePermit(null);
        String id = TestData.citizenId("19930303");
        realNames.record(id, "李真名", "常州市公安局户籍信息");
        sale(id, "").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("buyers[0]"))
                .andExpect(jsonPath("$.errors[0].code").value("verification.party.real-name"));
    }

    @Test
    void buyerWithoutARealNameRecordIsFiledWithAWarning() throws Exception {
        presalePermit(null);
        sale(TestData.citizenId("19930404"), "").andExpect(status().isCreated())
                .andExpect(jsonPath("$.verification.checks[?(@.rule == 'party.real-name' && @.field == 'buyers[0]')].result").value("WARN"));
    }

    @Test
    void seizedUnitIsRefused() throws Exception {
        presalePermit(null);
        postJson("/api/v1/seizures", """
                {"unitCode":"%s","kind":"SEIZURE","court":"常州市新北区人民法院","documentNo":"（2026）苏0411执%d号","validFrom":"2026-06-01"}"""
                .formatted(unit, TestData.next())).andExpect(status().isCreated());
        sale(TestData.citizenId("19880808"), "").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[?(@.code == 'verification.unit.seizure')]").exists());
    }

    @Test
    void mortgagedUnitNeedsTheMortgageesConsentAndIsThenOnlyWarned() throws Exception {
        presalePermit(null);
        postJson("/api/v1/mortgages", """
                {"unitCode":"%s","mortgagee":"中国工商银行常州分行","mortgageeCode":"%s","documentNo":"在建工程抵押%d","amount":5000000}"""
                .formatted(unit, TestData.creditCode(), TestData.next())).andExpect(status().isCreated());
        sale(TestData.citizenId("19880808"), "").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("mortgageeConsent"));
        sale(TestData.citizenId("19880808"), ",\"mortgageeConsent\":\"工行常州分行同意函2026-118\"")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.verification.checks[?(@.rule == 'unit.mortgage')].result").value("WARN"));
    }

    @Test
    void expiredPresalePermitIsRefused() throws Exception {
        presalePermit("2025-12-31");
        sale(TestData.citizenId("19880808"), "").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[?(@.code == 'verification.unit.sale-permit')].message")
                        .value("房屋的预售许可或现售备案在签约日不在有效期内"));
    }

    @Test
    void existingHomeSoldBySomeoneWhoIsNotTheOwnerIsRefused() throws Exception {
        presalePermit(null);
        postJson("/api/v1/contracts", """
                {"type":"EXISTING_SALE","unitCode":"%s","signedOn":"2026-11-20","price":980000.00,
                 "sellers":[{"idType":"01","idNumber":"%s","name":"冒名人"}],
                 "buyers":[{"idType":"01","idNumber":"%s","name":"张三"}]}"""
                .formatted(unit, TestData.citizenId("19660606"), TestData.citizenId("19880808")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[?(@.code == 'verification.seller.owner')]").exists());
    }
}
