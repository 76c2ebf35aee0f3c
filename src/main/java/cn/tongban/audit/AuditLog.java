package cn.tongban.audit;

/**
 * The audit log: every read of personal data and every change is recorded in the same transaction as the work
 * (issue #3 item 6; 互联网+不动产登记建设指南 五; 建房〔2020〕61号 八).
 *
 * <p>Who acted, their department, roles and source address come from the current caller; the trace id from the
 * request's {@code X-Trace-Id} header (or one made up for the request); purpose and case number, when the record
 * has none, from the request's {@code X-Purpose} and {@code X-Case-Number} headers.
 */
public interface AuditLog {

    /**
     * Appends an entry to the log. Inside a transaction the entry is written when that transaction commits, and only
     * then: a transaction that rolls back leaves no {@link AuditOutcome#SUCCESS} entry, while its
     * {@link AuditOutcome#DENIED} and {@link AuditOutcome#FAILED} entries are written on their own after the rollback,
     * so that refused attempts stay on record. If the entry cannot be written, the transaction does not commit.
     * Without a transaction the entry is written at once, in a transaction of its own.
     */
    void record(AuditRecord record);
}
