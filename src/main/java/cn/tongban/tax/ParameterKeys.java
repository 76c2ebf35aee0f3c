package cn.tongban.tax;

/** The keys of {@code tax/parameters.csv}, one constant per kind of value the calculator looks up. */
final class ParameterKeys {

    /** 契税法 第三条 第一款: the range a province's rate must lie in. */
    static final String DEED_TAX_RATE_MINIMUM = "deed-tax.rate.minimum";
    static final String DEED_TAX_RATE_MAXIMUM = "deed-tax.rate.maximum";
    /** 契税法 第三条 第二款: the province's rate. */
    static final String DEED_TAX_RATE = "deed-tax.rate";
    static final String DEED_TAX_EXEMPTION_SPOUSE = "deed-tax.exemption.spouse";
    static final String DEED_TAX_EXEMPTION_LEGAL_HEIR = "deed-tax.exemption.legal-heir";
    /** 契税法 第七条（一）（二）: what the province decided — EXEMPT, or NONE where it decided nothing. */
    static final String DEED_TAX_OPTION_EXPROPRIATION = "deed-tax.option.expropriation";
    static final String DEED_TAX_OPTION_FORCE_MAJEURE = "deed-tax.option.force-majeure";
    /** Area up to which (inclusive) the "small" relief rate applies: 90 m² (财税〔2016〕23号), 140 m² (2024年第16号). */
    static final String DEED_TAX_RELIEF_AREA = "deed-tax.relief.area-threshold";
    static final String DEED_TAX_RELIEF_FIRST_SMALL = "deed-tax.relief.first-home.small";
    static final String DEED_TAX_RELIEF_FIRST_LARGE = "deed-tax.relief.first-home.large";
    static final String DEED_TAX_RELIEF_SECOND_SMALL = "deed-tax.relief.second-home.small";
    static final String DEED_TAX_RELIEF_SECOND_LARGE = "deed-tax.relief.second-home.large";
    static final String VAT_HOUSING_LEVY_RATE = "vat.housing.levy-rate";
    static final String VAT_HOUSING_EXEMPT_AFTER_YEARS = "vat.housing.exempt-after-years";
    static final String URBAN_MAINTENANCE_RATE_URBAN = "urban-maintenance.rate.urban";
    static final String URBAN_MAINTENANCE_RATE_COUNTY_TOWN = "urban-maintenance.rate.county-town";
    static final String URBAN_MAINTENANCE_RATE_OTHER = "urban-maintenance.rate.other";
    static final String EDUCATION_SURCHARGE_RATE = "education-surcharge.rate";
    static final String LOCAL_EDUCATION_SURCHARGE_RATE = "local-education-surcharge.rate";
    /** Share of the tax that small-scale VAT taxpayers are relieved of (0.5: 减半). */
    static final String SMALL_TAXPAYER_HALVING = "small-taxpayer.halving";
    static final String INCOME_TAX_RATE = "income-tax.property-transfer.rate";
    static final String INCOME_TAX_ASSESSED_RATE = "income-tax.housing.assessed-rate";
    static final String INCOME_TAX_RENOVATION_CAP = "income-tax.housing.renovation-cap";
    static final String INCOME_TAX_EXEMPT_AFTER_YEARS = "income-tax.housing.exempt-after-years";
    static final String RESOURCE_DEDUCTION_SAME_PRODUCT = "resource-tax.deduction.same-product";
    static final String RESOURCE_DEDUCTION_WASHED = "resource-tax.deduction.washed";

    private ParameterKeys() {
    }
}
