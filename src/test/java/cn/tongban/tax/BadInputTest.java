package cn.tongban.tax;

import static cn.tongban.tax.TaxCases.calculate;
import static cn.tongban.tax.TaxCases.refused;
import static cn.tongban.tax.TaxCases.refusedWith;
import static cn.tongban.tax.TaxCases.request;
import static cn.tongban.tax.TaxCases.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;
import cn.tongban.tax.TaxCalculation.Tax;

/** The bad inputs of issue #6, each refused naming the field and the rule, or answered as undetermined. */
class BadInputTest {

    private static final String SALE = sale("2025-03-01", "2000000", "89.00", 0, "2015-06-01", "\"onlyFamilyHomeForFiveYears\":false");

    @Test
    void aContractBeforeTheDeedTaxLawIsRefusedNotCalculatedWithTheNewLaw() {
        // 契税法 第十六条: in force 2021-09-01; the rules of 契税暂行条例 before it are not loaded
        Violation violation = refused(SALE.replace("2025-03-01", "2021-08-31"));
        assertThat(violation.field()).isEqualTo("contractDate");
        assertThat(violation.code()).isEqualTo("tax.rules-not-loaded-before");
        assertThat(violation.args()).containsExactly("2021-08-31", "中华人民共和国契税法", "2021-09-01");
        // the first day of the law is calculated
        assertThat(calculate(SALE.replace("2025-03-01", "2021-09-01")).lines()).isNotEmpty();
    }

    @Test
    void aDateAfterTheLastLoadedParameterIsRefused() {
        Violation violation = refused(SALE.replace("2025-03-01", "2027-01-01"));
        assertThat(violation.field()).isEqualTo("contractDate");
        assertThat(violation.code()).isEqualTo("tax.rules-not-loaded-after");
        assertThat(violation.args()[2]).isEqualTo("2026-12-31");
    }

    @Test
    void aNegativePriceIsRefused() {
        refusedWith(SALE.replace("\"price\":2000000", "\"price\":-2000000"), "price", "tax.amount-not-positive");
    }

    @Test
    void anAreaOfZeroIsRefused() {
        refusedWith(SALE.replace("\"area\":89.00", "\"area\":0"), "area", "tax.area-not-positive");
    }

    @Test
    void anUnknownDistrictIsRefused() {
        refusedWith(SALE.replace("320402", "329999"), "districtCode", "division.unknown");
        refusedWith(SALE.replace("320402", "320400"), "districtCode", "tax.district-not-county");
    }

    @Test
    void aGiftWithoutAnAssessedPriceIsUndeterminedNotZero() {
        TaxCalculation gift = calculate("""
                {"scenario":"HOUSING_TRANSFER","contractDate":"2025-03-01","districtCode":"320402","transferType":"GIFT",
                 "area":89,"residential":true,"buyer":{"kind":"INDIVIDUAL","homesOwnedBeforePurchase":0},"seller":{"kind":"INDIVIDUAL"}}""");
        assertThat(gift.lines()).noneMatch(l -> l.tax() == Tax.DEED_TAX);
        assertThat(gift.undetermined()).anySatisfy(u -> {
            assertThat(u.fact()).isEqualTo("assessedPrice");
            assertThat(u.question()).contains("第四条（三）");
        });
    }

    @Test
    void anExchangeWithoutADifferenceIsRefused() {
        refusedWith("""
                {"scenario":"HOUSING_TRANSFER","contractDate":"2025-03-01","districtCode":"320402","transferType":"EXCHANGE",
                 "area":89,"residential":true,"buyer":{"kind":"INDIVIDUAL","homesOwnedBeforePurchase":0},"seller":{"kind":"INDIVIDUAL"}}""",
                "exchangeDifference", "tax.exchange-difference-required");
    }

    @Test
    void aProvinceWithNoLoadedRateIsRefused() {
        // the only provincial deed-tax rate loaded is Zhejiang's: Jiangsu has none
        String withoutJiangsu = TaxParametersTest.csv().replace("deed-tax.rate,PROVINCE,320000", "deed-tax.rate,PROVINCE,330000");
        TaxCalculator calculator = new TaxCalculator(TaxParameters.parse(withoutJiangsu));
        assertThatThrownBy(() -> calculator.calculate(request(SALE))).isInstanceOfSatisfying(RuleViolationException.class, e -> {
            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("districtCode");
                assertThat(v.code()).isEqualTo("tax.rules-not-loaded-for-region");
                assertThat(v.args()[0]).isEqualTo("320402");
            });
        });
    }

    @Test
    void everyBrokenFieldIsNamedAtOnce() {
        assertThatThrownBy(() -> calculate("""
                {"scenario":"HOUSING_TRANSFER","districtCode":"320402","transferType":"SALE","price":1.001,
                 "buyer":{},"seller":{"kind":"INDIVIDUAL","originalCost":-1}}"""))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations().stream()
                        .map(v -> v.field() + ":" + v.code()).collect(Collectors.toSet())).containsExactlyInAnyOrder(
                        "contractDate:tax.required", "price:tax.amount-precision", "buyer.kind:tax.required",
                        "seller.originalCost:tax.amount-negative"));
    }

    @Test
    void aSellerClaimingFiveYearsAgainstTheAcquisitionDateIsRefused() {
        refusedWith(sale("2025-09-01", "3150000", "89.00", 0, "2022-09-01", "\"onlyFamilyHomeForFiveYears\":true"),
                "seller.onlyFamilyHomeForFiveYears", "tax.five-years-contradicted");
    }

    @Test
    void aScenarioIsRequired() {
        refusedWith("{}", "scenario", "tax.required");
    }
}
