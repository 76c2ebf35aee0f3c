package cn.tongban.restriction;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.kernel.IdNumbers;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/** What other modules ask of the restrictions: plain queries of what the courts, banks and housing department recorded. */
@Service
@Transactional(readOnly = true)
class Restrictions implements RestrictionRegistry {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;

    Restrictions(JdbcClient jdbc, PersonalDataCipher cipher, AuditLog audit) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
    }

    @Override
    public List<Seizure> seizures(String unitCode, LocalDate on) {
        return jdbc.sql("""
                SELECT * FROM seizure
                 WHERE unit_code = ? AND released_at IS NULL AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
                 ORDER BY valid_from, id""")
                .params(unitCode, on, on)
                .query((rs, row) -> new Seizure(rs.getLong("id"), rs.getString("unit_code"), SeizureKind.valueOf(rs.getString("kind")),
                        rs.getString("court"), rs.getString("document_no"), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class)))
                .list();
    }

    @Override
    public List<Mortgage> mortgages(String unitCode) {
        return jdbc.sql("SELECT * FROM mortgage WHERE unit_code = ? AND released_at IS NULL ORDER BY rank, id")
                .param(unitCode)
                .query((rs, row) -> new Mortgage(rs.getLong("id"), rs.getString("unit_code"), rs.getString("mortgagee"),
                        rs.getString("document_no"), rs.getInt("rank")))
                .list();
    }

    @Override
    public List<PolicyLock> locks(String unitCode, long projectId, LocalDate on) {
        return jdbc.sql("SELECT * FROM policy_lock WHERE (unit_code = ? OR project_id = ?) AND " + PolicyLocks.IN_FORCE
                        + " ORDER BY until, id")
                .params(unitCode, projectId, on)
                .query((rs, row) -> {
                    PolicyLocks.LockView lock = PolicyLocks.view(rs, row);
                    return new PolicyLock(lock.id(), lock.unitCode(), lock.projectId(), lock.until(), lock.reason(), lock.documentNo());
                })
                .list();
    }

    /**
     * {@inheritDoc} Reading whether someone is listed is a read of their personal data: audited with their blind index.
     *
     * @throws cn.tongban.kernel.InvalidValueException if the number is neither a valid 公民身份号码 nor a valid
     *                                                 统一社会信用代码
     */
    @Override
    public Optional<DishonestDebtor> dishonestDebtor(String idNumber) {
        String index = cipher.blindIndex(IdNumbers.normalise(idNumber));
        audit.record(AuditRecord.read("dishonest-debtor", null, index));
        return jdbc.sql("""
                SELECT * FROM dishonest_debtor WHERE id_number_index = ? AND removed_on IS NULL
                 ORDER BY published_on DESC, id DESC LIMIT 1""")
                .param(index)
                .query((rs, row) -> new DishonestDebtor(rs.getString("case_no"), rs.getString("court"),
                        rs.getObject("published_on", LocalDate.class)))
                .optional();
    }
}
