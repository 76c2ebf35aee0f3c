package cn.tongban.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.tongban.IntegrationTest;
import cn.tongban.identity.ActorKind;
import cn.tongban.identity.Caller;
import cn.tongban.identity.Permissions;
import cn.tongban.identity.TestCallers;

/** {@code POST /api/v1/tax/calculations}: the full example over HTTP, its errors, who may call it, its OpenAPI. */
@IntegrationTest
class TaxCalculationApiTest {

    /** Reads amounts as written, 30000.00 and not 30000: the response rounds to the fen and says so by the scale. */
    private static final ObjectMapper DECIMALS = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    private static final String EXAMPLE = TaxCases.sale("2025-09-01", "3150000", "89.00", 0, "2024-03-15", "");

    @Autowired
    MockMvc http;

    @Autowired
    JdbcClient jdbc;

    private static MockHttpServletRequestBuilder calculation(String json) {
        return post("/api/v1/tax/calculations").contentType(MediaType.APPLICATION_JSON).content(json);
    }

    @Test
    void theFullHousingExampleHoldsOverHttpWithEveryLineCited() throws Exception {
        String body = http.perform(calculation(EXAMPLE).with(TestCallers.as(TestCallers.withPermissions(Permissions.TAX_CALCULATION_RUN))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.undetermined").isEmpty())
                .andReturn().getResponse().getContentAsString();
        JsonNode result = DECIMALS.readTree(body);
        Map<String, String> amounts = new HashMap<>();
        result.get("lines").forEach(line -> {
            amounts.put(line.get("tax").asText(), line.get("amount").decimalValue().toPlainString());
            assertThat(line.get("citation").asText()).isNotBlank();
            assertThat(line.get("explanation").asText()).isNotBlank();
            assertThat(line.has("base") && line.has("rate") && line.has("payer")).isTrue();
        });
        assertThat(amounts).containsExactlyInAnyOrderEntriesOf(Map.of("VAT", "150000.00", "URBAN_MAINTENANCE_TAX", "10500.00",
                "EDUCATION_SURCHARGE", "4500.00", "LOCAL_EDUCATION_SURCHARGE", "3000.00", "DEED_TAX", "30000.00",
                "INDIVIDUAL_INCOME_TAX", "30000.00"));
        assertThat(result.get("totals").get("BUYER").decimalValue().toPlainString()).isEqualTo("30000.00");
        assertThat(result.get("totals").get("SELLER").decimalValue().toPlainString()).isEqualTo("198000.00");
    }

    @Test
    void aContractBeforeTheLawIsA400NamingTheFieldInChineseAndEnglish() throws Exception {
        String old = EXAMPLE.replace("2025-09-01", "2021-08-31").replace("2024-03-15", "2015-03-15");
        http.perform(calculation(old))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contractDate"))
                .andExpect(jsonPath("$.errors[0].code").value("tax.rules-not-loaded-before"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("中华人民共和国契税法")));
        http.perform(calculation(old).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("are not loaded")));
        http.perform(calculation(EXAMPLE.replace("\"transferType\":\"SALE\"", "\"transferType\":\"SWAP\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("transferType"));
    }

    @Test
    void aGiftWithoutAssessedPriceAnswersUndeterminedNotZero() throws Exception {
        http.perform(calculation("""
                        {"scenario":"HOUSING_TRANSFER","contractDate":"2025-03-01","districtCode":"320402","transferType":"GIFT",
                         "area":89,"residential":true,"buyer":{"kind":"INDIVIDUAL","homesOwnedBeforePurchase":0},"seller":{"kind":"INDIVIDUAL"}}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines").isEmpty())
                .andExpect(jsonPath("$.undetermined[?(@.fact=='assessedPrice')]").exists());
    }

    @Test
    void citizensAndGrantedRolesMayCalculateOthersMayNot() throws Exception {
        Caller citizen = new Caller("citizen-1", ActorKind.CITIZEN, null, null, null, Set.of(), false, Set.of("citizen"), Set.of(),
                Set.of(), null);
        http.perform(calculation(EXAMPLE).with(TestCallers.as(citizen))).andExpect(status().isOk());
        http.perform(calculation(EXAMPLE).with(TestCallers.as(TestCallers.withPermissions(Permissions.UNIT_QUERY))))
                .andExpect(status().isForbidden());
        // the migration grants it to the tax office and to the roles that quote a transaction's taxes
        assertThat(jdbc.sql("SELECT role_code FROM role_permission WHERE permission = ?").param(Permissions.TAX_CALCULATION_RUN)
                .query(String.class).set()).contains("tax-officer", "housing-clerk", "registrar", "broker", "bank-officer");
    }

    @Test
    void theOpenApiDocumentsEveryRequestFieldInChinese() throws Exception {
        JsonNode docs = DECIMALS.readTree(http.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        JsonNode properties = docs.at("/components/schemas/TaxCalculationRequest/properties");
        for (String field : new String[] {"scenario", "contractDate", "districtCode", "locationCategory", "price", "transferType",
                "assessedPrice", "exchangeDifference", "area", "residential", "buyer", "seller", "smallTaxpayerHalving", "periodEnd",
                "vatPaid", "consumptionTaxPaid", "retainedCreditVatRefund", "importVatPaid", "salesAmount", "rate", "rawOreRate",
                "concentrateRate", "purchasedAmount", "mixing"}) {
            assertThat(properties.has(field)).as(field).isTrue();
        }
        assertThat(properties.get("contractDate").get("description").asText()).contains("契税法 第九条");
        assertThat(docs.at("/components/schemas/Line/properties/explanation/description").asText()).isNotBlank();
    }
}
