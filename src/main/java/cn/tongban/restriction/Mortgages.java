package cn.tongban.restriction;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

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
 * 抵押权 registered by banks and the registration centre (建房规〔2020〕4号 二（五）). Each has a 顺位 (rank), unique among
 * the mortgages of the unit not released; the unit's 抵押 flag says whether any is registered.
 */
@Service
class Mortgages implements RegisteredMortgages {

    static final String REASON = "抵押权登记";
    static final String RELEASE_REASON = "抵押权注销";

    /** A mortgage as the API shows it. */
    record MortgageView(long id, String unitCode, String mortgagee, String mortgageeCode, String documentNo,
            BigDecimal amount, int rank, LocalDate registeredOn, boolean inForce, OffsetDateTime releasedAt,
            String releaseDocumentNo, String recordedBy, long version) {
    }

    /** What a bank or the registration centre records; {@code rank} and {@code registeredOn} may be {@code null}. */
    record NewMortgage(String unitCode, String mortgagee, String mortgageeCode, String documentNo, BigDecimal amount,
            Integer rank, LocalDate registeredOn) {
    }

    private final JdbcClient jdbc;
    private final UnitFlags units;
    private final CurrentCaller callers;
    private final AuditLog audit;

    Mortgages(JdbcClient jdbc, UnitFlags units, CurrentCaller callers, AuditLog audit) {
        this.jdbc = jdbc;
        this.units = units;
        this.callers = callers;
        this.audit = audit;
    }

    @Transactional
    MortgageView create(NewMortgage mortgage) {
        if (mortgage.registeredOn() != null && mortgage.registeredOn().isAfter(UnitFlags.today())) {
            throw new RuleViolationException(new Violation("registeredOn", "mortgage.registered-in-future"));
        }
        UnitView unit = units.lock(mortgage.unitCode());
        String documentNo = mortgage.documentNo().strip();
        if (jdbc.sql("SELECT count(*) FROM mortgage WHERE unit_code = ? AND document_no = ?").params(unit.unitCode(), documentNo)
                .query(Long.class).single() > 0) {
            throw new ConflictException("mortgage.duplicate", documentNo);
        }
        int rank;
        if (mortgage.rank() == null) {
            rank = jdbc.sql("SELECT coalesce(max(rank), 0) + 1 FROM mortgage WHERE unit_code = ? AND released_at IS NULL")
                    .param(unit.unitCode()).query(Integer.class).single();
        } else {
            rank = mortgage.rank();
            if (jdbc.sql("SELECT count(*) FROM mortgage WHERE unit_code = ? AND rank = ? AND released_at IS NULL")
                    .params(unit.unitCode(), rank).query(Long.class).single() > 0) {
                throw new ConflictException("mortgage.rank-taken", rank);
            }
        }
        Caller caller = callers.get();
        long id = jdbc.sql("""
                INSERT INTO mortgage (unit_code, mortgagee, mortgagee_code, document_no, amount, rank, registered_on,
                                      recorded_by, department_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(unit.unitCode(), mortgage.mortgagee().strip(), mortgage.mortgageeCode(), documentNo, mortgage.amount(),
                        rank, mortgage.registeredOn() == null ? UnitFlags.today() : mortgage.registeredOn(),
                        caller.actorId(), caller.departmentCode())
                .query(Long.class).single();
        audit.record(AuditRecord.change("mortgage-create", "mortgage", Long.toString(id), null));
        units.set(unit, StatusAspect.MORTGAGED, true, REASON, documentNo, caller.actorId());
        return row(id);
    }

    /**
     * Releases (注销) a mortgage; the unit stays 抵押 while another mortgage is registered.
     *
     * @throws NotFoundException no such mortgage in the caller's scope
     * @throws ConflictException already released
     */
    @Transactional
    MortgageView release(long id, String releaseDocumentNo) {
        MortgageView mortgage = find(id).orElseThrow(() -> new NotFoundException("mortgage", id));
        UnitView unit = units.lock(mortgage.unitCode(), new NotFoundException("mortgage", id));
        if (row(id).releasedAt() != null) {
            throw new ConflictException("mortgage.already-released", mortgage.documentNo());
        }
        Caller caller = callers.get();
        UnitFlags.markReleased(jdbc, "mortgage", id, releaseDocumentNo.strip(), caller.actorId());
        audit.record(AuditRecord.change("mortgage-release", "mortgage", Long.toString(id), null));
        if (jdbc.sql("SELECT count(*) FROM mortgage WHERE unit_code = ? AND released_at IS NULL").param(unit.unitCode())
                .query(Long.class).single() == 0) {
            units.set(unit, StatusAspect.MORTGAGED, false, RELEASE_REASON, releaseDocumentNo.strip(), caller.actorId());
        }
        return row(id);
    }

    @Override
    @Transactional
    public RestrictionRegistry.Mortgage record(String unitCode, String mortgagee, String mortgageeCode, String proofNo,
            BigDecimal amount, int rank, LocalDate registeredOn) {
        MortgageView view = create(new NewMortgage(unitCode, mortgagee, mortgageeCode, proofNo, amount, rank, registeredOn));
        return new RestrictionRegistry.Mortgage(view.id(), view.unitCode(), view.mortgagee(), view.documentNo(), view.rank());
    }

    @Override
    @Transactional
    public void release(String unitCode, String proofNo, String releaseDocumentNo) {
        long id = jdbc.sql("SELECT id FROM mortgage WHERE unit_code = ? AND document_no = ? AND released_at IS NULL")
                .params(unitCode, proofNo).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("mortgage", proofNo));
        release(id, releaseDocumentNo);
    }

    /** The mortgages of a unit the caller sees, by rank, released ones after those in force. */
    @Transactional(readOnly = true)
    Page<MortgageView> ofUnit(String unitCode, PageRequest page) {
        units.visible(unitCode);
        long total = jdbc.sql("SELECT count(*) FROM mortgage WHERE unit_code = ?").param(unitCode).query(Long.class).single();
        List<MortgageView> items = jdbc.sql("""
                SELECT * FROM mortgage WHERE unit_code = ? ORDER BY released_at IS NOT NULL, rank, id LIMIT ? OFFSET ?""")
                .params(unitCode, page.size(), page.offset()).query(Mortgages::view).list();
        audit.record(AuditRecord.read("mortgage", unitCode, null));
        return new Page<>(items, page.page(), page.size(), total);
    }

    private Optional<MortgageView> find(long id) {
        return jdbc.sql("SELECT * FROM mortgage WHERE id = ?").param(id).query(Mortgages::view).optional();
    }

    private MortgageView row(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("mortgage", id));
    }

    private static MortgageView view(ResultSet rs, int row) throws SQLException {
        OffsetDateTime releasedAt = rs.getObject("released_at", OffsetDateTime.class);
        return new MortgageView(rs.getLong("id"), rs.getString("unit_code"), rs.getString("mortgagee"),
                rs.getString("mortgagee_code"), rs.getString("document_no"), rs.getBigDecimal("amount"), rs.getInt("rank"),
                rs.getObject("registered_on", LocalDate.class), releasedAt == null, releasedAt,
                rs.getString("release_document_no"), rs.getString("recorded_by"), rs.getLong("version"));
    }
}
