package cn.tongban.identity;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads who someone is from the identity tables: a staff user's or a system client's department, districts, roles
 * and permissions, as one {@link Caller} (without the request's source address).
 */
@Component
class Directory implements SystemClients {

    private static final String DEPARTMENT = """
            d.credit_code, d.name AS department_name, d.type, d.all_districts,
            ARRAY(SELECT district_code FROM department_district dd WHERE dd.department_id = d.id ORDER BY 1) AS districts""";

    /** A staff user as login needs it. */
    record StaffAccount(long id, String username, String passwordHash, boolean enabled, boolean locked, Caller caller) {
    }

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StaffAccount> staff(String username) {
        return jdbc.sql("""
                SELECT u.id, u.username, u.password_hash, u.enabled, coalesce(u.locked_until > now(), false) AS locked,
                       ARRAY(SELECT role_code FROM staff_user_role r WHERE r.user_id = u.id ORDER BY 1) AS roles,
                       ARRAY(SELECT DISTINCT p.permission FROM staff_user_role r JOIN role_permission p ON p.role_code = r.role_code
                              WHERE r.user_id = u.id ORDER BY 1) AS permissions,
                       """ + DEPARTMENT + """

                  FROM staff_user u JOIN department d ON d.id = u.department_id
                 WHERE u.username = ?""")
                .param(username)
                .query((rs, n) -> new StaffAccount(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                        rs.getBoolean("enabled"), rs.getBoolean("locked"),
                        new Caller(rs.getString("username"), ActorKind.STAFF, rs.getString("credit_code"),
                                rs.getString("department_name"), DepartmentType.valueOf(rs.getString("type")),
                                strings(rs.getArray("districts")), rs.getBoolean("all_districts"), strings(rs.getArray("roles")),
                                strings(rs.getArray("permissions")), Set.of(), null)))
                .optional();
    }

    @Override
    public Optional<Caller> find(String clientId) {
        return systemClient(clientId);
    }

    Optional<Caller> systemClient(String clientId) {
        return jdbc.sql("""
                SELECT c.client_id,
                       ARRAY(SELECT role_code FROM system_client_role r WHERE r.client_id = c.client_id ORDER BY 1) AS roles,
                       ARRAY(SELECT DISTINCT p.permission FROM system_client_role r JOIN role_permission p ON p.role_code = r.role_code
                              WHERE r.client_id = c.client_id ORDER BY 1) AS permissions,
                       """ + DEPARTMENT + """

                  FROM system_client c JOIN department d ON d.id = c.department_id
                 WHERE c.client_id = ?""")
                .param(clientId)
                .query((rs, n) -> new Caller(rs.getString("client_id"), ActorKind.SYSTEM, rs.getString("credit_code"),
                        rs.getString("department_name"), DepartmentType.valueOf(rs.getString("type")),
                        strings(rs.getArray("districts")), rs.getBoolean("all_districts"), strings(rs.getArray("roles")),
                        strings(rs.getArray("permissions")), Set.of(), null))
                .optional();
    }

    private static Set<String> strings(Array array) throws SQLException {
        return array == null ? Set.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).collect(Collectors.toSet());
    }
}
