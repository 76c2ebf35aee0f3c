package cn.tongban.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.tongban.TongbanApplication;
import cn.tongban.kernel.Page;
import cn.tongban.kernel.PageRequest;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/** Reads the audit log: the auditors' query and export, and a citizen's list of accesses to their records. */
@Service
class AuditEvents {

    private static final ZoneId CHINA = ZoneId.of(TongbanApplication.ZONE);

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final MessageSource messages;

    AuditEvents(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, MessageSource messages) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        // PostgreSQL streams with a cursor only inside a transaction
        this.streaming.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.messages = messages;
    }

    /**
     * What to look for; every part optional.
     *
     * @param resourceType the kind of record, e.g. {@code contract}
     * @param subjectIndex the blind index of the person's ID number (64 hex digits)
     */
    record Filter(Instant from, Instant to, String actorId, String action, String resourceType, String subjectIndex) {

        Filter {
            actorId = blankToNull(actorId);
            action = blankToNull(action);
            resourceType = blankToNull(resourceType);
            subjectIndex = blankToNull(subjectIndex);
            List<Violation> violations = new ArrayList<>();
            if (subjectIndex != null) {
                subjectIndex = subjectIndex.toLowerCase(Locale.ROOT);
                if (!subjectIndex.matches("[0-9a-f]{64}")) {
                    violations.add(new Violation("subjectIndex", "audit.subject-index-format"));
                }
            }
            if (from != null && to != null && !from.isBefore(to)) {
                violations.add(new Violation("to", "audit.time-order"));
            }
            if (!violations.isEmpty()) {
                throw new RuleViolationException(violations);
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** An entry as auditors see it. */
    record EventView(long seq, OffsetDateTime occurredAt, String actorId, String actorKind, String departmentCode,
            String departmentName, List<String> roles, String action, String resourceType, String resourceId,
            String subjectIndex, String outcome, String purpose, String caseNumber, boolean withheld,
            String sourceAddress, String traceId) {
    }

    /**
     * An access to a citizen's records as the citizen sees it; for a withheld entry only the time and a notice.
     *
     * @param notice why the details are not shown, for withheld entries
     */
    record AccessView(OffsetDateTime occurredAt, boolean withheld, String departmentName, String action,
            String resourceType, String purpose, String outcome, String notice) {
    }

    Page<EventView> list(Filter filter, PageRequest page) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        long total = jdbc.sql("SELECT count(*) FROM audit_event" + where).params(args).query(Long.class).single();
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        List<EventView> items = jdbc.sql("SELECT * FROM audit_event" + where + " ORDER BY seq DESC LIMIT ? OFFSET ?")
                .params(pageArgs).query((rs, n) -> view(AuditEntry.from(rs))).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** Writes every matching entry as CSV, oldest first, streaming from the database. */
    void export(Filter filter, Writer out) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT * FROM audit_event" + where(filter, args) + " ORDER BY seq";
        readOnly.executeWithoutResult(status -> {
            try {
                CSVPrinter csv = new CSVPrinter(out, AuditCsv.FORMAT);
                streaming.query(sql, rs -> {
                    try {
                        AuditCsv.print(csv, AuditEntry.from(rs));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, args.toArray());
                csv.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Who accessed the records of this subject and why, newest first; the subject's own actions left out. */
    Page<AccessView> accessesOf(String subjectIndex, String ownActorId, PageRequest page) {
        String where = " WHERE subject_index = ? AND NOT (actor_kind = 'CITIZEN' AND actor_id = ?)";
        long total = jdbc.sql("SELECT count(*) FROM audit_event" + where).params(subjectIndex, ownActorId)
                .query(Long.class).single();
        Locale locale = LocaleContextHolder.getLocale();
        String notice = messages.getMessage("audit.withheld.notice", null, locale);
        List<AccessView> items = jdbc.sql("SELECT * FROM audit_event" + where + " ORDER BY seq DESC LIMIT ? OFFSET ?")
                .params(subjectIndex, ownActorId, page.size(), page.offset())
                .query((rs, n) -> {
                    AuditEntry e = AuditEntry.from(rs);
                    OffsetDateTime at = e.occurredAt().atZone(CHINA).toOffsetDateTime();
                    return e.withheld() ? new AccessView(at, true, null, null, null, null, null, notice)
                            : new AccessView(at, false, e.departmentName(), e.action(), e.resourceType(), e.purpose(),
                                    e.outcome(), null);
                }).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static String where(Filter filter, List<Object> args) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (filter.from() != null) {
            where.append(" AND occurred_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND occurred_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        condition(where, args, "actor_id", filter.actorId());
        condition(where, args, "action", filter.action());
        condition(where, args, "resource_type", filter.resourceType());
        condition(where, args, "subject_index", filter.subjectIndex());
        return where.toString();
    }

    private static void condition(StringBuilder where, List<Object> args, String column, String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static EventView view(AuditEntry e) {
        return new EventView(e.seq(), e.occurredAt().atZone(CHINA).toOffsetDateTime(), e.actorId(), e.actorKind(),
                e.departmentCode(), e.departmentName(), e.roles(), e.action(), e.resourceType(), e.resourceId(),
                e.subjectIndex(), e.outcome(), e.purpose(), e.caseNumber(), e.withheld(), e.sourceAddress(), e.traceId());
    }
}
