package cn.tongban.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is. With no {@code url} (the default) Tongban starts its own embedded PostgreSQL and keeps
 * its data under {@code embedded.data-dir}; set {@code TONGBAN_DB_URL}, {@code TONGBAN_DB_USER} and
 * {@code TONGBAN_DB_PASSWORD} (the schema owner, for migrations) and {@code TONGBAN_DB_APP_USER},
 * {@code TONGBAN_DB_APP_PASSWORD} (the application role {@code tongban_app}) to use an external PostgreSQL instead
 * (production).
 */
@ConfigurationProperties("tongban.db")
record DatabaseProperties(String url, String user, String password, String appUser, String appPassword, Integer poolSize,
        Integer auditPoolSize, Embedded embedded) {

    DatabaseProperties {
        if (poolSize == null) {
            poolSize = 10;
        }
        if (auditPoolSize == null) {
            auditPoolSize = 4;
        }
        if (embedded == null) {
            embedded = new Embedded(null, null, null, null);
        }
    }

    boolean external() {
        return url != null && !url.isBlank();
    }

    /**
     * @param dataDir   where the embedded server keeps its files
     * @param temporary keep the files in a temporary directory removed at exit instead (tests)
     * @param port      fixed port, or none for any free one
     * @param clean     wipe the data directory at start
     */
    record Embedded(Path dataDir, Boolean temporary, Integer port, Boolean clean) {

        Path persistentDir() {
            return Boolean.TRUE.equals(temporary) ? null : dataDir;
        }
    }
}
