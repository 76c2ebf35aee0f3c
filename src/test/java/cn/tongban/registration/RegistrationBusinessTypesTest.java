package cn.tongban.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.TestData;
import cn.tongban.building.BuildingTable;
import cn.tongban.building.UnitView;
import cn.tongban.identity.PlatformActor;
import cn.tongban.filing.FilingFixture;
import cn.tongban.identity.TestCallers;
import cn.tongban.identity.TestCitizens;
import cn.tongban.restriction.RestrictionRegistry;

/** The business types besides the transfer (issue #7 item 1): each through its process, with its entry and its effects. */
@IntegrationTest
class RegistrationBusinessTypesTest {

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;
    @Autowired
    RegisterBook book;
    @Autowired
    BuildingTable building;
    @Autowired
    RestrictionRegistry restrictions;

    RegistrationFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new RegistrationFixture(http, context);
    }

    @Test
    void aMortgageIsRegisteredWithAProofAndItsRankAndASecondOnTheSameRankIsRefused() throws Exception {
        RegistrationFixture.Sale home = fixture.registeredTransfer();
        String bank = TestData.creditCode();
        String no = fixture.applyForMortgage(home, bank, 1);
        JsonNode applied = fixture.view(no);
        // the bank's system at the extended port: nothing to upload, all from the filed mortgage contract
        assertThat(applied.get("channel").asText()).isEqualTo("PORT");
        assertThat(applied.at("/content/amount").asText()).isEqualTo("1000000.00");
        fixture.accept(no, "ACCEPT").andExpect(status().isOk());
        fixture.review(no, "APPROVE").andExpect(jsonPath("$.status").value("REVIEWED"));
        fixture.payFee(no, "80.00").andExpect(status().isOk());
        String proof = fixture.body(fixture.register(no).andExpect(status().isOk())).get("certificateNo").asText();
        // 不动产登记证明 for a mortgage, numbered in its own sequence
        assertThat(proof).matches("苏（\\d{4}）常州市不动产证明第\\d{7}号");
        RegisterEntry mortgage = book.state(home.unitCode()).mortgages().get(0);
        assertThat(mortgage.content()).containsEntry("rank", 1).containsEntry("mortgagee", bank).containsEntry("certificateNumber", proof);
        // the restriction registry (what filing verifies against) and the 楼盘表's flag follow the book
        assertThat(restrictions.mortgages(home.unitCode())).singleElement()
                .satisfies(m -> assertThat(m.documentNo()).isEqualTo(proof));
        UnitView unit = PlatformActor.call("test", () -> building.findUnit(home.unitCode())).orElseThrow();
        assertThat(unit.rights().mortgaged()).isTrue();

        String second = fixture.applyForMortgage(home, TestData.creditCode(), 1);
        fixture.accept(second, "ACCEPT").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[?(@.field == 'checks.mortgageRank')]").isNotEmpty());
        assertThat(book.state(home.unitCode()).mortgages()).hasSize(1);

        // 抵押权注销登记: the bank applies with the proof that the debt is paid; no fee (发改价格规〔2016〕2559号)
        String release = fixture.body(fixture.perform(post("/api/v1/registrations"), TestCallers.as(RegistrationFixture.bank(bank)), """
                {"businessType":"MORTGAGE_RELEASE","unitCode":"%s","releases":%d,
                 "applicant":{"idType":"02","idNumber":"%s","name":"测试银行常州分行"}}""".formatted(home.unitCode(), mortgage.seq(), bank))
                .andExpect(status().isCreated())).get("applicationNo").asText();
        assertThat(fixture.view(release).get("fee").decimalValue()).isZero();
        fixture.upload(release, "抵押权消灭的材料", TestCallers.as(RegistrationFixture.bank(bank)));
        JsonNode released = fixture.handle(release, null);
        assertThat(released.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(book.state(home.unitCode()).mortgages()).isEmpty();
        assertThat(restrictions.mortgages(home.unitCode())).isEmpty();
        assertThat(PlatformActor.call("test", () -> building.findUnit(home.unitCode())).orElseThrow().rights().mortgaged()).isFalse();
    }

    @Test
    void theDeveloperRegistersACompletedHomeFirstAndOnlyOnce() throws Exception {
        FilingFixture filing = new FilingFixture(http);
        String unit = filing.unitsOnSale(1).get(0);
        String applicant = """
                {"businessType":"FIRST","unitCode":"%s","applicant":{"idType":"02","idNumber":"%s","name":"常州开发有限公司"}}""";
        // 首次登记 is the developer's, no one else's
        fixture.postJson("/api/v1/registrations", applicant.formatted(unit, TestData.creditCode()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("applicant.idNumber"));
        String no = fixture.body(fixture.postJson("/api/v1/registrations", applicant.formatted(unit, filing.developer))
                .andExpect(status().isCreated())).get("applicationNo").asText();
        List<String> required = new ArrayList<>();
        context.getBean(BusinessTypes.class).get("FIRST").materials().stream().filter(m -> m.required() && m.freeFrom() == null)
                .forEach(m -> required.add(m.item()));
        for (String item : required) {
            fixture.upload(no, item, TestCallers.as(TestCallers.cityAdmin()));
        }
        String certificate = fixture.handle(no, "80.00").get("certificateNo").asText();
        assertThat(certificate).contains("不动产权第");
        assertThat(book.state(unit).owners()).singleElement().satisfies(o -> assertThat(o.get("idNumber")).isEqualTo(filing.developer));

        String again = fixture.body(fixture.postJson("/api/v1/registrations", applicant.formatted(unit, filing.developer))
                .andExpect(status().isCreated())).get("applicationNo").asText();
        for (String item : required) {
            fixture.upload(again, item, TestCallers.as(TestCallers.cityAdmin()));
        }
        fixture.accept(again, "ACCEPT").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[?(@.field == 'checks.firstRegistration')]").isNotEmpty());
    }

    @Test
    void anObjectionIsRegisteredWithAProofAndWarnsALaterDisposal() throws Exception {
        RegistrationFixture.Sale home = fixture.registeredTransfer();
        String claimant = TestData.citizenId("19700101");
        var caller = TestCitizens.withAccount(context, claimant, "异议人");
        String no = fixture.body(fixture.perform(post("/api/v1/registrations"), TestCallers.as(caller), """
                {"businessType":"OBJECTION","unitCode":"%s","reason":"该房屋系本人出资购买，登记权利人有误",
                 "applicant":{"idType":"01","idNumber":"%s","name":"异议人"}}""".formatted(home.unitCode(), claimant))
                .andExpect(status().isCreated())).get("applicationNo").asText();
        // 更正、异议登记不收费
        assertThat(fixture.view(no).get("fee").decimalValue()).isZero();
        fixture.upload(no, "证实对登记的不动产权利有利害关系的材料", TestCallers.as(caller));
        fixture.upload(no, "证实登记簿记载事项错误的材料", TestCallers.as(caller));
        String proof = fixture.handle(no, null).get("certificateNo").asText();
        assertThat(proof).contains("不动产证明");
        RegisterEntry objection = book.state(home.unitCode()).objection().orElseThrow();
        assertThat(objection.content()).containsKey("lapsesOn");
        assertThat(PlatformActor.call("test", () -> building.findUnit(home.unitCode())).orElseThrow().rights().objection()).isTrue();

        // 实施细则 第八十四条: a mortgage during the objection is possible, the check warns
        String mortgage = fixture.applyForMortgage(home, TestData.creditCode(), 1);
        fixture.accept(mortgage, "ACCEPT").andExpect(status().isOk())
                .andExpect(jsonPath("$.latestChecks.checks[?(@.code == 'objection')].passed").value(false))
                .andExpect(jsonPath("$.latestChecks.passed").value(true));
    }

    @Test
    void aCorrectionReplacesTheOwnersAsTheyShouldRead() throws Exception {
        RegistrationFixture.Sale home = fixture.registeredTransfer();
        String spouse = TestData.citizenId("19890909");
        String no = fixture.body(fixture.perform(post("/api/v1/registrations"), TestCallers.as(home.buyer()), """
                {"businessType":"CORRECTION","unitCode":"%s","reason":"漏登共有人",
                 "applicant":{"idType":"01","idNumber":"%s","name":"买受人"},
                 "owners":[{"idType":"01","idNumber":"%s","name":"买受人","coOwnership":"02"},
                           {"idType":"01","idNumber":"%s","name":"配偶","coOwnership":"02"}]}"""
                .formatted(home.unitCode(), home.buyerId(), home.buyerId(), spouse)).andExpect(status().isCreated()))
                .get("applicationNo").asText();
        fixture.upload(no, "证实登记确有错误的材料", TestCallers.as(home.buyer()));
        fixture.handle(no, null);
        fixture.certify(no).andExpect(status().isOk());
        assertThat(book.state(home.unitCode()).owners()).extracting(o -> o.get("idNumber")).containsExactly(home.buyerId(), spouse);
        assertThat(PlatformActor.call("test", () -> building.findUnit(home.unitCode())).orElseThrow().owners()).hasSize(2);
    }

    @Test
    void aPreNoticeSecuresTheBuyerUntilTheTransferTurnsItIntoOwnership() throws Exception {
        RegistrationFixture.Sale sale = fixture.filedSale();
        String no = fixture.body(fixture.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/registrations"),
                TestCallers.as(sale.buyer()), """
                {"businessType":"PRE_NOTICE","unitCode":"%s","filingCode":"%s"}""".formatted(sale.unitCode(), sale.filingCode()))
                .andExpect(status().isCreated())).get("applicationNo").asText();
        fixture.accept(no, "ACCEPT").andExpect(status().isOk());
        fixture.review(no, "APPROVE").andExpect(status().isOk());
        fixture.payFee(no, "80.00").andExpect(status().isOk());
        String proof = fixture.body(fixture.register(no).andExpect(status().isOk())).get("certificateNo").asText();
        assertThat(proof).contains("不动产证明");
        assertThat(book.state(sale.unitCode()).preNotice()).isPresent();
        assertThat(PlatformActor.call("test", () -> building.findUnit(sale.unitCode())).orElseThrow().rights().advanceNotice()).isTrue();

        String transfer = fixture.applyForTransfer(sale);
        fixture.accept(transfer, "ACCEPT").andExpect(status().isOk());
        fixture.payFee(transfer, "80.00").andExpect(status().isOk());
        fixture.payTax(sale.filingCode());
        fixture.review(transfer, "APPROVE").andExpect(status().isOk());
        fixture.awaitStatus(transfer, "REVIEWED");
        fixture.register(transfer).andExpect(status().isOk());
        RegisterState state = book.state(sale.unitCode());
        assertThat(state.ownership()).isPresent();
        assertThat(state.preNotice()).isEmpty();
        assertThat(PlatformActor.call("test", () -> building.findUnit(sale.unitCode())).orElseThrow().rights().advanceNotice()).isFalse();
    }
}
