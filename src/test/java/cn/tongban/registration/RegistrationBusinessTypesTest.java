package cn.tongban.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import cn.tongban.identity.TestCallers;
import cn.tongban.restriction.RestrictionRegistry;

/** The business types besides the transfer (issue #7 item 1): 预告登记, 抵押权登记 with its rank, and their effects. */
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
