package cn.tongban.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.DisposableBean;

/**
 * The embedded PostgreSQL server: one per JVM, however many Spring contexts the JVM starts (the test suite shares
 * one server). Each context holds a lease; the server stops when the last context that leased it has closed —
 * after its connection pool and everything that still writes on shutdown (the event publication registry), which
 * is why the server's own JVM shutdown hook is not used.
 */
final class EmbeddedPostgresServer {

    private static EmbeddedPostgres server;
    private static int leases;

    private EmbeddedPostgresServer() {
    }

    static synchronized Lease lease(DatabaseProperties.Embedded config) {
        if (server == null) {
            server = start(config);
        }
        leases++;
        return new Lease(server.getPostgresDatabase(), server.getJdbcUrl("postgres", "postgres"), server.getPort());
    }

    private static synchronized void release() {
        if (--leases == 0 && server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
            } finally {
                server = null;
            }
        }
    }

    private static EmbeddedPostgres start(DatabaseProperties.Embedded config) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("max_connections", "100")
                    // room for a million-unit import without a checkpoint in the middle of it
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("timezone", "Asia/Shanghai");
            if (config.persistentDir() != null) {
                // data kept on disk is kept safely: zonky's test defaults (-F, synchronous_commit=off) are for
                // throw-away databases only
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
                Files.createDirectories(config.persistentDir());
                builder.setDataDirectory(config.persistentDir().toAbsolutePath())
                        .setCleanDataDirectory(Boolean.TRUE.equals(config.clean()));
            }
            if (config.port() != null && config.port() > 0) {
                builder.setPort(config.port());
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /** A context's hold on the server; the server stops when the last lease is destroyed. */
    static final class Lease implements DisposableBean {

        private final DataSource dataSource;
        private final String jdbcUrl;
        private final int port;
        private boolean released;

        private Lease(DataSource dataSource, String jdbcUrl, int port) {
            this.dataSource = dataSource;
            this.jdbcUrl = jdbcUrl;
            this.port = port;
        }

        int port() {
            return port;
        }

        DataSource dataSource() {
            return dataSource;
        }

        String jdbcUrl() {
            return jdbcUrl;
        }

        @Override
        public synchronized void destroy() {
            if (!released) {
                released = true;
                release();
            }
        }
    }
}
