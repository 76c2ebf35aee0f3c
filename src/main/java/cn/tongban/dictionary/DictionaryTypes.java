package cn.tongban.dictionary;

/**
 * Codes of the code tables (数据字典) of the national filing data standard 建办房〔2020〕14号, as used with
 * {@link Dictionaries}. Each table's source and size are in {@code dictionary_type}.
 */
public final class DictionaryTypes {

    /** 房屋用途 (GB/T 17986.1-2000 附录A). */
    public static final String HOUSE_USE = "house_use";
    /** 房屋性质 (TD/T 1066). */
    public static final String HOUSE_NATURE = "house_nature";
    /** 房屋类型. */
    public static final String HOUSE_TYPE = "house_type";
    /** 建筑结构 (TD/T 1066 房屋结构). */
    public static final String BUILDING_STRUCTURE = "building_structure";
    /** 户型居室. */
    public static final String ROOM_LAYOUT = "room_layout";
    /** 户型结构. */
    public static final String LAYOUT_STRUCTURE = "layout_structure";
    /** 房屋朝向. */
    public static final String ORIENTATION = "orientation";
    /** 房屋状态: 期房 or 现房. */
    public static final String HOUSE_STATE = "house_state";
    /** 共有方式. */
    public static final String CO_OWNERSHIP = "co_ownership";
    /** 付款类型. */
    public static final String PAYMENT_TYPE = "payment_type";
    /** 贷款方式. */
    public static final String LOAN_TYPE = "loan_type";
    /** 交易者类别. */
    public static final String PARTY_CATEGORY = "party_category";
    /** 交易者证件名称. */
    public static final String PARTY_ID_TYPE = "party_id_type";
    /** 交易者性质. */
    public static final String PARTY_NATURE = "party_nature";
    /** 业务类别. */
    public static final String BUSINESS_CATEGORY = "business_category";

    private DictionaryTypes() {
    }
}
