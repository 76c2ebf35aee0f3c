package cn.tongban.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.tongban.identity.Permissions;
import cn.tongban.IntegrationTest;

/** The audit log is written with the work, append-only and hash-chained (issue #3 item 6). */
@IntegrationTest
class AuditChainTest {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditVerification verification;

    /** The platform's connection, as tongban_app. */
    @Autowired
    JdbcClient application;

    /** The owner's connection: these tests read the log directly and tamper with it as only the owner could. */
    JdbcClient jdbc;

    @Autowired
    void owner(cn.tongban.OwnerDatabase owner) {
        jdbc = owner.jdbc();
    }

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MockMvc http;

    @Autowired
    DataSource dataSource;

    private long rowsFor(String resourceId) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE resource_id = ?").param(resourceId).query(Long.class).single();
    }

    private long seqOf(String resourceId) {
        return jdbc.sql("SELECT seq FROM audit_event WHERE resource_id = ?").param(resourceId).query(Long.class).single();
    }

    @Test
    void chainVerifiesAfterSeveralRecordedEvents() throws Exception {
        String subject = AuditFixture.subjectIndex();
        AuditFixture.as(AuditFixture.staff("clerk-1", "常州市住房和城乡建设局"), () -> {
            for (int i = 0; i < 5; i++) {
                audit.record(AuditRecord.read("unit", AuditFixture.unique("unit"), subject));
            }
        });
        audit.record(AuditRecord.change("unit.status-change", "unit", AuditFixture.unique("unit"), null));

        AuditVerifier.Result result = verification.verify(null, null);
        assertThat(result.verified()).as("%s", result).isTrue();
        assertThat(result.rowsChecked()).isGreaterThanOrEqualTo(6);
        http.perform(get("/api/v1/audit/verification").with(user("auditor").authorities(new SimpleGrantedAuthority(Permissions.AUDIT_QUERY))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verified").value(true))
                .andExpect(jsonPath("$.firstBrokenSeq").doesNotExist());
    }

    @Test
    void commandLineCheckVerifiesTheChainAndExitsNonZeroWhenBroken() throws Exception {
        String altered = AuditFixture.unique("unit");
        audit.record(AuditRecord.read("unit", altered, null));
        String url;
        try (Connection connection = dataSource.getConnection()) {
            url = connection.getMetaData().getURL();
        }
        String user = jdbc.sql("SELECT current_user").query(String.class).single();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(AuditVerifier.run(new String[] {url, user, ""}, new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("audit chain verified: ");

        long seq = seqOf(altered);
        String partition = jdbc.sql("SELECT tableoid::regclass::text FROM audit_event WHERE seq = ?").param(seq).query(String.class).single();
        tamper(partition, "UPDATE " + partition + " SET outcome = 'DENIED' WHERE seq = " + seq);
        try {
            out.reset();
            assertThat(AuditVerifier.run(new String[] {url, user, ""}, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("audit chain BROKEN at seq " + seq + ": content-altered");
        } finally {
            tamper(partition, "UPDATE " + partition + " SET outcome = 'SUCCESS' WHERE seq = " + seq);
        }
    }

    @Test
    void alteringOneRowBreaksTheChainAtThatRow() {
        String first = AuditFixture.unique("unit");
        String altered = AuditFixture.unique("unit");
        String last = AuditFixture.unique("unit");
        audit.record(AuditRecord.read("unit", first, null));
        audit.record(AuditRecord.read("unit", altered, null));
        audit.record(AuditRecord.read("unit", last, null));
        long seq = seqOf(altered);
        String partition = jdbc.sql("SELECT tableoid::regclass::text FROM audit_event WHERE seq = ?").param(seq).query(String.class).single();

        tamper(partition, "UPDATE " + partition + " SET resource_id = 'someone-else' WHERE seq = " + seq);
        try {
            AuditVerifier.Result result = verification.verify(null, null);
            assertThat(result.verified()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(seq);
            assertThat(result.reason()).isEqualTo("content-altered");
        } finally {
            tamper(partition, "UPDATE " + partition + " SET resource_id = '" + altered + "' WHERE seq = " + seq);
        }
        assertThat(verification.verify(null, null).verified()).isTrue();
    }

    @Test
    void removingOneRowBreaksTheLinkOfTheNext() {
        String removed = AuditFixture.unique("unit");
        String next = AuditFixture.unique("unit");
        audit.record(AuditRecord.read("unit", removed, null));
        audit.record(AuditRecord.read("unit", next, null));
        long seq = seqOf(removed);
        String partition = jdbc.sql("SELECT tableoid::regclass::text FROM audit_event WHERE seq = ?").param(seq).query(String.class).single();
        List<String> columns = List.of("seq", "occurred_at", "actor_id", "actor_kind", "department_code", "department_name",
                "roles", "action", "resource_type", "resource_id", "subject_index", "outcome", "purpose", "case_number",
                "withheld", "source_address", "trace_id", "prev_hash", "hash");
        jdbc.sql("CREATE TABLE removed_audit_row AS SELECT " + String.join(",", columns) + " FROM audit_event WHERE seq = " + seq).update();
        tamper(partition, "DELETE FROM " + partition + " WHERE seq = " + seq);
        try {
            AuditVerifier.Result result = verification.verify(null, null);
            assertThat(result.verified()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(seqOf(next));
            assertThat(result.reason()).isEqualTo("link-broken");
        } finally {
            jdbc.sql("INSERT INTO audit_event SELECT * FROM removed_audit_row").update();
            jdbc.sql("DROP TABLE removed_audit_row").update();
        }
        assertThat(verification.verify(null, null).verified()).isTrue();
    }

    /** What only the database superuser can do: switch the append-only trigger off, change, switch it on. */
    private void tamper(String partition, String sql) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("ALTER TABLE " + partition + " DISABLE TRIGGER USER").update();
            jdbc.sql(sql).update();
            jdbc.sql("ALTER TABLE " + partition + " ENABLE TRIGGER USER").update();
        });
    }

    @Test
    void auditedWorkThatRollsBackLeavesNoAuditRowAndWorkThatCommitsLeavesOne() {
        String rolledBack = AuditFixture.unique("unit");
        String committed = AuditFixture.unique("unit");
        TransactionTemplate work = new TransactionTemplate(transactions);
        work.executeWithoutResult(status -> {
            audit.record(AuditRecord.change("unit.status-change", "unit", rolledBack, null));
            assertThat(rowsFor(rolledBack)).as("nothing is written before the commit").isZero();
            status.setRollbackOnly();
        });
        work.executeWithoutResult(status -> audit.record(AuditRecord.change("unit.status-change", "unit", committed, null)));

        assertThat(rowsFor(rolledBack)).isZero();
        assertThat(rowsFor(committed)).isEqualTo(1);
    }

    @Test
    void deniedAttemptStaysOnRecordWhenTheWorkRollsBack() {
        String denied = AuditFixture.unique("unit");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            audit.record(AuditRecord.read("unit", denied, null).withOutcome(AuditOutcome.DENIED));
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT outcome FROM audit_event WHERE resource_id = ?").param(denied).query(String.class).list())
                .containsExactly("DENIED");
    }

    @Test
    void readInReadOnlyTransactionIsRecorded() {
        String read = AuditFixture.unique("unit");
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> audit.record(AuditRecord.read("unit", read, null)));
        assertThat(rowsFor(read)).isEqualTo(1);
    }

    @Test
    void concurrentRecordingKeepsTheChainLinear() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    TransactionTemplate work = new TransactionTemplate(transactions);
                    for (int i = 0; i < 10; i++) {
                        work.executeWithoutResult(status -> {
                            audit.record(AuditRecord.read("unit", AuditFixture.unique("concurrent"), null));
                            audit.record(AuditRecord.read("unit", AuditFixture.unique("concurrent"), null));
                        });
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(verification.verify(null, null).verified()).isTrue();
    }

    @Test
    void updateDeleteAndTruncateAreRefusedByTheTrigger() {
        String resource = AuditFixture.unique("unit");
        audit.record(AuditRecord.read("unit", resource, null));
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET purpose = 'changed' WHERE resource_id = ?").param(resource).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE resource_id = ?").param(resource).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        String partition = jdbc.sql("SELECT tableoid::regclass::text FROM audit_event WHERE resource_id = ?").param(resource).query(String.class).single();
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE " + partition).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(rowsFor(resource)).isEqualTo(1);
    }

    @Test
    void applicationRoleMayOnlyInsertAndSelect() {
        // the platform's own connections are tongban_app's (DatabaseConfiguration)
        assertThat(application.sql("SELECT current_user").query(String.class).single()).isEqualTo("tongban_app");
        String resource = AuditFixture.unique("unit");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            audit.record(AuditRecord.read("unit", resource, null));
            application.sql("SELECT 1 FROM audit_ensure_partitions(2)").query(Integer.class).single();
        });
        assertThat(rowsFor(resource)).isEqualTo(1);
        String partition = jdbc.sql("SELECT tableoid::regclass::text FROM audit_event WHERE resource_id = ?").param(resource)
                .query(String.class).single();
        for (String refused : List.of("UPDATE audit_event SET purpose = 'x' WHERE resource_id = '" + resource + "'",
                "DELETE FROM audit_event WHERE resource_id = '" + resource + "'",
                "UPDATE " + partition + " SET purpose = 'x' WHERE resource_id = '" + resource + "'",
                "ALTER TABLE audit_event DISABLE TRIGGER USER",
                "DROP TABLE audit_archive")) {
            assertThatThrownBy(() -> application.sql(refused).update()).as(refused)
                    .isInstanceOfSatisfying(DataAccessException.class, e ->
                            assertThat(e.getMostSpecificCause().getMessage()).containsAnyOf("permission denied", "must be owner"));
        }
        assertThat(rowsFor(resource)).isEqualTo(1);
    }
}
