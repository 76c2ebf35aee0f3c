package cn.tongban.identity;

import java.util.Set;

/**
 * 调用方: who is calling, for which department, over which districts, with which permissions and grants — what every
 * scope filter, masking decision and audit entry is decided on.
 *
 * @param actorId              user name, OAuth client id, or {@code anonymous}
 * @param kind                 staff, system client, citizen or anonymous
 * @param departmentCode       the caller's department (its 统一社会信用代码), or {@code null}
 * @param departmentName       its name, for the audit log
 * @param departmentType       its type, or {@code null}
 * @param districts            GB/T 2260 county codes the caller may see; empty with {@code allDistricts} means all
 * @param allDistricts         city-wide or national scope
 * @param roles                role codes
 * @param permissions          {@code module:resource:action} strings
 * @param grants               sharing grant ids (issue #5)
 * @param sourceAddress        the request's remote address
 */
public record Caller(String actorId, ActorKind kind, String departmentCode, String departmentName,
        DepartmentType departmentType, Set<String> districts, boolean allDistricts, Set<String> roles,
        Set<String> permissions, Set<String> grants, String sourceAddress) {

    public static final Caller ANONYMOUS = new Caller("anonymous", ActorKind.ANONYMOUS, null, null, null, Set.of(),
            false, Set.of(), Set.of(), Set.of(), null);

    public Caller {
        districts = Set.copyOf(districts);
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
        grants = Set.copyOf(grants);
    }

    public boolean has(String permission) {
        return permissions.contains(permission);
    }

    /** Whether the caller may see data of this county-level district. */
    public boolean seesDistrict(String districtCode) {
        return allDistricts || districts.contains(districtCode);
    }

    /** An enterprise (developer, brokerage) sees only its own data. */
    public boolean isEnterprise() {
        return departmentType != null && departmentType.isEnterprise();
    }
}
