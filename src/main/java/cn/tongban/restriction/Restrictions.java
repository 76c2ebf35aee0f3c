package cn.tongban.restriction;

import java.time.LocalDate;
import java.util.ArrayList;
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
        return onUnit(unitCode, null, on).seizures();
    }

    @Override
    public List<Mortgage> mortgages(String unitCode) {
        return onUnit(unitCode, null, UnitFlags.today()).mortgages();
    }

    @Override
    public List<PolicyLock> locks(String unitCode, long projectId, LocalDate on) {
        return onUnit(unitCode, projectId, on).locks();
    }

    /** {@inheritDoc} One statement: verification asks this of every contract it files. */
    @Override
    public OnUnit onUnit(String unitCode, Long projectId, LocalDate on) {
        List<Seizure> seizures = new ArrayList<>();
        List<Mortgage> mortgages = new ArrayList<>();
        List<PolicyLock> locks = new ArrayList<>();
        jdbc.sql("""
                SELECT 'S' AS what, id, unit_code, NULL::BIGINT AS project_id, kind AS text1, court AS text2, document_no,
                       valid_from AS day1, valid_to AS day2, NULL::INT AS rank
                  FROM seizure WHERE unit_code = :unit AND released_at IS NULL AND valid_from <= :on AND (valid_to IS NULL OR valid_to >= :on)
                UNION ALL
                SELECT 'M', id, unit_code, NULL, mortgagee, NULL, document_no, NULL, NULL, rank
                  FROM mortgage WHERE unit_code = :unit AND released_at IS NULL
                UNION ALL
                SELECT 'L', id, unit_code, project_id, reason, NULL, document_no, until, NULL, NULL
                  FROM policy_lock WHERE (unit_code = :unit OR project_id = :project) AND released_at IS NULL AND until >= :on
                 ORDER BY what, day1, rank, id""")
                .param("unit", unitCode).param("project", projectId).param("on", on)
                .query(rs -> {
                    LocalDate day1 = rs.getObject("day1", LocalDate.class);
                    switch (rs.getString("what")) {
                        case "S" -> seizures.add(new Seizure(rs.getLong("id"), rs.getString("unit_code"),
                                SeizureKind.valueOf(rs.getString("text1")), rs.getString("text2"), rs.getString("document_no"), day1,
                                rs.getObject("day2", LocalDate.class)));
                        case "M" -> mortgages.add(new Mortgage(rs.getLong("id"), rs.getString("unit_code"), rs.getString("text1"),
                                rs.getString("document_no"), rs.getInt("rank")));
                        default -> locks.add(new PolicyLock(rs.getLong("id"), rs.getString("unit_code"),
                                rs.getObject("project_id", Long.class), day1, rs.getString("text1"), rs.getString("document_no")));
                    }
                });
        return new OnUnit(seizures, mortgages, locks);
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
