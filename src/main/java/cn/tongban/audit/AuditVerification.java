package cn.tongban.audit;

import java.time.Instant;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Verifies the chain in the application, as {@link AuditVerifier} does from the command line. */
@Service
class AuditVerification {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    AuditVerification(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    AuditVerifier.Result verify(Instant from, Instant to) {
        return snapshot.execute(status -> jdbc.execute(
                (ConnectionCallback<AuditVerifier.Result>) connection -> AuditVerifier.verify(connection, from, to)));
    }
}
