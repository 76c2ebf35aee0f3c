package cn.tongban.sharing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditOutcome;
import cn.tongban.audit.AuditRecord;
import cn.tongban.audit.Purpose;
import cn.tongban.identity.Caller;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.identity.DepartmentType;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.ForbiddenException;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.UnifiedSocialCreditCode;
import cn.tongban.kernel.Violation;

/**
 * Creates, revokes and checks grants. A sharing request is checked against the grants as they are in the database
 * at that moment — one indexed statement, no cache — so a revocation stops the next request at once, whatever
 * token the department's system still holds (建房〔2020〕61号 八).
 */
@Service
class Grants {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final CurrentCaller callers;
    private final AuditLog audit;

    Grants(JdbcClient jdbc, CurrentCaller callers, AuditLog audit) {
        this.jdbc = jdbc;
        this.callers = callers;
        this.audit = audit;
    }

    /** What an administrator grants; see {@link Grant}. */
    record GrantRequest(String departmentCode, String item, List<String> purposes, List<String> fullFields, LocalDate validFrom,
            LocalDate validTo, String legalBasis) {
    }

    /** A grant that the current request may use, and the purpose and case number it declared. */
    record Granted(Grant grant, Purpose.Declared purpose, boolean withheld) {
    }

    /**
     * The grant under which the caller's department may call the interface for the declared purpose today.
     *
     * @param subjectIndex blind index of the person asked about, for the audit entry of a denial (may be null)
     * @param resourceId   what is asked for (a filing or unit code), for the audit entry of a denial (may be null)
     * @throws RuleViolationException without {@code X-Purpose} or {@code X-Case-Number} (400)
     * @throws ForbiddenException     {@code grant.missing}, {@code grant.expired} or {@code grant.purpose-outside}
     *                                (403), each audited as {@link AuditOutcome#DENIED}
     */
    Granted require(SharingInterface item, String subjectIndex, String resourceId) {
        Purpose.Declared declared = Purpose.require();
        Caller caller = callers.get();
        // a court's or the police's case is withheld from the citizen's own access list (建房〔2020〕61号 五、六)
        boolean withheld = caller.departmentType() == DepartmentType.COURT || caller.departmentType() == DepartmentType.POLICE;
        List<Grant> live = caller.departmentCode() == null ? List.of()
                : jdbc.sql("SELECT * FROM sharing_grant WHERE department_code = ? AND item = ? AND revoked_at IS NULL ORDER BY id")
                        .params(caller.departmentCode(), item.name()).query(Grants::grant).list();
        LocalDate today = LocalDate.now(CHINA);
        if (live.isEmpty()) {
            throw denied(item, subjectIndex, resourceId, withheld, "grant.missing", item.name());
        }
        List<Grant> current = live.stream().filter(g -> g.validOn(today)).toList();
        if (current.isEmpty()) {
            LocalDate ended = live.stream().map(Grant::validTo).max(LocalDate::compareTo).orElseThrow();
            throw ended.isBefore(today)
                    ? denied(item, subjectIndex, resourceId, withheld, "grant.expired", item.name(), ended.toString())
                    : denied(item, subjectIndex, resourceId, withheld, "grant.not-yet-valid", item.name(),
                            live.stream().map(Grant::validFrom).min(LocalDate::compareTo).orElseThrow().toString());
        }
        return current.stream().filter(g -> g.purposes().contains(declared.purpose())).findFirst()
                .map(g -> new Granted(g, declared, withheld))
                .orElseThrow(() -> denied(item, subjectIndex, resourceId, withheld, "grant.purpose-outside", declared.purpose(),
                        item.name()));
    }

    private ForbiddenException denied(SharingInterface item, String subjectIndex, String resourceId, boolean withheld, String code,
            Object... args) {
        AuditRecord record = new AuditRecord(item.action(), "sharing-grant", resourceId == null ? code : resourceId + " " + code,
                subjectIndex, AuditOutcome.DENIED, null, null, withheld);
        audit.record(record);
        return new ForbiddenException(code, args);
    }

    @Transactional
    Grant create(GrantRequest request) {
        List<Violation> violations = new ArrayList<>();
        String department = null;
        try {
            department = UnifiedSocialCreditCode.of(request.departmentCode()).value();
        } catch (InvalidValueException e) {
            violations.add(e.at("departmentCode"));
        } catch (RuntimeException e) {
            violations.add(new Violation("departmentCode", "grant.required"));
        }
        String item = request.item() == null ? null : request.item().strip();
        if (item == null || item.isEmpty()) {
            violations.add(new Violation("item", "grant.required"));
        } else if (item.matches("catalog:[0-9]{1,4}")) {
            // an item of the sharing catalog (常经办发〔2023〕19号 附件1) that exists: a grant of nothing grants nothing
            if (jdbc.sql("SELECT count(*) FROM catalog_item WHERE no = ?").param(Integer.parseInt(item.substring(8)))
                    .query(Long.class).single() == 0) {
                violations.add(new Violation("item", "grant.item-unknown", item));
            }
        } else if (Arrays.stream(SharingInterface.values()).noneMatch(i -> i.name().equals(item))) {
            violations.add(new Violation("item", "grant.item-unknown", item));
        }
        List<String> purposes = request.purposes() == null ? List.of()
                : request.purposes().stream().map(p -> p == null ? "" : p.strip()).toList();
        if (purposes.isEmpty() || purposes.size() > 20) {
            violations.add(new Violation("purposes", "grant.purposes-count"));
        } else {
            for (int i = 0; i < purposes.size(); i++) {
                if (purposes.get(i).isEmpty() || purposes.get(i).length() > 200) {
                    violations.add(new Violation("purposes[" + i + "]", "grant.purpose-length"));
                }
            }
        }
        List<String> fields = request.fullFields() == null ? List.of() : request.fullFields();
        for (int i = 0; i < fields.size(); i++) {
            if (!Grant.PERSONAL_FIELDS.contains(fields.get(i))) {
                violations.add(new Violation("fullFields[" + i + "]", "grant.field-unknown", fields.get(i)));
            }
        }
        if (request.validFrom() == null) {
            violations.add(new Violation("validFrom", "grant.required"));
        }
        if (request.validTo() == null) {
            violations.add(new Violation("validTo", "grant.required"));
        } else if (request.validFrom() != null && request.validTo().isBefore(request.validFrom())) {
            violations.add(new Violation("validTo", "grant.period"));
        }
        if (request.legalBasis() == null || request.legalBasis().isBlank() || request.legalBasis().strip().length() > 500) {
            violations.add(new Violation("legalBasis", "grant.legal-basis"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        Caller caller = callers.get();
        long id = jdbc.sql("""
                INSERT INTO sharing_grant (department_code, item, purposes, full_fields, valid_from, valid_to, legal_basis, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(department, item, purposes.toArray(String[]::new), fields.stream().distinct().toArray(String[]::new),
                        request.validFrom(), request.validTo(), request.legalBasis().strip(), caller.actorId())
                .query(Long.class).single();
        audit.record(AuditRecord.change("grant-create", "sharing-grant", Long.toString(id), null));
        return get(id);
    }

    /**
     * Revokes the grant: the next request that needed it is refused.
     *
     * @throws NotFoundException no such grant
     * @throws ConflictException already revoked
     */
    @Transactional
    Grant revoke(long id, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new RuleViolationException(new Violation("reason", "grant.revoke-reason"));
        }
        Grant grant = jdbc.sql("SELECT * FROM sharing_grant WHERE id = ? FOR UPDATE").param(id).query(Grants::grant).optional()
                .orElseThrow(() -> new NotFoundException("sharing-grant", id));
        if (grant.revoked()) {
            throw new ConflictException("grant.already-revoked", id);
        }
        jdbc.sql("""
                UPDATE sharing_grant SET revoked_at = now(), revoked_by = ?, revoke_reason = ?, version = version + 1 WHERE id = ?""")
                .params(callers.get().actorId(), reason.strip(), id).update();
        audit.record(AuditRecord.change("grant-revoke", "sharing-grant", Long.toString(id), null));
        return get(id);
    }

    @Transactional(readOnly = true)
    Grant get(long id) {
        return jdbc.sql("SELECT * FROM sharing_grant WHERE id = ?").param(id).query(Grants::grant).optional()
                .orElseThrow(() -> new NotFoundException("sharing-grant", id));
    }

    /** Grants, newest first; revoked ones only if asked for. */
    @Transactional(readOnly = true)
    List<Grant> list(String departmentCode, String item, boolean includeRevoked) {
        return jdbc.sql("""
                SELECT * FROM sharing_grant
                 WHERE (CAST(? AS TEXT) IS NULL OR department_code = ?) AND (CAST(? AS TEXT) IS NULL OR item = ?)
                   AND (? OR revoked_at IS NULL)
                 ORDER BY id DESC LIMIT 500""")
                .params(departmentCode, departmentCode, item, item, includeRevoked).query(Grants::grant).list();
    }

    /** Whether the department holds any grant at all (demo seeding is done once). */
    boolean anyOf(String departmentCode) {
        return jdbc.sql("SELECT count(*) FROM sharing_grant WHERE department_code = ?").param(departmentCode)
                .query(Long.class).single() > 0;
    }

    private static Grant grant(ResultSet rs, int row) throws SQLException {
        OffsetDateTime revokedAt = rs.getObject("revoked_at", OffsetDateTime.class);
        return new Grant(rs.getLong("id"), rs.getString("department_code"), rs.getString("item"), strings(rs.getArray("purposes")),
                strings(rs.getArray("full_fields")), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), rs.getString("legal_basis"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(CHINA).toOffsetDateTime(),
                revokedAt == null ? null : revokedAt.atZoneSameInstant(CHINA).toOffsetDateTime(), rs.getString("revoked_by"),
                rs.getString("revoke_reason"), rs.getLong("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
