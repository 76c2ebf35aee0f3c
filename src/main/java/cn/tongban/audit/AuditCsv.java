package cn.tongban.audit;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import cn.tongban.TongbanApplication;

/**
 * Audit rows as CSV (RFC 4180, UTF-8), for the auditors' export and the archive files: every column of
 * {@code audit_event}, times in China Standard Time to the microsecond, roles comma-separated, {@code \N} for null.
 */
final class AuditCsv {

    static final String[] HEADER = {"seq", "occurred_at", "actor_id", "actor_kind", "department_code", "department_name",
            "roles", "action", "resource_type", "resource_id", "subject_index", "outcome", "purpose", "case_number",
            "withheld", "source_address", "trace_id", "prev_hash", "hash"};
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).setNullString("\\N")
            .setRecordSeparator("\r\n").get();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX")
            .withZone(ZoneId.of(TongbanApplication.ZONE));

    private AuditCsv() {
    }

    static void print(CSVPrinter csv, AuditEntry e) throws IOException {
        csv.printRecord(e.seq(), TIME.format(e.occurredAt()), e.actorId(), e.actorKind(), e.departmentCode(),
                e.departmentName(), String.join(",", e.roles()), e.action(), e.resourceType(), e.resourceId(),
                e.subjectIndex(), e.outcome(), e.purpose(), e.caseNumber(), e.withheld(), e.sourceAddress(),
                e.traceId(), e.prevHash(), e.hash());
    }
}
