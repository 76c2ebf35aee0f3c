package cn.tongban.audit;

import java.util.Locale;
import java.util.Objects;

/**
 * What to put on the audit log; who did it, when and from where the log adds itself.
 *
 * @param action       what was done, e.g. {@code read}, {@code unit.status-change}, {@code sharing.query}
 * @param resourceType the kind of record, e.g. {@code unit}, {@code contract}
 * @param resourceId   its id, or {@code null} for a query over many
 * @param subjectIndex the blind index (64 lowercase hex digits, HMAC-SM3) of the ID number of the person whose data
 *                     it is, computed by the calling module; {@code null} if no person's data is concerned
 * @param outcome      how it ended
 * @param purpose      why (required for sharing queries), or {@code null} to take the request's {@code X-Purpose}
 * @param caseNumber   the case or application number, or {@code null} to take the request's {@code X-Case-Number}
 * @param withheld     a court or police case withholds the details of this access from the citizen concerned
 */
public record AuditRecord(String action, String resourceType, String resourceId, String subjectIndex,
        AuditOutcome outcome, String purpose, String caseNumber, boolean withheld) {

    public AuditRecord {
        action = required(action, "action", 100);
        resourceType = required(resourceType, "resourceType", 100);
        Objects.requireNonNull(outcome, "outcome");
        if (subjectIndex != null) {
            subjectIndex = subjectIndex.strip().toLowerCase(Locale.ROOT);
            if (!subjectIndex.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("subjectIndex must be 64 hex digits (HMAC-SM3), never the ID number itself");
            }
        }
    }

    /** A successful read of a record. */
    public static AuditRecord read(String resourceType, String resourceId, String subjectIndex) {
        return new AuditRecord("read", resourceType, resourceId, subjectIndex, AuditOutcome.SUCCESS, null, null, false);
    }

    /** A successful change of a record, e.g. {@code change("unit.status-change", "unit", code, null)}. */
    public static AuditRecord change(String action, String resourceType, String resourceId, String subjectIndex) {
        return new AuditRecord(action, resourceType, resourceId, subjectIndex, AuditOutcome.SUCCESS, null, null, false);
    }

    public AuditRecord withOutcome(AuditOutcome newOutcome) {
        return new AuditRecord(action, resourceType, resourceId, subjectIndex, newOutcome, purpose, caseNumber, withheld);
    }

    public AuditRecord withPurpose(String newPurpose, String newCaseNumber) {
        return new AuditRecord(action, resourceType, resourceId, subjectIndex, outcome, newPurpose, newCaseNumber, withheld);
    }

    public AuditRecord withPurpose(Purpose.Declared declared) {
        return withPurpose(declared.purpose(), declared.caseNumber());
    }

    /** The same entry, its details withheld from the citizen concerned by a court or police case. */
    public AuditRecord withheldFromSubject() {
        return new AuditRecord(action, resourceType, resourceId, subjectIndex, outcome, purpose, caseNumber, true);
    }

    private static String required(String value, String name, int maxLength) {
        if (value == null || value.isBlank() || value.strip().length() > maxLength) {
            throw new IllegalArgumentException(name + " must be 1 to " + maxLength + " characters");
        }
        return value.strip();
    }
}
