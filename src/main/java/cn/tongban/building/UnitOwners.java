package cn.tongban.building;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.dictionary.Dictionaries;
import cn.tongban.dictionary.DictionaryTypes;
import cn.tongban.kernel.CitizenIdNumber;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/**
 * 房屋所有权人 of the 楼盘表's units, stored sealed: names, ID numbers and phones never reach the table in clear
 * (issue #3 item 4), and an ID number is found through its blind index.
 */
@Component
class UnitOwners {

    /** 交易者证件名称 01: 居民身份证, whose number must be a valid 公民身份号码. */
    static final String RESIDENT_ID_CARD = "01";

    /** An owner as the registration records them, in clear. */
    record Owner(String name, String idType, String idNumber, String phone, String coOwnership, String share,
            String certificateNo, LocalDate registeredOn) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final Dictionaries dictionaries;
    private final AuditLog audit;

    UnitOwners(JdbcClient jdbc, PersonalDataCipher cipher, Dictionaries dictionaries, AuditLog audit) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.dictionaries = dictionaries;
        this.audit = audit;
    }

    /** Replaces the registered owners of a unit. */
    @Transactional
    void register(String unitCode, List<Owner> owners) {
        List<Violation> violations = new ArrayList<>();
        List<String> idNumbers = new ArrayList<>();
        for (int i = 0; i < owners.size(); i++) {
            Owner owner = owners.get(i);
            String at = "owners[" + i + "].";
            try {
                dictionaries.require(DictionaryTypes.PARTY_ID_TYPE, owner.idType());
                dictionaries.require(DictionaryTypes.CO_OWNERSHIP, owner.coOwnership());
                idNumbers.add(RESIDENT_ID_CARD.equals(owner.idType()) ? CitizenIdNumber.of(owner.idNumber()).value()
                        : PersonalDataCipher.normaliseIdNumber(owner.idNumber()));
            } catch (InvalidValueException e) {
                violations.add(e.at(at + "idNumber"));
            }
            if (owner.name() == null || owner.name().isBlank()) {
                violations.add(new Violation(at + "name", "unit.required"));
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        jdbc.sql("DELETE FROM unit_owner WHERE unit_code = ?").param(unitCode).update();
        for (int i = 0; i < owners.size(); i++) {
            Owner owner = owners.get(i);
            jdbc.sql("""
                    INSERT INTO unit_owner (unit_code, name_sealed, id_type, id_number_sealed, id_number_index, phone_sealed,
                                            co_ownership, share, certificate_no, registered_on)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(unitCode, cipher.encrypt(owner.name().strip()), owner.idType(), cipher.encrypt(idNumbers.get(i)),
                            cipher.blindIndex(idNumbers.get(i)), cipher.encrypt(owner.phone()), owner.coOwnership(),
                            owner.share(), owner.certificateNo(), owner.registeredOn())
                    .update();
            audit.record(AuditRecord.change("owner-register", "unit-owner", unitCode, cipher.blindIndex(idNumbers.get(i))));
        }
    }

    /** The owners of these units, opened; the caller decides what to show ({@link cn.tongban.kernel.PersonalData}). */
    Map<String, List<UnitView.Owner>> of(List<String> unitCodes) {
        if (unitCodes.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT * FROM unit_owner WHERE unit_code = ANY(?) ORDER BY id")
                .param(unitCodes.toArray(String[]::new))
                .query((rs, row) -> Map.entry(rs.getString("unit_code"), new UnitView.Owner(
                        cipher.decrypt(rs.getString("name_sealed")), rs.getString("id_type"),
                        cipher.decrypt(rs.getString("id_number_sealed")), rs.getString("id_number_index"),
                        rs.getString("co_ownership"), rs.getString("share"), rs.getString("certificate_no"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }
}
