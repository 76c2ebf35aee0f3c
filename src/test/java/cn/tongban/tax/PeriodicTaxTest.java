package cn.tongban.tax;

import static cn.tongban.tax.TaxCases.assertAmount;
import static cn.tongban.tax.TaxCases.calculate;
import static cn.tongban.tax.TaxCases.line;
import static cn.tongban.tax.TaxCases.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import cn.tongban.tax.TaxCalculation.Line;
import cn.tongban.tax.TaxCalculation.Payer;
import cn.tongban.tax.TaxCalculation.Tax;

/** 城市维护建设税法 第二、三、四条 and the resource-tax purchased-ore deduction (国家税务总局公告2020年第14号 一). */
class PeriodicTaxTest {

    @Test
    void urbanMaintenanceBaseIsVatAndConsumptionTaxPaidLessRetainedCreditRefundAndNotImportVat() {
        TaxCalculation result = calculate("""
                {"scenario":"URBAN_MAINTENANCE","periodEnd":"2025-09-30","districtCode":"320402","vatPaid":100000,
                 "consumptionTaxPaid":20000,"retainedCreditVatRefund":30000,"importVatPaid":50000}""");
        Line urban = line(result, Tax.URBAN_MAINTENANCE_TAX);
        assertThat(urban.base()).isEqualByComparingTo("90000");
        assertAmount(result, Tax.URBAN_MAINTENANCE_TAX, "6300.00");
        assertAmount(result, Tax.EDUCATION_SURCHARGE, "2700.00");
        assertAmount(result, Tax.LOCAL_EDUCATION_SURCHARGE, "1800.00");
        assertThat(urban.explanation()).contains("第三条", "进口");
        assertThat(urban.payer()).isEqualTo(Payer.TAXPAYER);
        assertThat(result.totals()).containsEntry(Payer.TAXPAYER, new BigDecimal("10800.00"));
    }

    @Test
    void urbanMaintenanceBeforeTheLawIsRefusedAndWithoutABaseToo() {
        refusedWith("""
                {"scenario":"URBAN_MAINTENANCE","periodEnd":"2021-08-31","districtCode":"320402","vatPaid":100000}""",
                "periodEnd", "tax.rules-not-loaded-before");
        refusedWith("""
                {"scenario":"URBAN_MAINTENANCE","periodEnd":"2025-08-31","districtCode":"320402"}""",
                "vatPaid", "tax.urban-maintenance-base-required");
    }

    @Test
    void purchasedOreMixedIntoTheSameProductDeductsThePurchaseAmount() {
        // 2020年第14号 一 第一款
        TaxCalculation result = calculate("""
                {"scenario":"RESOURCE_TAX","periodEnd":"2025-06-30","salesAmount":1000000,"rate":0.06,
                 "purchasedAmount":300000,"mixing":"SAME_PRODUCT"}""");
        assertThat(line(result, Tax.RESOURCE_TAX).base()).isEqualByComparingTo("700000");
        assertAmount(result, Tax.RESOURCE_TAX, "42000.00");
        assertThat(line(result, Tax.RESOURCE_TAX).citation()).contains("2020年第14号 一 第一款");
    }

    @Test
    void purchasedRawOreWashedIntoConcentrateDeductsThePurchaseTimesRawOverConcentrateRate() {
        // 2020年第14号 一 第二款: 300,000 × (6 % ÷ 9 %) = 200,000
        TaxCalculation result = calculate("""
                {"scenario":"RESOURCE_TAX","periodEnd":"2025-06-30","salesAmount":1000000,"rawOreRate":0.06,
                 "concentrateRate":0.09,"purchasedAmount":300000,"mixing":"RAW_WASHED_INTO_CONCENTRATE"}""");
        assertThat(line(result, Tax.RESOURCE_TAX).base()).isEqualByComparingTo("800000.00");
        assertAmount(result, Tax.RESOURCE_TAX, "72000.00");
        assertThat(line(result, Tax.RESOURCE_TAX).citation()).contains("一 第二款");
        // a ratio that does not terminate is kept exact until the one rounding: 100,000 × 5 % ÷ 7 % = 71,428.571…
        TaxCalculation repeating = calculate("""
                {"scenario":"RESOURCE_TAX","periodEnd":"2025-06-30","salesAmount":1000000,"rawOreRate":0.05,
                 "concentrateRate":0.07,"purchasedAmount":100000,"mixing":"RAW_WASHED_INTO_CONCENTRATE"}""");
        // (1,000,000 − 71,428.5714…) × 7 % = 65,000.00
        assertAmount(repeating, Tax.RESOURCE_TAX, "65000.00");
    }

    @Test
    void aRateOtherThanTheConcentrateRateForWashedOreIsRefused() {
        refusedWith("""
                {"scenario":"RESOURCE_TAX","periodEnd":"2025-06-30","salesAmount":1000000,"rate":0.06,"rawOreRate":0.06,
                 "concentrateRate":0.09,"purchasedAmount":300000,"mixing":"RAW_WASHED_INTO_CONCENTRATE"}""", "rate", "tax.rate-mismatch");
        refusedWith("""
                {"scenario":"RESOURCE_TAX","periodEnd":"2025-06-30","salesAmount":1000000,"rate":6}""", "rate", "tax.rate-range");
    }

    @Test
    void aDeductionLargerThanTheSalesLeavesABaseOfZero() {
        TaxCalculation result = calculate("""
                {"scenario":"RESOURCE_TAX","periodEnd":"2025-06-30","salesAmount":100000,"rate":0.06,
                 "purchasedAmount":300000,"mixing":"SAME_PRODUCT"}""");
        assertAmount(result, Tax.RESOURCE_TAX, "0.00");
        assertThat(line(result, Tax.RESOURCE_TAX).explanation()).contains("结转下期");
    }
}
