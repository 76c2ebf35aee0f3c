package cn.tongban.kernel;

/**
 * The kind of an {@link AdministrativeDivision} (GB/T 2260). The county-level kinds matter to tax: 城市维护建设税法
 * 第四条 sets 7% where the taxpayer is in a city's urban area (市区), 5% in a county seat or town (县城、镇) and 1%
 * elsewhere.
 */
public enum DivisionKind {
    /** 省（自治区、直辖市）. */
    PROVINCE,
    /** 地级市 (设区的市). */
    PREFECTURE_CITY,
    /** 市辖区: GB/T 2260 county digits 01-20. */
    URBAN_DISTRICT,
    /** 县级市: GB/T 2260 county digits 81-99. */
    COUNTY_LEVEL_CITY,
    /** 县: GB/T 2260 county digits 21-80. */
    COUNTY
}
