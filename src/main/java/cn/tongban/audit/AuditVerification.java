package cn.tongban.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.tongban.TongbanApplication;
import cn.tongban.identity.CurrentCaller;

/**
 * Verifies the chain in the application, as {@link AuditVerifier} does from the command line, and keeps every run
 * ({@code audit_verification_run}) so that auditors see when the chain was last verified and with what result.
 */
@Service
class AuditVerification {

    private static final ZoneId CHINA = ZoneId.of(TongbanApplication.ZONE);

    /** One verification as it was run: when, by whom, over which period (bounds {@code null}: open), its result. */
    record Run(OffsetDateTime verifiedAt, String actorId, OffsetDateTime from, OffsetDateTime to,
            AuditVerifier.Result result) {
    }

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final TransactionTemplate snapshot;
    private final CurrentCaller callers;

    AuditVerification(JdbcTemplate jdbc, JdbcClient client, PlatformTransactionManager transactions, CurrentCaller callers) {
        this.jdbc = jdbc;
        this.client = client;
        this.callers = callers;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    AuditVerifier.Result verify(Instant from, Instant to) {
        return snapshot.execute(status -> jdbc.execute(
                (ConnectionCallback<AuditVerifier.Result>) connection -> AuditVerifier.verify(connection, from, to)));
    }

    /** Verifies and keeps the run, for the last verification shown to auditors. */
    Run verifyAndRecord(Instant from, Instant to) {
        AuditVerifier.Result result = verify(from, to);
        String actor = callers.get().actorId();
        OffsetDateTime at = client.sql("""
                INSERT INTO audit_verification_run (actor_id, range_from, range_to, verified, rows_checked,
                    first_broken_seq, reason) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING verified_at""")
                .params(actor, timestamp(from), timestamp(to), result.verified(), result.rowsChecked(),
                        result.firstBrokenSeq(), result.reason())
                .query(OffsetDateTime.class).single();
        return new Run(china(at), actor, china(from), china(to), result);
    }

    /** The most recent run, if the chain was ever verified in the application. */
    Optional<Run> last() {
        return client.sql("SELECT * FROM audit_verification_run ORDER BY verified_at DESC, id DESC LIMIT 1")
                .query((rs, n) -> new Run(china(rs.getObject("verified_at", OffsetDateTime.class)), rs.getString("actor_id"),
                        china(rs.getObject("range_from", OffsetDateTime.class)),
                        china(rs.getObject("range_to", OffsetDateTime.class)),
                        new AuditVerifier.Result(rs.getBoolean("verified"), rs.getLong("rows_checked"),
                                (Long) rs.getObject("first_broken_seq"), rs.getString("reason"))))
                .optional();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static OffsetDateTime china(Instant instant) {
        return instant == null ? null : instant.atZone(CHINA).toOffsetDateTime();
    }

    private static OffsetDateTime china(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(CHINA).toOffsetDateTime();
    }
}
