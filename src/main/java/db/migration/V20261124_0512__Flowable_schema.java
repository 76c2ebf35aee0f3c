package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The workflow engine's tables (Flowable 7.2.0, issue #7 item 2), created from the PostgreSQL scripts its jars ship,
 * in the order its own schema manager runs them — by the schema owner, like every other table, so that the engine
 * itself runs on the application's role ({@code flowable.database-schema-update=false}) and takes part in the
 * application's transactions. A later Flowable version needs a migration running its upgrade scripts
 * ({@code org/flowable/db/upgrade/flowable.postgres.upgradestep.*}); the engine refuses to start on a schema of
 * another version, so a forgotten upgrade shows at once.
 */
public class V20261124_0512__Flowable_schema extends BaseJavaMigration {

    private static final String[] SCRIPTS = {
            "org/flowable/common/db/create/flowable.postgres.create.common.sql",
            "org/flowable/db/create/flowable.postgres.create.engine.sql",
            "org/flowable/db/create/flowable.postgres.create.history.sql",
    };

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String script : SCRIPTS) {
                statement.execute(read(script));
            }
            // the engine reads and writes its own tables, nothing else of ours; ours stay as their migrations grant
            statement.execute("""
                    DO $$
                    DECLARE t TEXT;
                    BEGIN
                        FOR t IN SELECT tablename FROM pg_tables
                                  WHERE schemaname = current_schema() AND (tablename LIKE 'act\\_%' OR tablename LIKE 'flw\\_%')
                        LOOP
                            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO tongban_app', t);
                        END LOOP;
                    END $$""");
        }
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = V20261124_0512__Flowable_schema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the Flowable script " + resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
