package cn.tongban.building;

/** 交易状况 of a unit in the 楼盘表 (建房规〔2020〕4号 一（三）、（四）). */
public enum TradeStatus {
    /** 不可售: no presale permit or 现售备案 covers it, or withheld from sale. */
    UNAVAILABLE,
    /** 可售. */
    AVAILABLE,
    /** 已网签备案: a sale contract is filed; no second filing until it is changed or cancelled (建房规〔2020〕4号 三（十一）). */
    FILED,
    /** 已登记: the transfer is registered. */
    REGISTERED
}
