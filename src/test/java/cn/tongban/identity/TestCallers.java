package cn.tongban.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signed-in callers for MockMvc tests, built as a staff sign-in builds them. */
public final class TestCallers {

    private TestCallers() {
    }

    /** City-wide housing administrator with every permission: the default caller of integration tests. */
    public static Caller cityAdmin() {
        return new Caller("test-admin", ActorKind.STAFF, "11320400MB0000000X", "常州市住房和城乡建设局", DepartmentType.HOUSING,
                Set.of(), true, Set.of("housing-admin"), Permissions.ALL.keySet(), Set.of(), null);
    }

    /** A housing clerk of one district. */
    public static Caller districtClerk(String district) {
        return new Caller("clerk-" + district, ActorKind.STAFF, "11" + district + "MB000000" + district.substring(4) + "X",
                "房产交易中心" + district, DepartmentType.HOUSING, Set.of(district), false, Set.of("housing-clerk"),
                Permissions.ALL.keySet(), Set.of(), null);
    }

    /** A developer's clerk: sees its own projects only. */
    public static Caller developer(String creditCode) {
        return new Caller("developer-" + creditCode, ActorKind.STAFF, creditCode, "开发企业" + creditCode, DepartmentType.DEVELOPER,
                Set.of(), false, Set.of("developer-clerk"), Set.of(Permissions.PROJECT_QUERY, Permissions.BUILDING_QUERY,
                        Permissions.UNIT_QUERY, Permissions.UNIT_IMPORT), Set.of(), null);
    }

    /** A caller with exactly these permissions and city-wide scope. */
    public static Caller withPermissions(String... permissions) {
        return new Caller("test-" + String.join("-", permissions).replace(':', '.'), ActorKind.STAFF, "11320400MB0000001X",
                "测试部门", DepartmentType.HOUSING, Set.of(), true, Set.of(), Set.of(permissions), Set.of(), null);
    }

    /** Signs the request in as this caller, with a CSRF token as a browser would send. */
    public static RequestPostProcessor as(Caller caller) {
        SignedInPrincipal principal = new SignedInPrincipal(caller, null, true, false);
        RequestPostProcessor signIn = authentication(
                new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()));
        RequestPostProcessor token = csrf();
        return request -> token.postProcessRequest(signIn.postProcessRequest(request));
    }
}
