package cn.tongban.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import cn.tongban.identity.TestCallers;
import cn.tongban.identity.TestCitizens;

/**
 * The portal's 演示缴费 ({@code POST /api/v1/registrations/{no}/payment/demo}): open only when
 * {@code tongban.registration.demo-payments} is on (the test profile turns it on, the default is off), and only to the
 * applicant.
 */
@IntegrationTest
class DemoPaymentTest {

    @Autowired
    MockMvc http;
    @Autowired
    ApplicationContext context;
    @Autowired
    DemoPayments demoPayments;

    RegistrationFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new RegistrationFixture(http, context);
    }

    @Test
    void theApplicantPaysTheFeeDueWhenDemoPaymentsAreOn() throws Exception {
        RegistrationFixture.Sale sale = fixture.filedSale();
        String no = fixture.applyForTransfer(sale);

        JsonNode paid = fixture.body(http.perform(post("/api/v1/registrations/{no}/payment/demo", no).with(TestCallers.as(sale.buyer())))
                .andExpect(status().isOk()));

        assertThat(paid.get("feePaidAt").isNull()).isFalse();
        assertThat(paid.at("/content/paymentReference").asText()).isEqualTo("DEMO-" + no);
        assertThat(paid.get("progress").findValuesAsText("outcome")).contains("PAID");
        // paid once: a second payment is a conflict, not a second charge
        http.perform(post("/api/v1/registrations/{no}/payment/demo", no).with(TestCallers.as(sale.buyer())))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("registration.fee-already-paid"));
    }

    @Test
    void demoPaymentsAreRefusedWhenTheSwitchIsOff() throws Exception {
        RegistrationFixture.Sale sale = fixture.filedSale();
        String no = fixture.applyForTransfer(sale);
        demoPayments.switchTo(false);
        try {
            http.perform(post("/api/v1/registrations/{no}/payment/demo", no).with(TestCallers.as(sale.buyer())))
                    .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("registration.demo-payments-off"));
        } finally {
            demoPayments.switchTo(true);
        }
        assertThat(fixture.view(no).get("feePaidAt")).isNull();
    }

    @Test
    void onlyTheApplicantMayPayOnThePortal() throws Exception {
        RegistrationFixture.Sale sale = fixture.filedSale();
        String no = fixture.applyForTransfer(sale);

        // the registrar sees the application but confirms fees through the cashier's endpoint
        http.perform(post("/api/v1/registrations/{no}/payment/demo", no))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("registration.demo-payment-applicant-only"));
        // a stranger: the application does not exist for them
        var stranger = TestCitizens.withAccount(context, TestData.citizenId("19900101"), "路人");
        http.perform(post("/api/v1/registrations/{no}/payment/demo", no).with(TestCallers.as(stranger)))
                .andExpect(status().isNotFound());
        assertThat(fixture.view(no).get("feePaidAt")).isNull();
    }
}
