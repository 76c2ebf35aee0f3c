package cn.tongban.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Two connection pools to one PostgreSQL (the external one when a URL is configured, else the embedded one):
 * the owner's, which Flyway migrates with, and the application role's ({@code tongban_app}), which everything
 * else uses — it may change data but not the schema, and may only append to the append-only tables.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    static final String APP_ROLE = "tongban_app";
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean
    @ConditionalOnExpression("'${tongban.db.url:}'.isBlank()")
    EmbeddedPostgresServer.Lease embeddedPostgres(DatabaseProperties properties) {
        EmbeddedPostgresServer.Lease lease = EmbeddedPostgresServer.lease(properties.embedded());
        log.info("Embedded PostgreSQL at {} (data in {})", lease.jdbcUrl(),
                properties.embedded().persistentDir() == null ? "a temporary directory" : properties.embedded().persistentDir().toAbsolutePath());
        return lease;
    }

    /** The schema owner: migrations, and maintenance that needs more than the application role. */
    @Bean(destroyMethod = "close")
    @FlywayDataSource
    HikariDataSource ownerDataSource(DatabaseProperties properties, ObjectProvider<EmbeddedPostgresServer.Lease> embedded) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("tongban-owner");
        pool.setMaximumPoolSize(2);
        if (properties.external()) {
            pool.setJdbcUrl(properties.url());
            pool.setUsername(properties.user());
            pool.setPassword(properties.password());
            log.info("Using external PostgreSQL at {}", properties.url());
        } else {
            pool.setDataSource(embedded.getObject().dataSource());
        }
        return new HikariDataSource(pool);
    }

    /** What the platform runs on. Depends on the embedded server's lease, so the pool closes before the server stops. */
    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(DatabaseProperties properties, ObjectProvider<EmbeddedPostgresServer.Lease> embedded) {
        if (properties.external() && (properties.appUser() == null || properties.appUser().isBlank())) {
            log.warn("TONGBAN_DB_APP_USER is not set: the platform runs as the schema owner {}, and the append-only "
                    + "tables are protected by their triggers alone", properties.user());
        }
        return applicationPool("tongban", properties.poolSize(), properties, embedded);
    }

    /**
     * The audit log's own few connections, as the application role: a read of personal data is audited in a
     * transaction of its own before the read's (read-only) transaction commits. Taking that connection from the
     * platform's pool would let many concurrent reads hold every pooled connection while each waits for a second one
     * — they would all time out together. Audit writes never wait on the platform's pool, so no such cycle exists.
     */
    @Bean(destroyMethod = "close")
    HikariDataSource auditDataSource(DatabaseProperties properties, ObjectProvider<EmbeddedPostgresServer.Lease> embedded) {
        return applicationPool("tongban-audit", properties.auditPoolSize(), properties, embedded);
    }

    private static HikariDataSource applicationPool(String name, int size, DatabaseProperties properties,
            ObjectProvider<EmbeddedPostgresServer.Lease> embedded) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName(name);
        pool.setMaximumPoolSize(size);
        // the role is created by the first migration: do not connect before Flyway has run
        pool.setInitializationFailTimeout(-1);
        if (properties.external()) {
            pool.setJdbcUrl(properties.url());
            boolean owner = properties.appUser() == null || properties.appUser().isBlank();
            pool.setUsername(owner ? properties.user() : properties.appUser());
            pool.setPassword(owner ? properties.password() : properties.appPassword());
        } else {
            pool.setJdbcUrl("jdbc:postgresql://localhost:" + embedded.getObject().port() + "/postgres");
            pool.setUsername(APP_ROLE);
        }
        return new HikariDataSource(pool);
    }
}
