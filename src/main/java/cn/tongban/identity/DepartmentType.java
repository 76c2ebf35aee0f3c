package cn.tongban.identity;

/**
 * 部门类型: the kinds of organisation that use Tongban (建房〔2020〕61号; 互联网+不动产登记建设指南 五).
 */
public enum DepartmentType {
    /** 住房城乡建设部门 / 房产交易管理. */
    HOUSING,
    /** 税务. */
    TAX,
    /** 不动产登记. */
    REGISTRATION,
    /** 住房公积金管理中心. */
    PROVIDENT_FUND,
    /** 公安. */
    POLICE,
    /** 法院. */
    COURT,
    /** 民政. */
    CIVIL_AFFAIRS,
    /** 发展改革 (价格认定). */
    PRICE_ASSESSMENT,
    /** 大数据管理. */
    BIG_DATA,
    /** 市场监督管理. */
    MARKET_REGULATION,
    /** 银行业金融机构. */
    BANK,
    /** 房地产开发企业. */
    DEVELOPER,
    /** 房地产经纪机构. */
    BROKERAGE;

    /** An enterprise sees only its own projects and contracts. */
    public boolean isEnterprise() {
        return this == DEVELOPER || this == BROKERAGE;
    }
}
