package cn.tongban.identity;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Outside demo mode, the platform refuses to start while any demo credential (password {@code demo}, secrets
 * {@code <client>-secret}, all published in the README) is in its database.
 */
@Component
@Profile("!demo")
class DemoCredentialGuard implements SmartInitializingSingleton {

    private final JdbcClient jdbc;

    DemoCredentialGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        check();
    }

    void check() {
        long users = jdbc.sql("SELECT count(*) FROM staff_user WHERE demo").query(Long.class).single();
        long clients = jdbc.sql("SELECT count(*) FROM system_client WHERE demo").query(Long.class).single();
        users += jdbc.sql("SELECT count(*) FROM citizen_account WHERE demo").query(Long.class).single();
        if (users + clients > 0) {
            throw new IllegalStateException(("Refusing to start: the database holds %d demo user(s) and %d demo client(s) whose "
                    + "passwords are published in the README. Start with the demo profile, or remove them: "
                    + "DELETE FROM staff_user_role WHERE user_id IN (SELECT id FROM staff_user WHERE demo); "
                    + "DELETE FROM staff_user WHERE demo; and likewise system_client_role, system_client and "
                    + "oauth2_registered_client for the demo clients.").formatted(users, clients));
        }
    }
}
