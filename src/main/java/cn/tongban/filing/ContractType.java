package cn.tongban.filing;

/** 合同类型 of 网签备案, with the two letters it carries in the filing code. */
public enum ContractType {
    /** 新建商品房买卖, filed by the developer. */
    NEW_SALE("XS"),
    /** 存量房买卖, filed by a brokerage or the parties. */
    EXISTING_SALE("CS"),
    /** 房屋租赁. */
    LEASE("ZL"),
    /** 房屋抵押, filed by the lending bank. */
    MORTGAGE("DY");

    private final String code;

    ContractType(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    boolean isSale() {
        return this == NEW_SALE || this == EXISTING_SALE;
    }
}
