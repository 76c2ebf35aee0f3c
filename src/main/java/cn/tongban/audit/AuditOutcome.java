package cn.tongban.audit;

/** How the audited action ended. */
public enum AuditOutcome {
    /** Done: the data was read or changed. */
    SUCCESS,
    /** Refused for lack of permission, scope or grant. */
    DENIED,
    /** Attempted and failed. */
    FAILED
}
