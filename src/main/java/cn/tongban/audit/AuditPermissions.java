package cn.tongban.audit;

/** The permissions of the audit module ({@code module:resource:action}). */
public final class AuditPermissions {

    /** Query, export and verify the audit log: auditors only. */
    public static final String QUERY = "audit:log:query";

    private AuditPermissions() {
    }
}
