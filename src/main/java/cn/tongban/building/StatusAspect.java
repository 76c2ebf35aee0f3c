package cn.tongban.building;

/**
 * One aspect of a unit's status that changes only through the append-only history: its 交易状况 and each of its
 * 权利状况 flags (建房规〔2020〕4号 一（四）: 交易状况和权利状况相关信息应当及时载入楼盘表).
 */
public enum StatusAspect {
    /** 交易状况, one of {@link TradeStatus}. */
    TRADE_STATUS,
    /** 预告登记. */
    ADVANCE_NOTICE,
    /** 查封. */
    SEIZED,
    /** 抵押. */
    MORTGAGED,
    /** 异议登记. */
    OBJECTION,
    /** 锁定 (e.g. during an administrative procedure). */
    LOCKED,
    /** 在建工程抵押. */
    CONSTRUCTION_MORTGAGE;

    boolean isFlag() {
        return this != TRADE_STATUS;
    }
}
