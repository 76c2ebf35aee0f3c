package cn.tongban.registration;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/**
 * 不动产登记簿 (互联网+不动产登记建设指南 三（一）: 登簿): per unit an append-only, hash-chained ledger. Appending takes
 * the unit's lock for the transaction, so concurrent registrations of one unit are numbered one after the other and
 * chained in that order; the table refuses UPDATE and DELETE and the application's role may only insert and read.
 * Persons' ID numbers and names (owners, right holders, obligors) are sealed at rest (SM4) with the ID number's
 * blind index beside them.
 */
@Service
class RegisterBook {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final ObjectMapper json;

    RegisterBook(JdbcClient jdbc, PersonalDataCipher cipher, AuditLog audit, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.json = json;
    }

    /** Appends an entry to the unit's book; the content as registered, owners in clear. */
    @Transactional
    RegisterEntry append(String unitCode, RegisterEntry.Kind kind, Map<String, Object> registered, String applicationNo,
            String registrar) {
        // hashed as it will read back from its JSON (numbers, nesting), so that verification recomputes the same text
        Map<String, Object> content = read(write(registered));
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('register_entry:' || ?, 0))").param(unitCode).query().listOfRows();
        Optional<Map<String, Object>> last = jdbc.sql("SELECT seq, hash FROM register_entry WHERE unit_code = ? ORDER BY seq DESC LIMIT 1")
                .param(unitCode).query().listOfRows().stream().findFirst();
        int seq = last.map(row -> ((Number) row.get("seq")).intValue() + 1).orElse(1);
        String previous = last.map(row -> (String) row.get("hash")).orElse(RegisterEntry.GENESIS);
        // PostgreSQL keeps microseconds: hash what is stored
        OffsetDateTime now = OffsetDateTime.now(CHINA).truncatedTo(ChronoUnit.MICROS);
        RegisterEntry entry = new RegisterEntry(unitCode, seq, kind, content, applicationNo, registrar, now, null, null)
                .chainedAfter(previous);
        jdbc.sql("""
                INSERT INTO register_entry (unit_code, seq, kind, content, application_no, registrar, recorded_at, prev_hash, hash)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""")
                .params(unitCode, seq, kind.name(), write(sealed(content)), applicationNo, registrar, now, entry.prevHash(), entry.hash())
                .update();
        for (String index : ownerIndexes(content)) {
            audit.record(AuditRecord.change("register", "register-entry", unitCode + "#" + seq, index));
        }
        return entry;
    }

    /** The unit's entries in order, owners in clear. */
    @Transactional(readOnly = true)
    List<RegisterEntry> entries(String unitCode) {
        return jdbc.sql("""
                SELECT unit_code, seq, kind, content::text, application_no, registrar, recorded_at, prev_hash, hash
                  FROM register_entry WHERE unit_code = ? ORDER BY seq""")
                .param(unitCode)
                .query((rs, n) -> new RegisterEntry(rs.getString(1), rs.getInt(2), RegisterEntry.Kind.valueOf(rs.getString(3)),
                        opened(read(rs.getString(4))), rs.getString(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).atZoneSameInstant(CHINA).toOffsetDateTime(), rs.getString(8),
                        rs.getString(9)))
                .list();
    }

    /** What is in force on the unit, derived from its book. */
    @Transactional(readOnly = true)
    RegisterState state(String unitCode) {
        return RegisterState.of(entries(unitCode));
    }

    /**
     * The units on which the person or company with this blind index is an owner of the ownership in force, by the
     * book (imported historical owners the 楼盘表 keeps are not in it; ask the 楼盘表 for those).
     */
    @Transactional(readOnly = true)
    List<String> unitsOwnedBy(String idNumberIndex) {
        List<String> candidates = jdbc.sql("""
                SELECT DISTINCT unit_code FROM register_entry
                 WHERE kind IN ('OWNERSHIP', 'CORRECTION') AND content -> 'owners' @> ?::jsonb ORDER BY unit_code""")
                .param(write(List.of(Map.of("idNumberIndex", idNumberIndex)))).query(String.class).list();
        return candidates.stream()
                .filter(unit -> state(unit).owners().stream().anyMatch(o -> idNumberIndex.equals(cipher.blindIndex((String) o.get("idNumber")))))
                .toList();
    }

    /** The first entry whose stored hash or link does not follow from what is stored, if any. */
    @Transactional(readOnly = true)
    Optional<Integer> firstBroken(String unitCode) {
        String previous = RegisterEntry.GENESIS;
        for (RegisterEntry entry : entries(unitCode)) {
            if (!entry.prevHash().equals(previous) || !entry.computedHash().equals(entry.hash())) {
                return Optional.of(entry.seq());
            }
            previous = entry.hash();
        }
        return Optional.empty();
    }

    /** The content's lists of persons, whose ID numbers and names are sealed at rest. */
    static final List<String> PERSON_LISTS = List.of("owners", "rightHolders", "obligors");

    /** Persons' ID numbers and names sealed, with the blind index of the number. */
    private Map<String, Object> sealed(Map<String, Object> content) {
        return eachPerson(content, person -> {
            String idNumber = (String) person.remove("idNumber");
            String name = (String) person.remove("name");
            person.put("idNumberSealed", cipher.encrypt(idNumber));
            person.put("idNumberIndex", cipher.blindIndex(idNumber));
            person.put("nameSealed", cipher.encrypt(name));
        });
    }

    private Map<String, Object> opened(Map<String, Object> stored) {
        return eachPerson(stored, person -> {
            person.remove("idNumberIndex");
            person.put("idNumber", cipher.decrypt((String) person.remove("idNumberSealed")));
            person.put("name", cipher.decrypt((String) person.remove("nameSealed")));
        });
    }

    /** A copy of the content with each person of its person lists copied and changed by {@code change}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> eachPerson(Map<String, Object> content, java.util.function.Consumer<Map<String, Object>> change) {
        Map<String, Object> copy = new LinkedHashMap<>(content);
        for (String key : PERSON_LISTS) {
            if (copy.get(key) instanceof List<?> persons) {
                List<Map<String, Object>> changed = new ArrayList<>();
                for (Object o : persons) {
                    Map<String, Object> person = new LinkedHashMap<>((Map<String, Object>) o);
                    change.accept(person);
                    changed.add(person);
                }
                copy.put(key, changed);
            }
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private List<String> ownerIndexes(Map<String, Object> content) {
        List<String> indexes = new ArrayList<>();
        for (String key : PERSON_LISTS) {
            if (content.get(key) instanceof List<?> persons) {
                for (Object o : persons) {
                    indexes.add(cipher.blindIndex((String) ((Map<String, Object>) o).get("idNumber")));
                }
            }
        }
        return indexes;
    }

    private String write(Object value) {
        return JsonText.write(json, value);
    }

    private Map<String, Object> read(String text) {
        return JsonText.map(json, text);
    }
}
