package cn.tongban.identity;

import java.time.Duration;
import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.kernel.UnifiedSocialCreditCode;

/** Creates departments, staff users and system clients (administration API and demo data). */
@Service
class Accounts {

    /** Access tokens of department systems live half an hour; systems fetch a new one as they need. */
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final RegisteredClientRepository clients;

    Accounts(JdbcClient jdbc, PasswordEncoder passwords, RegisteredClientRepository clients) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clients = clients;
    }

    @Transactional
    long department(UnifiedSocialCreditCode creditCode, String name, DepartmentType type, boolean allDistricts,
            Collection<String> districts) {
        long id = jdbc.sql("INSERT INTO department (credit_code, name, type, all_districts) VALUES (?, ?, ?, ?) RETURNING id")
                .params(creditCode.value(), name, type.name(), allDistricts).query(Long.class).single();
        for (String district : districts) {
            jdbc.sql("INSERT INTO department_district (department_id, district_code) VALUES (?, ?)").params(id, district).update();
        }
        return id;
    }

    @Transactional
    long staff(String username, String displayName, long departmentId, String password, boolean demo, Collection<String> roles) {
        long id = jdbc.sql("""
                INSERT INTO staff_user (username, display_name, department_id, password_hash, demo) VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(username, displayName, departmentId, passwords.encode(password), demo).query(Long.class).single();
        for (String role : roles) {
            jdbc.sql("INSERT INTO staff_user_role (user_id, role_code) VALUES (?, ?)").params(id, role).update();
        }
        return id;
    }

    @Transactional
    void systemClient(String clientId, String name, String secret, long departmentId, boolean demo, Collection<String> roles) {
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientName(name)
                .clientSecret(passwords.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("api")
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(TOKEN_LIFETIME).build())
                .build());
        jdbc.sql("INSERT INTO system_client (client_id, department_id, demo) VALUES (?, ?, ?)").params(clientId, departmentId, demo).update();
        for (String role : roles) {
            jdbc.sql("INSERT INTO system_client_role (client_id, role_code) VALUES (?, ?)").params(clientId, role).update();
        }
    }
}
