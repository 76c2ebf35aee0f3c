package cn.tongban.restriction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.building.StatusAspect;
import cn.tongban.building.UnitView;
import cn.tongban.identity.Caller;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.Page;
import cn.tongban.kernel.PageRequest;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;
import cn.tongban.restriction.RestrictionRegistry.SeizureKind;

/**
 * 查封 and 预查封 pushed by the courts (建房〔2020〕61号 六). Seizures stack (轮候查封); the unit's 查封 flag is set by the
 * first one in force and cleared when the last one is released.
 */
@Service
class Seizures {

    static final String REASON = "法院查封";
    static final String RELEASE_REASON = "解除查封";

    /** A seizure as the API shows it. */
    record SeizureView(long id, String unitCode, SeizureKind kind, String court, String documentNo, LocalDate validFrom,
            LocalDate validTo, boolean inForce, OffsetDateTime releasedAt, String releaseDocumentNo, String recordedBy,
            OffsetDateTime recordedAt, long version) {
    }

    /** What a court records. */
    record NewSeizure(String unitCode, SeizureKind kind, String court, String documentNo, LocalDate validFrom,
            LocalDate validTo) {
    }

    /** In force: not released and not expired. */
    static final String IN_FORCE = "released_at IS NULL AND (valid_to IS NULL OR valid_to >= ?)";

    private final JdbcClient jdbc;
    private final UnitFlags units;
    private final CurrentCaller callers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Seizures(JdbcClient jdbc, UnitFlags units, CurrentCaller callers, AuditLog audit, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.units = units;
        this.callers = callers;
        this.audit = audit;
    }

    @Transactional
    SeizureView create(NewSeizure seizure) {
        if (seizure.validTo() != null && seizure.validTo().isBefore(seizure.validFrom())) {
            throw new RuleViolationException(new Violation("validTo", "seizure.period", seizure.validFrom(), seizure.validTo()));
        }
        UnitView unit = units.lock(seizure.unitCode());
        String documentNo = seizure.documentNo().strip();
        if (jdbc.sql("SELECT count(*) FROM seizure WHERE unit_code = ? AND document_no = ?").params(unit.unitCode(), documentNo)
                .query(Long.class).single() > 0) {
            throw new ConflictException("seizure.duplicate", documentNo);
        }
        Caller caller = callers.get();
        long id = jdbc.sql("""
                INSERT INTO seizure (unit_code, kind, court, document_no, valid_from, valid_to, recorded_by, department_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(unit.unitCode(), seizure.kind().name(), seizure.court().strip(), documentNo, seizure.validFrom(),
                        seizure.validTo(), caller.actorId(), caller.departmentCode())
                .query(Long.class).single();
        audit.record(AuditRecord.change("seizure-create", "seizure", Long.toString(id), null));
        units.set(unit, StatusAspect.SEIZED, true, REASON, documentNo, caller.actorId());
        events.publishEvent(new SeizureOrdered(id, unit.unitCode(), seizure.kind(), seizure.court().strip(), documentNo,
                seizure.validFrom(), seizure.validTo(), caller.actorId()));
        return row(id);
    }

    /**
     * Releases a seizure by the court's document; the unit stays 查封 while another seizure is in force.
     *
     * @throws NotFoundException  no such seizure in the caller's scope
     * @throws ConflictException  already released
     */
    @Transactional
    SeizureView release(long id, String releaseDocumentNo) {
        SeizureView seizure = find(id).orElseThrow(() -> new NotFoundException("seizure", id));
        UnitView unit = units.lock(seizure.unitCode(), new NotFoundException("seizure", id));
        if (row(id).releasedAt() != null) {
            throw new ConflictException("seizure.already-released", seizure.documentNo());
        }
        Caller caller = callers.get();
        UnitFlags.markReleased(jdbc, "seizure", id, releaseDocumentNo.strip(), caller.actorId());
        audit.record(AuditRecord.change("seizure-release", "seizure", Long.toString(id), null));
        events.publishEvent(new SeizureLifted(id, unit.unitCode(), seizure.court(), seizure.documentNo(), releaseDocumentNo.strip(),
                caller.actorId()));
        if (jdbc.sql("SELECT count(*) FROM seizure WHERE unit_code = ? AND " + IN_FORCE).params(unit.unitCode(), UnitFlags.today())
                .query(Long.class).single() == 0) {
            units.set(unit, StatusAspect.SEIZED, false, RELEASE_REASON, releaseDocumentNo.strip(), caller.actorId());
        }
        return row(id);
    }

    /** The seizures of a unit the caller sees, newest first, released ones too. */
    @Transactional(readOnly = true)
    Page<SeizureView> ofUnit(String unitCode, PageRequest page) {
        units.visible(unitCode);
        long total = jdbc.sql("SELECT count(*) FROM seizure WHERE unit_code = ?").param(unitCode).query(Long.class).single();
        List<SeizureView> items = jdbc.sql("SELECT * FROM seizure WHERE unit_code = ? ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(unitCode, page.size(), page.offset()).query(Seizures::view).list();
        audit.record(AuditRecord.read("seizure", unitCode, null));
        return new Page<>(items, page.page(), page.size(), total);
    }

    private java.util.Optional<SeizureView> find(long id) {
        return jdbc.sql("SELECT * FROM seizure WHERE id = ?").param(id).query(Seizures::view).optional();
    }

    private SeizureView row(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("seizure", id));
    }

    private static SeizureView view(ResultSet rs, int row) throws SQLException {
        LocalDate validTo = rs.getObject("valid_to", LocalDate.class);
        OffsetDateTime releasedAt = rs.getObject("released_at", OffsetDateTime.class);
        return new SeizureView(rs.getLong("id"), rs.getString("unit_code"), SeizureKind.valueOf(rs.getString("kind")),
                rs.getString("court"), rs.getString("document_no"), rs.getObject("valid_from", LocalDate.class), validTo,
                releasedAt == null && (validTo == null || !validTo.isBefore(UnitFlags.today())), releasedAt,
                rs.getString("release_document_no"), rs.getString("recorded_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getLong("version"));
    }
}
