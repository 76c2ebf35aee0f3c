package cn.tongban.sharing;

/** How a catalog item's frequency text reads (常经办发〔2023〕19号 附件1 “共享方式及交换频率”). */
enum ScheduleStatus {
    /** 定期共享 with a deadline per period: 每季终了后20日内 and the like. */
    SCHEDULED,
    /** 定期共享 within N days of an event: 文件出台后20日内, 在完成吊销程序后20日内. */
    EVENT_TRIGGERED,
    /** 按需提供. */
    ON_DEMAND,
    /** 实时共享. */
    REAL_TIME,
    /** The text cannot be read without guessing (每季末20日前, 每年终了后 with no number): a person must decide. */
    NEEDS_DECISION
}
