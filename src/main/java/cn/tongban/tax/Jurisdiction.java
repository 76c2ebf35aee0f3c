package cn.tongban.tax;

/**
 * 适用范围 (jurisdiction) of a tax parameter: who set it. The most specific one valid on a date wins, because a
 * province sets its own rate within the range of the law (契税法 第三条 第二款) and a city may be excluded from a
 * national relief (财税〔2016〕23号 一).
 */
enum Jurisdiction {
    NATIONAL, PROVINCE, CITY;

    /** Larger is more specific. */
    int specificity() {
        return ordinal();
    }
}
