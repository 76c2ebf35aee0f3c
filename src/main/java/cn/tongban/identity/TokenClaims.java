package cn.tongban.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * What a department system's access token says about it: its department, districts, roles and permissions, read
 * from the identity tables when the token is issued. The API then needs no lookup per request.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String KIND = "tb_kind";
    static final String DEPARTMENT = "tb_dept";
    static final String DEPARTMENT_NAME = "tb_dept_name";
    static final String DEPARTMENT_TYPE = "tb_dept_type";
    static final String DISTRICTS = "tb_districts";
    static final String ALL_DISTRICTS = "tb_all_districts";
    static final String ROLES = "tb_roles";
    static final String PERMISSIONS = "tb_permissions";

    private final Directory directory;

    TokenClaims(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        String clientId = context.getRegisteredClient().getClientId();
        Caller client = directory.systemClient(clientId)
                .orElseThrow(() -> new IllegalStateException("client " + clientId + " has no department"));
        context.getClaims()
                .claim(KIND, ActorKind.SYSTEM.name())
                .claim(DEPARTMENT, client.departmentCode())
                .claim(DEPARTMENT_NAME, client.departmentName())
                .claim(DEPARTMENT_TYPE, client.departmentType().name())
                .claim(DISTRICTS, SecurityCallerContext.sorted(client.districts()))
                .claim(ALL_DISTRICTS, client.allDistricts())
                .claim(ROLES, SecurityCallerContext.sorted(client.roles()))
                .claim(PERMISSIONS, SecurityCallerContext.sorted(client.permissions()));
    }

    static Caller caller(Jwt jwt) {
        return new Caller(jwt.getSubject(), ActorKind.SYSTEM, jwt.getClaimAsString(DEPARTMENT), jwt.getClaimAsString(DEPARTMENT_NAME),
                jwt.getClaimAsString(DEPARTMENT_TYPE) == null ? null : DepartmentType.valueOf(jwt.getClaimAsString(DEPARTMENT_TYPE)),
                set(jwt.getClaimAsStringList(DISTRICTS)), Boolean.TRUE.equals(jwt.getClaimAsBoolean(ALL_DISTRICTS)),
                set(jwt.getClaimAsStringList(ROLES)), set(jwt.getClaimAsStringList(PERMISSIONS)), Set.of(), null);
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : new HashSet<>(values);
    }
}
