package cn.tongban.identity;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.kernel.AdministrativeDivision;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.UnifiedSocialCreditCode;
import cn.tongban.kernel.Violation;

/**
 * Administration of who may do what: departments and the districts they serve, staff users and their roles,
 * department systems' OAuth clients. Every change is published as {@link IdentityChanged} for the audit log.
 */
@RestController
@RequestMapping("/api/v1")
class AdministrationController {

    private static final SecureRandom RANDOM = new SecureRandom();

    record DepartmentRequest(@NotNull UnifiedSocialCreditCode creditCode, @NotBlank @Size(max = 200) String name,
            @NotNull DepartmentType type, boolean allDistricts, List<AdministrativeDivision> districts) {
    }

    /**
     * @param password at least 12 characters with letters and digits (等级保护第三级 身份鉴别: 口令应有复杂度要求)
     */
    record UserRequest(@NotBlank String username, @NotBlank @Size(max = 100) String displayName, @NotNull Long departmentId,
            @NotBlank String password, @NotEmpty List<String> roles) {
    }

    record ClientRequest(@NotBlank String clientId, @NotBlank @Size(max = 200) String name, @NotNull Long departmentId,
            @NotEmpty List<String> roles) {
    }

    record DepartmentView(long id, String creditCode, String name, DepartmentType type, boolean allDistricts,
            List<String> districts) {
    }

    record RoleView(String code, String nameZh, String nameEn, String departmentType, List<String> permissions) {
    }

    /** The client's secret, shown this once; only its hash is kept. */
    record IssuedClient(String clientId, String clientSecret) {
    }

    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final CurrentCaller callers;
    private final ApplicationEventPublisher events;

    AdministrationController(Accounts accounts, JdbcClient jdbc, CurrentCaller callers, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.callers = callers;
        this.events = events;
    }

    @PreAuthorize("hasAuthority('" + Permissions.USER_MANAGE + "')")
    @GetMapping("/roles")
    List<RoleView> roles() {
        return jdbc.sql("""
                SELECT r.code, r.name_zh, r.name_en, r.department_type,
                       ARRAY(SELECT permission FROM role_permission p WHERE p.role_code = r.code ORDER BY 1) AS permissions
                  FROM role r ORDER BY r.department_type, r.code""")
                .query((rs, n) -> new RoleView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        List.of((String[]) rs.getArray(5).getArray())))
                .list();
    }

    @PreAuthorize("hasAuthority('" + Permissions.DEPARTMENT_MANAGE + "')")
    @GetMapping("/departments")
    List<DepartmentView> departments() {
        return jdbc.sql("""
                SELECT d.id, d.credit_code, d.name, d.type, d.all_districts,
                       ARRAY(SELECT district_code FROM department_district dd WHERE dd.department_id = d.id ORDER BY 1)
                  FROM department d ORDER BY d.id""")
                .query((rs, n) -> new DepartmentView(rs.getLong(1), rs.getString(2), rs.getString(3),
                        DepartmentType.valueOf(rs.getString(4)), rs.getBoolean(5), List.of((String[]) rs.getArray(6).getArray())))
                .list()
                .stream().filter(this::visible).toList();
    }

    @PreAuthorize("hasAuthority('" + Permissions.DEPARTMENT_MANAGE + "')")
    @PostMapping("/departments")
    @Transactional
    ResponseEntity<DepartmentView> createDepartment(@Valid @RequestBody DepartmentRequest request) {
        List<String> districts = request.districts() == null ? List.of()
                : request.districts().stream().map(AdministrativeDivision::code).distinct().toList();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < districts.size(); i++) {
            if (!AdministrativeDivision.of(districts.get(i)).isCountyLevel()) {
                violations.add(new Violation("districts[" + i + "]", "department.district-not-county", districts.get(i)));
            }
        }
        if (!request.allDistricts() && districts.isEmpty() && !request.type().isEnterprise()) {
            violations.add(new Violation("districts", "department.no-scope"));
        }
        Caller caller = callers.get();
        if (!caller.allDistricts() && (request.allDistricts() || !caller.districts().containsAll(districts))) {
            violations.add(new Violation("districts", "scope.outside"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        if (jdbc.sql("SELECT count(*) FROM department WHERE credit_code = ?").param(request.creditCode().value())
                .query(Long.class).single() > 0) {
            throw new ConflictException("department.credit-code-taken", request.creditCode().value());
        }
        long id = accounts.department(request.creditCode(), request.name().strip(), request.type(), request.allDistricts(), districts);
        events.publishEvent(new IdentityChanged("create", "department", Long.toString(id)));
        return ResponseEntity.created(URI.create("/api/v1/departments/" + id))
                .body(new DepartmentView(id, request.creditCode().value(), request.name().strip(), request.type(),
                        request.allDistricts(), districts));
    }

    @PreAuthorize("hasAuthority('" + Permissions.USER_MANAGE + "')")
    @PostMapping("/users")
    @Transactional
    ResponseEntity<Map<String, Object>> createUser(@Valid @RequestBody UserRequest request) {
        DepartmentView department = department(request.departmentId());
        List<Violation> violations = new ArrayList<>();
        if (!request.username().matches("[a-z0-9][a-z0-9._-]{2,63}")) {
            violations.add(new Violation("username", "user.username-format"));
        }
        if (!strong(request.password())) {
            violations.add(new Violation("password", "user.password-weak", 12));
        }
        checkRoles(request.roles(), department, violations);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        if (jdbc.sql("SELECT count(*) FROM staff_user WHERE username = ?").param(request.username()).query(Long.class).single() > 0) {
            throw new ConflictException("user.username-taken", request.username());
        }
        long id = accounts.staff(request.username(), request.displayName().strip(), department.id(), request.password(), false,
                request.roles());
        events.publishEvent(new IdentityChanged("create", "staff-user", request.username()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + request.username()))
                .body(Map.of("id", id, "username", request.username(), "departmentId", department.id(), "roles", request.roles()));
    }

    /** Lifts the lock after repeated wrong passwords. */
    @PreAuthorize("hasAuthority('" + Permissions.USER_MANAGE + "')")
    @PostMapping("/users/{username}/unlock")
    @Transactional
    ResponseEntity<Void> unlock(@PathVariable String username) {
        Long department = jdbc.sql("SELECT department_id FROM staff_user WHERE username = ?").param(username)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("staff-user", username));
        department(department); // outside the caller's scope: not found
        jdbc.sql("UPDATE staff_user SET failed_attempts = 0, locked_until = NULL, version = version + 1, updated_at = now() WHERE username = ?")
                .param(username).update();
        events.publishEvent(new IdentityChanged("unlock", "staff-user", username));
        return ResponseEntity.noContent().build();
    }

    @PreAuthorize("hasAuthority('" + Permissions.USER_MANAGE + "')")
    @PostMapping("/clients")
    @Transactional
    ResponseEntity<IssuedClient> createClient(@Valid @RequestBody ClientRequest request) {
        DepartmentView department = department(request.departmentId());
        List<Violation> violations = new ArrayList<>();
        if (!request.clientId().matches("[a-z0-9][a-z0-9._-]{2,63}")) {
            violations.add(new Violation("clientId", "user.username-format"));
        }
        checkRoles(request.roles(), department, violations);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        if (jdbc.sql("SELECT count(*) FROM oauth2_registered_client WHERE client_id = ?").param(request.clientId())
                .query(Long.class).single() > 0) {
            throw new ConflictException("client.id-taken", request.clientId());
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String clientSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        accounts.systemClient(request.clientId(), request.name().strip(), clientSecret, department.id(), false, request.roles());
        events.publishEvent(new IdentityChanged("create", "system-client", request.clientId()));
        return ResponseEntity.created(URI.create("/api/v1/clients/" + request.clientId()))
                .body(new IssuedClient(request.clientId(), clientSecret));
    }

    private void checkRoles(List<String> roles, DepartmentView department, List<Violation> violations) {
        Map<String, String> types = new java.util.HashMap<>();
        jdbc.sql("SELECT code, department_type FROM role").query((rs, n) -> types.put(rs.getString(1), rs.getString(2))).list();
        for (int i = 0; i < roles.size(); i++) {
            String type = types.get(roles.get(i));
            if (type == null) {
                violations.add(new Violation("roles[" + i + "]", "role.unknown", roles.get(i)));
            } else if (!type.equals(department.type().name())) {
                // a bank's user cannot hold a court's role: roles belong to a kind of department
                violations.add(new Violation("roles[" + i + "]", "role.other-department-type", roles.get(i), type));
            }
        }
    }

    private DepartmentView department(long id) {
        return departments().stream().filter(d -> d.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("department", id));
    }

    /** An administrator sees the departments within their own scope. */
    private boolean visible(DepartmentView department) {
        Caller caller = callers.get();
        return caller.allDistricts() || (!department.allDistricts() && Set.copyOf(caller.districts()).containsAll(department.districts())
                && !department.districts().isEmpty());
    }

    static boolean strong(String password) {
        return password.length() >= 12 && password.chars().anyMatch(Character::isLetter) && password.chars().anyMatch(Character::isDigit);
    }
}
