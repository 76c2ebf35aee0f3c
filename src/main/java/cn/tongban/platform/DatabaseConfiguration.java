package cn.tongban.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One connection pool, to the external PostgreSQL when a URL is configured, else to the embedded one. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean
    @ConditionalOnExpression("'${tongban.db.url:}'.isBlank()")
    EmbeddedPostgresServer.Lease embeddedPostgres(DatabaseProperties properties) {
        EmbeddedPostgresServer.Lease lease = EmbeddedPostgresServer.lease(properties.embedded());
        log.info("Embedded PostgreSQL at {} (data in {})", lease.jdbcUrl(),
                properties.embedded().persistentDir() == null ? "a temporary directory" : properties.embedded().persistentDir().toAbsolutePath());
        return lease;
    }

    /** Depends on the embedded server's lease, so the pool closes before the server stops. */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, ObjectProvider<EmbeddedPostgresServer.Lease> embedded) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("tongban");
        pool.setMaximumPoolSize(properties.poolSize());
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
}
