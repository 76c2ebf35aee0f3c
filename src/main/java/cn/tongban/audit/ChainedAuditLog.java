package cn.tongban.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.tongban.identity.Caller;
import cn.tongban.identity.CurrentCaller;

/**
 * Records entries when the work's transaction commits, chained one after the other.
 *
 * <p>{@link #record} only captures the entry (caller, trace id, purpose) and keeps it with the transaction. Just
 * before the commit it takes the chain lock ({@code pg_advisory_xact_lock}), reads the chain head, inserts the
 * entries with their sequence numbers and hashes and moves the head: the lock is held from then to the commit
 * only, and the chain stays one line whatever commits concurrently. A read-only transaction cannot insert; its
 * entries are written in a transaction of their own at the same moment, before the read commits.
 */
@Component
class ChainedAuditLog implements AuditLog {

    /** The advisory lock key of the chain: "AUDITLOG" in ASCII. */
    static final long CHAIN_LOCK = 0x41554449544C4F47L;

    private final CurrentCaller callers;
    /** The work's own connection: entries chained in the work's transaction. */
    private final Writer inTransaction;
    /** The audit log's own pool: entries written apart from the work (see DatabaseConfiguration.auditDataSource). */
    private final Writer apart;
    private final TransactionTemplate apartTransaction;

    /** Where entries are written: a connection's JdbcClient and JdbcTemplate. */
    private record Writer(JdbcClient jdbc, JdbcTemplate template) {
    }

    ChainedAuditLog(CurrentCaller callers, JdbcClient jdbc, JdbcTemplate template,
            @Qualifier("auditDataSource") DataSource auditPool) {
        this.callers = callers;
        this.inTransaction = new Writer(jdbc, template);
        this.apart = new Writer(JdbcClient.create(auditPool), new JdbcTemplate(auditPool));
        this.apartTransaction = new TransactionTemplate(new DataSourceTransactionManager(auditPool));
    }

    /** Writes the entries in a transaction of their own, on the audit log's own connections. */
    private void writeApart(List<Pending> entries) {
        apartTransaction.executeWithoutResult(status -> chain(apart, entries, null));
    }

    /** An entry as recorded, before it has its place in the chain. */
    record Pending(String actorId, String actorKind, String departmentCode, String departmentName, List<String> roles,
            AuditRecord record, String sourceAddress, String traceId) {
    }

    @Override
    public void record(AuditRecord record) {
        Pending entry = capture(record);
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            writeApart(List.of(entry));
            return;
        }
        Optional<Entries> open = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(s -> s instanceof Entries entries && entries.log() == this).map(Entries.class::cast).findFirst();
        if (open.isPresent() && open.get().flushed) {
            // recorded by another synchronization's beforeCommit, after ours: still in the transaction
            chain(List.of(entry), null);
            return;
        }
        Entries entries = open.orElseGet(() -> {
            Entries created = new Entries(TransactionSynchronizationManager.isCurrentTransactionReadOnly());
            TransactionSynchronizationManager.registerSynchronization(created);
            return created;
        });
        entries.pending.add(entry);
    }

    private Pending capture(AuditRecord record) {
        Caller caller = callers.get();
        if (record.purpose() == null && record.caseNumber() == null) {
            record = Purpose.current().map(record::withPurpose).orElse(record);
        }
        String source = caller.sourceAddress() != null ? caller.sourceAddress()
                : RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                        ? request.getRequest().getRemoteAddr() : null;
        return new Pending(caller.actorId(), caller.kind().name(), caller.departmentCode(), caller.departmentName(),
                List.copyOf(caller.roles()), record, source, TraceIdFilter.current());
    }

    /**
     * Appends entries to the chain in the current transaction; {@code at} fixes their time (tests of old partitions),
     * {@code null} takes the database clock, never earlier than the chain head's time.
     */
    void chain(List<Pending> entries, Instant at) {
        chain(inTransaction, entries, at);
    }

    private void chain(Writer writer, List<Pending> entries, Instant at) {
        if (entries.isEmpty()) {
            return;
        }
        JdbcClient jdbc = writer.jdbc();
        JdbcTemplate template = writer.template();
        // Everything below runs under the chain lock, which every audited transaction waits for until it commits:
        // two round trips — lock and head in one statement, all rows and the new head in the other. The sequence
        // numbers follow the head's, so the chain has no gaps.
        // FOR UPDATE: a repeatable-read transaction that cannot see the newest head fails instead of forking the chain
        Map<String, Object> head = jdbc.sql("""
                SELECT h.seq, h.hash, greatest(h.occurred_at, clock_timestamp()) AS now
                  FROM pg_advisory_xact_lock(?) AS lock, audit_chain_head h FOR UPDATE OF h""")
                .param(CHAIN_LOCK).query().singleRow();
        String prev = ((String) head.get("hash"));
        long seq = ((Number) head.get("seq")).longValue();
        Instant now = at != null ? at : ((java.sql.Timestamp) head.get("now")).toInstant();
        // PostgreSQL keeps microseconds: hash what is stored
        now = Instant.ofEpochSecond(now.getEpochSecond(), now.getNano() / 1000 * 1000);
        List<AuditEntry> chained = new ArrayList<>(entries.size());
        for (Pending p : entries) {
            AuditRecord r = p.record();
            AuditEntry entry = new AuditEntry(++seq, now, p.actorId(), p.actorKind(), p.departmentCode(), p.departmentName(),
                    p.roles(), r.action(), r.resourceType(), r.resourceId(), r.subjectIndex(), r.outcome().name(),
                    r.purpose(), r.caseNumber(), r.withheld(), p.sourceAddress(), p.traceId(), null, null).chainedAfter(prev);
            chained.add(entry);
            prev = entry.hash();
        }
        OffsetDateTime stamp = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        // 19 parameters a row: at most ROWS_PER_STATEMENT rows a statement keeps far below PostgreSQL's 65,535
        for (int from = 0; from < chained.size(); from += ROWS_PER_STATEMENT) {
            append(template, chained.subList(from, Math.min(chained.size(), from + ROWS_PER_STATEMENT)), stamp);
        }
    }

    private static final int ROWS_PER_STATEMENT = 1_000;

    /** Inserts the rows and moves the head to the last of them, in one statement. */
    private static void append(JdbcTemplate template, List<AuditEntry> chained, OffsetDateTime stamp) {
        AuditEntry last = chained.get(chained.size() - 1);
        String rows = String.join(", ", java.util.Collections.nCopies(chained.size(),
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        template.update(connection -> {
            java.sql.PreparedStatement ps = connection.prepareStatement("""
                    WITH appended AS (
                        INSERT INTO audit_event (seq, occurred_at, actor_id, actor_kind, department_code, department_name, roles,
                            action, resource_type, resource_id, subject_index, outcome, purpose, case_number, withheld,
                            source_address, trace_id, prev_hash, hash)
                        VALUES %s)
                    UPDATE audit_chain_head SET seq = ?, hash = ?, occurred_at = greatest(occurred_at, ?)""".formatted(rows));
            int index = 1;
            for (AuditEntry entry : chained) {
                Object[] values = {entry.seq(), stamp, entry.actorId(), entry.actorKind(), entry.departmentCode(),
                        entry.departmentName(), connection.createArrayOf("text", entry.roles().toArray(String[]::new)),
                        entry.action(), entry.resourceType(), entry.resourceId(), entry.subjectIndex(), entry.outcome(),
                        entry.purpose(), entry.caseNumber(), entry.withheld(), entry.sourceAddress(), entry.traceId(),
                        entry.prevHash(), entry.hash()};
                for (Object value : values) {
                    ps.setObject(index++, value);
                }
            }
            ps.setLong(index++, last.seq());
            ps.setString(index++, last.hash());
            ps.setObject(index, stamp);
            return ps;
        });
    }

    /** The entries recorded in one transaction, written when it commits. */
    private final class Entries implements TransactionSynchronization {

        final List<Pending> pending = new ArrayList<>();
        final boolean readOnly;
        boolean flushed;
        boolean writtenApart;

        Entries(boolean readOnly) {
            this.readOnly = readOnly;
        }

        ChainedAuditLog log() {
            return ChainedAuditLog.this;
        }

        @Override
        public int getOrder() {
            // last of all: the chain lock is then held for the shortest time
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean transactionReadOnly) {
            flushed = true;
            List<Pending> entries = List.copyOf(pending);
            if (readOnly || transactionReadOnly) {
                writeApart(entries);
                writtenApart = true;
            } else {
                chain(entries, null);
            }
        }

        @Override
        public void afterCompletion(int status) {
            if (status != STATUS_ROLLED_BACK || writtenApart) {
                return;
            }
            // the work did not happen; that it was refused or failed did
            List<Pending> attempts = pending.stream().filter(p -> p.record().outcome() != AuditOutcome.SUCCESS).toList();
            if (!attempts.isEmpty()) {
                writeApart(attempts);
            }
        }
    }
}
