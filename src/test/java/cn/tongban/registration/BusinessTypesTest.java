package cn.tongban.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;
import cn.tongban.kernel.Money;

/** 收件材料清单、办理期限、收费依据 per business type (互联网+不动产登记建设指南 二（一）3、8; issue #7 item 1). */
@IntegrationTest
class BusinessTypesTest {

    @Autowired
    BusinessTypes types;
    @Autowired
    MockMvc http;

    @Test
    void everyBusinessTypeOfTheIssueIsConfiguredWithAChecklistAndATimeLimit() {
        assertThat(types.all()).extracting(BusinessTypes.BusinessType::code).contains("FIRST", "TRANSFER", "MORTGAGE",
                "MORTGAGE_RELEASE", "PRE_NOTICE", "SEIZURE", "SEIZURE_RELEASE", "CORRECTION", "OBJECTION");
        // 先税后证: a transfer's tax-paid record is a required material the platform takes from tax (免提交)
        assertThat(types.get("TRANSFER").materials()).anySatisfy(m -> {
            assertThat(m.item()).contains("完税");
            assertThat(m.required()).isTrue();
            assertThat(m.freeFrom()).contains("TaxPaid");
        });
    }

    @Test
    void housingIsCharged80PerItemNonHousing550AndEachFurtherCertificate10() {
        // 发改价格规〔2016〕2559号
        assertThat(types.fee("TRANSFER", true, 1)).isEqualTo(Money.of("80"));
        assertThat(types.fee("TRANSFER", false, 1)).isEqualTo(Money.of("550"));
        assertThat(types.fee("TRANSFER", true, 3)).isEqualTo(Money.of("100"));
        assertThat(types.fee("CORRECTION", true, 1)).isEqualTo(Money.of("0"));
        assertThat(types.fee("SEIZURE", false, 1)).isEqualTo(Money.of("0"));
    }

    @Test
    void theGuideIsPublicWithoutLogin() throws Exception {
        http.perform(get("/api/v1/public/registration/business-types").with(SecurityMockMvcRequestPostProcessors.anonymous()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fees.document").value(org.hamcrest.Matchers.containsString("2559")))
                .andExpect(jsonPath("$.types[?(@.code == 'TRANSFER')].timeLimitDays").value(5));
    }
}
