/**
 * Tax as code: deed tax (契税法), VAT with urban maintenance tax and surcharges (城市维护建设税法), income tax and
 * the resource-tax deduction; pre-filled declarations from filed contracts. Not built yet: see issue #6.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tax 税收")
package cn.tongban.tax;
