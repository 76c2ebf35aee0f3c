package cn.tongban.sharing;

/** 报送及时性: how an expected delivery stands (常经办发〔2023〕19号 三（三）严格目标考核). */
enum DeliveryStatus {
    /** Received on or before its due date. */
    ON_TIME,
    /** Received after its due date (with the days late). */
    LATE,
    /** Not received, and its due date has passed. */
    MISSING,
    /** Not received, and still within its deadline: not counted. */
    NOT_YET_DUE
}
