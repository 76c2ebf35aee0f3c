package cn.tongban.identity;

/**
 * A change to who may do what — a department, user or system client created, a user unlocked — published
 * synchronously in the changing transaction, so that the audit log records it with the change or not at all.
 *
 * @param action       e.g. {@code create}, {@code unlock}
 * @param resourceType {@code department}, {@code staff-user}, {@code system-client}
 * @param resourceId   its id
 */
public record IdentityChanged(String action, String resourceType, String resourceId) {
}
