package cn.tongban.identity;

/**
 * A change to identity's records — a department, user or system client created, a user unlocked, a marriage or a
 * parent–child relation fed by 民政 or 公安 — published synchronously in the changing transaction, so that the audit
 * log records it with the change or not at all.
 *
 * @param action       e.g. {@code create}, {@code unlock}, {@code dissolve}
 * @param resourceType {@code department}, {@code staff-user}, {@code system-client}, {@code marriage},
 *                     {@code household-child}
 * @param resourceId   its id
 * @param subjectIndex the blind index of the ID number of the person the record is about, or {@code null}; a record
 *                     about two persons is published once for each
 */
public record IdentityChanged(String action, String resourceType, String resourceId, String subjectIndex) {

    /** A change that concerns no person's data (departments, users, clients). */
    public IdentityChanged(String action, String resourceType, String resourceId) {
        this(action, resourceType, resourceId, null);
    }
}
