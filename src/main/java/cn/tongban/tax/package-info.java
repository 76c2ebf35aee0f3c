/**
 * Tax as code (税收): the rates, thresholds and exemptions of 契税法, 城市维护建设税法, the housing VAT and income-tax
 * rules and the resource-tax purchased-ore deduction (国家税务总局公告2020年第14号 一) as dated, cited parameters in
 * {@code tax/parameters.csv}, and a pure calculator over them behind {@code POST /api/v1/tax/calculations} (issue #6).
 * Declarations pre-filled from a filed contract (免填单, 建房〔2020〕61号 四) go through the officer's assessment,
 * confirmation and payment to a tax-paid or exemption receipt, announced as {@link cn.tongban.tax.TaxPaid}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tax 税收")
package cn.tongban.tax;
