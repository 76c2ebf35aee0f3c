package cn.tongban.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** One row of {@code audit_event}, as hashed. */
record AuditEntry(long seq, Instant occurredAt, String actorId, String actorKind, String departmentCode,
        String departmentName, List<String> roles, String action, String resourceType, String resourceId,
        String subjectIndex, String outcome, String purpose, String caseNumber, boolean withheld, String sourceAddress,
        String traceId, String prevHash, String hash) {

    AuditEntry {
        roles = roles.stream().sorted().toList();
    }

    static AuditEntry from(ResultSet rs) throws SQLException {
        Array roles = rs.getArray("roles");
        return new AuditEntry(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor_id"), rs.getString("actor_kind"), rs.getString("department_code"),
                rs.getString("department_name"), roles == null ? List.of() : Arrays.asList((String[]) roles.getArray()),
                rs.getString("action"), rs.getString("resource_type"), rs.getString("resource_id"),
                rs.getString("subject_index"), rs.getString("outcome"), rs.getString("purpose"),
                rs.getString("case_number"), rs.getBoolean("withheld"), rs.getString("source_address"),
                rs.getString("trace_id"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    /** This entry chained after {@code prev}: its hash computed over its content. */
    AuditEntry chainedAfter(String prev) {
        AuditEntry linked = new AuditEntry(seq, occurredAt, actorId, actorKind, departmentCode, departmentName, roles,
                action, resourceType, resourceId, subjectIndex, outcome, purpose, caseNumber, withheld, sourceAddress,
                traceId, prev, null);
        return new AuditEntry(seq, occurredAt, actorId, actorKind, departmentCode, departmentName, roles, action,
                resourceType, resourceId, subjectIndex, outcome, purpose, caseNumber, withheld, sourceAddress, traceId,
                prev, AuditHash.of(linked));
    }
}
