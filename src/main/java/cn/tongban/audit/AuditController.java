package cn.tongban.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.identity.Permissions;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.Page;
import cn.tongban.kernel.PageRequest;

/**
 * The audit log for auditors (query, CSV export, chain verification; permission {@value cn.tongban.identity.Permissions#AUDIT_QUERY})
 * and for citizens (who accessed my records and why). Looking into the log is itself logged.
 *
 * <p>Subjects are searched by {@code idNumber}, which is turned into its blind index ({@link AuditSearch}) and never
 * stored or logged, or directly by {@code subjectIndex}; records by {@code resourceType}.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private static final String AUDITOR = "hasAuthority('" + Permissions.AUDIT_QUERY + "')";

    private final AuditEvents events;
    private final AuditVerification verification;
    private final AuditLog audit;
    private final AuditSearch search;
    private final MyAccesses mine;

    AuditController(AuditEvents events, AuditVerification verification, AuditLog audit, AuditSearch search, MyAccesses mine) {
        this.search = search;
        this.events = events;
        this.verification = verification;
        this.audit = audit;
        this.mine = mine;
    }

    @GetMapping("/events")
    @PreAuthorize(AUDITOR)
    Page<AuditEvents.EventView> events(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) String actorId, @RequestParam(required = false) String action,
            @RequestParam(required = false) String resourceType,
            @RequestParam(required = false) String subjectIndex, @RequestParam(required = false) String idNumber,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        AuditEvents.Filter filter = search.filter(instant(from), instant(to), actorId, action, resourceType, subjectIndex, idNumber);
        Page<AuditEvents.EventView> found = events.list(filter, new PageRequest(page, size));
        audit.record(new AuditRecord("audit.query", "audit_event", null, filter.subjectIndex(), AuditOutcome.SUCCESS,
                null, null, false));
        return found;
    }

    @GetMapping("/events.csv")
    @PreAuthorize(AUDITOR)
    void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) String actorId, @RequestParam(required = false) String action,
            @RequestParam(required = false) String resourceType,
            @RequestParam(required = false) String subjectIndex, @RequestParam(required = false) String idNumber,
            HttpServletResponse response) throws IOException {
        AuditEvents.Filter filter = search.filter(instant(from), instant(to), actorId, action, resourceType, subjectIndex, idNumber);
        audit.record(new AuditRecord("audit.export", "audit_event", null, filter.subjectIndex(), AuditOutcome.SUCCESS,
                null, null, false));
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-events.csv\"");
        events.export(filter, response.getWriter());
    }

    @GetMapping("/verification")
    @PreAuthorize(AUDITOR)
    AuditVerifier.Result verify(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
        new AuditEvents.Filter(instant(from), instant(to), null, null, null, null); // refuses to <= from
        return verification.verifyAndRecord(instant(from), instant(to)).result();
    }

    /** The last verification run in the application (by the API or the auditors' page); 404 if none yet. */
    @GetMapping("/verification/last")
    @PreAuthorize(AUDITOR)
    AuditVerification.Run lastVerification() {
        return verification.last().orElseThrow(() -> new NotFoundException("audit-verification", "last"));
    }

    /** For a signed-in citizen: who accessed their records, when and why. Other callers are refused below. */
    @PreAuthorize("isAuthenticated()")
    @GetMapping("/my-accesses")
    Page<AuditEvents.AccessView> myAccesses(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return mine.mine(new PageRequest(page, size));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
