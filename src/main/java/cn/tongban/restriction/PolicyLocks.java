package cn.tongban.restriction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

/**
 * 限售 and other policy locks of the housing department (建房规〔2020〕4号 二（五）: 按政策未满足上市交易条件), on one
 * unit or on every unit of a project. The unit's 锁定 flag says whether a lock in force covers it.
 */
@Service
class PolicyLocks {

    static final String REASON = "政策限制交易（限售）";
    static final String RELEASE_REASON = "解除政策限制交易（限售）";

    /** In force on a day (the parameter): not released, and until that day or later. */
    static final String IN_FORCE = "released_at IS NULL AND until >= ?";

    /** A lock as the API shows it: on a unit ({@code projectId} null) or on a project ({@code unitCode} null). */
    record LockView(long id, String unitCode, Long projectId, LocalDate until, String reason, String documentNo,
            boolean inForce, OffsetDateTime releasedAt, String releaseDocumentNo, String setBy, long version) {
    }

    /** What the housing department records: exactly one of {@code unitCode} and {@code projectId}. */
    record NewLock(String unitCode, Long projectId, LocalDate until, String reason, String documentNo) {
    }

    private final JdbcClient jdbc;
    private final UnitFlags units;
    private final CurrentCaller callers;
    private final AuditLog audit;

    PolicyLocks(JdbcClient jdbc, UnitFlags units, CurrentCaller callers, AuditLog audit) {
        this.jdbc = jdbc;
        this.units = units;
        this.callers = callers;
        this.audit = audit;
    }

    @Transactional
    LockView create(NewLock lock) {
        List<Violation> violations = new ArrayList<>();
        if ((lock.unitCode() == null) == (lock.projectId() == null)) {
            violations.add(new Violation(lock.unitCode() == null ? "unitCode" : "projectId", "lock.one-target"));
        }
        if (lock.until().isBefore(UnitFlags.today())) {
            violations.add(new Violation("until", "lock.until-past", lock.until()));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        Caller caller = callers.get();
        String documentNo = lock.documentNo().strip();
        List<UnitView> locked = new ArrayList<>();
        if (lock.unitCode() != null) {
            locked.add(units.lock(lock.unitCode()));
        } else {
            for (String unitCode : units.unitsOfProject(lock.projectId())) {
                locked.add(units.lock(unitCode));
            }
        }
        long id = jdbc.sql("""
                INSERT INTO policy_lock (unit_code, project_id, until, reason, document_no, set_by, department_code)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(lock.unitCode(), lock.projectId(), lock.until(), lock.reason().strip(), documentNo, caller.actorId(),
                        caller.departmentCode())
                .query(Long.class).single();
        audit.record(AuditRecord.change("lock-create", "policy-lock", Long.toString(id), null));
        for (UnitView unit : locked) {
            units.set(unit, StatusAspect.LOCKED, true, REASON, documentNo, caller.actorId());
        }
        return row(id);
    }

    /**
     * Releases a lock; each unit it covered stays 锁定 while another lock in force covers it.
     *
     * @throws NotFoundException no such lock in the caller's scope
     * @throws ConflictException already released
     */
    @Transactional
    LockView release(long id, String releaseDocumentNo) {
        LockView lock = find(id).orElseThrow(() -> new NotFoundException("policy-lock", id));
        NotFoundException notFound = new NotFoundException("policy-lock", id);
        List<UnitView> covered = new ArrayList<>();
        if (lock.unitCode() != null) {
            covered.add(units.lock(lock.unitCode(), notFound));
        } else {
            List<String> codes;
            try {
                codes = units.unitsOfProject(lock.projectId());
            } catch (NotFoundException e) {
                throw notFound;
            }
            for (String unitCode : codes) {
                covered.add(units.lock(unitCode, notFound));
            }
        }
        if (row(id).releasedAt() != null) {
            throw new ConflictException("lock.already-released", lock.documentNo());
        }
        Caller caller = callers.get();
        UnitFlags.markReleased(jdbc, "policy_lock", id, releaseDocumentNo.strip(), caller.actorId());
        audit.record(AuditRecord.change("lock-release", "policy-lock", Long.toString(id), null));
        Set<String> stillLocked = stillLocked(covered);
        for (UnitView unit : covered) {
            if (!stillLocked.contains(unit.unitCode())) {
                units.set(unit, StatusAspect.LOCKED, false, RELEASE_REASON, releaseDocumentNo.strip(), caller.actorId());
            }
        }
        return row(id);
    }

    /** Which of these units another lock in force still covers, on the unit or on its project. */
    private Set<String> stillLocked(List<UnitView> covered) {
        Set<String> locked = new HashSet<>();
        if (covered.isEmpty()) {
            return locked;
        }
        LocalDate today = UnitFlags.today();
        locked.addAll(jdbc.sql("SELECT unit_code FROM policy_lock WHERE unit_code = ANY(?) AND " + IN_FORCE)
                .params(covered.stream().map(UnitView::unitCode).toArray(String[]::new), today).query(String.class).list());
        Set<Long> lockedProjects = new HashSet<>(jdbc.sql("SELECT project_id FROM policy_lock WHERE project_id = ANY(?) AND " + IN_FORCE)
                .params(covered.stream().map(UnitView::projectId).distinct().toArray(Long[]::new), today).query(Long.class).list());
        covered.stream().filter(u -> lockedProjects.contains(u.projectId())).forEach(u -> locked.add(u.unitCode()));
        return locked;
    }

    /**
     * The locks that concern a unit (on it or on its project) or, without a unit, those set on a project; newest
     * first, released ones too.
     */
    @Transactional(readOnly = true)
    Page<LockView> list(String unitCode, Long projectId, PageRequest page) {
        String where;
        List<Object> args = new ArrayList<>();
        if (unitCode != null) {
            UnitView unit = units.visible(unitCode);
            if (projectId != null && projectId != unit.projectId()) {
                return new Page<>(List.of(), page.page(), page.size(), 0);
            }
            where = "unit_code = ? OR project_id = ?";
            args.add(unit.unitCode());
            args.add(unit.projectId());
        } else if (projectId != null) {
            units.unitsOfProject(projectId); // not found outside the caller's scope
            where = "project_id = ?";
            args.add(projectId);
        } else {
            throw new RuleViolationException(new Violation("unitCode", "lock.filter-required"));
        }
        long total = jdbc.sql("SELECT count(*) FROM policy_lock WHERE " + where).params(args).query(Long.class).single();
        args.add(page.size());
        args.add(page.offset());
        List<LockView> items = jdbc.sql("SELECT * FROM policy_lock WHERE " + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(args).query(PolicyLocks::view).list();
        audit.record(AuditRecord.read("policy-lock", unitCode != null ? unitCode : "project:" + projectId, null));
        return new Page<>(items, page.page(), page.size(), total);
    }

    private Optional<LockView> find(long id) {
        return jdbc.sql("SELECT * FROM policy_lock WHERE id = ?").param(id).query(PolicyLocks::view).optional();
    }

    private LockView row(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("policy-lock", id));
    }

    static LockView view(ResultSet rs, int row) throws SQLException {
        LocalDate until = rs.getObject("until", LocalDate.class);
        OffsetDateTime releasedAt = rs.getObject("released_at", OffsetDateTime.class);
        return new LockView(rs.getLong("id"), rs.getString("unit_code"), rs.getObject("project_id", Long.class), until,
                rs.getString("reason"), rs.getString("document_no"), releasedAt == null && !until.isBefore(UnitFlags.today()),
                releasedAt, rs.getString("release_document_no"), rs.getString("set_by"), rs.getLong("version"));
    }
}
