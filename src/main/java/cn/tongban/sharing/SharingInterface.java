package cn.tongban.sharing;

/**
 * 实时共享接口: the real-time interfaces of 建房〔2020〕61号, each with the stable code a grant names it by
 * ({@code sharing_grant.item}). A catalog item is granted as {@code catalog:<no>} instead.
 */
enum SharingInterface {
    /** A filed contract by its filing code, for loans (二) and the provident fund (三). */
    CONTRACT,
    /** A person's homes and 住房套数 (二、三; 六 for courts). */
    HOUSING,
    /** 以买卖合同网签备案价款和房屋评估价的低值作为计算基数, with the anti-money-laundering gap signal (二、三). */
    LOAN_BASE,
    /** 按实际租房金额提取住房公积金 (三). */
    RENT_WITHDRAWAL,
    /** The filed sale contract for the tax declaration (四). */
    TAX_SALE_CONTRACT,
    /** 居住证: a live filed lease, a filed purchase or registered ownership (五). */
    RESIDENCE_CHECK,
    /** A person's filed contracts, for enforcement (六). */
    PERSON_CONTRACTS,
    /** 房屋查封 pushed by a court, and its release (六). */
    SEIZURE,
    /** 失信被执行人名单 pushed by a court (六). */
    DISHONEST_DEBTOR;

    /** The audit log's action for a call of this interface. */
    String action() {
        return "sharing." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
