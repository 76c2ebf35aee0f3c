package cn.tongban.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;
import cn.tongban.tax.TaxCalculation.Line;
import cn.tongban.tax.TaxCalculation.Tax;

/** Requests written as the API's JSON, calculated without Spring on the table of {@code tax/parameters.csv}. */
final class TaxCases {

    static final TaxCalculator CALCULATOR = new TaxCalculator(TaxParametersTest.PARAMETERS);

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TaxCases() {
    }

    static TaxCalculationRequest request(String json) {
        try {
            return JSON.readValue(json, TaxCalculationRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static TaxCalculation calculate(String json) {
        return CALCULATOR.calculate(request(json));
    }

    /** A sale of an individual's home in 天宁区 (urban district of 常州市, 江苏省), the fields the examples vary. */
    static String sale(String contractDate, String price, String area, int homesBefore, String acquiredOn, String sellerExtra) {
        return """
                {"scenario":"HOUSING_TRANSFER","contractDate":"%s","districtCode":"320402","price":%s,"transferType":"SALE",
                 "area":%s,"residential":true,
                 "buyer":{"kind":"INDIVIDUAL","homesOwnedBeforePurchase":%d},
                 "seller":{"kind":"INDIVIDUAL","acquiredOn":"%s"%s}}""".formatted(contractDate, price, area, homesBefore, acquiredOn,
                sellerExtra.isEmpty() ? "" : "," + sellerExtra);
    }

    static Line line(TaxCalculation result, Tax tax) {
        List<Line> lines = result.lines().stream().filter(l -> l.tax() == tax).toList();
        assertThat(lines).as("one %s line in %s", tax, result.lines()).hasSize(1);
        return lines.get(0);
    }

    static void assertAmount(TaxCalculation result, Tax tax, String amount) {
        Line line = line(result, tax);
        assertThat(line.amount()).as(tax + ": " + line.explanation()).isEqualByComparingTo(new BigDecimal(amount));
        assertThat(line.amount().scale()).as(tax + " rounded to the fen").isEqualTo(2);
        assertThat(line.citation()).as(tax + " citation").isNotBlank();
        assertThat(line.explanation()).as(tax + " explanation").isNotBlank();
    }

    static Violation refused(String json) {
        try {
            calculate(json);
        } catch (RuleViolationException e) {
            assertThat(e.violations()).hasSize(1);
            return e.violations().get(0);
        }
        return fail("not refused: " + json);
    }

    static void refusedWith(String json, String field, String code) {
        assertThatThrownBy(() -> calculate(json)).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.violations()).anySatisfy(v -> {
                    assertThat(v.field()).isEqualTo(field);
                    assertThat(v.code()).isEqualTo(code);
                }));
    }
}
