package cn.tongban.restriction;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.identity.Caller;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.kernel.IdNumbers;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.PersonalData;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/**
 * The list of 失信被执行人 pushed by the courts (建房〔2020〕61号 六). A person or company is stored only as the blind
 * index of the normalised ID number and the SM4-sealed name; every read and change is audited with that index.
 */
@Service
class DishonestDebtors {

    static final String[] COLUMNS = {"idNumber", "name", "caseNo", "court", "publishedOn"};
    /** Row errors answered with an import; the counts cover all of them. */
    static final int ERRORS_IN_RESPONSE = 1000;

    /** An entry as the API shows it; name and ID number masked unless the caller may see them. */
    record DebtorView(long id, @PersonalData(PersonalData.Kind.NAME) String name,
            @PersonalData(PersonalData.Kind.ID_NUMBER) String idNumber, String caseNo, String court, LocalDate publishedOn,
            LocalDate removedOn, String removalDocumentNo) {
    }

    /** Whether the person is listed now, and every entry (removed ones too). */
    record DebtorAnswer(boolean listed, List<DebtorView> entries) {
    }

    /** An entry as a court pushes it, in clear. */
    record NewDebtor(String idNumber, String name, String caseNo, String court, LocalDate publishedOn) {
    }

    /** One broken rule of an import row; the header is line 1. */
    record RowError(long line, String field, String code, String message) {
    }

    /** What an import did: every data row is exactly one of inserted, updated, unchanged or rejected. */
    record ImportReport(long totalRows, long inserted, long updated, long unchanged, long rejected, List<RowError> errors) {
    }

    private enum Outcome { INSERTED, UPDATED, UNCHANGED }

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final CurrentCaller callers;
    private final AuditLog audit;
    private final MessageSource messages;

    DishonestDebtors(JdbcClient jdbc, PersonalDataCipher cipher, CurrentCaller callers, AuditLog audit, MessageSource messages) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.callers = callers;
        this.audit = audit;
        this.messages = messages;
    }

    /**
     * Lists a person or company.
     *
     * @throws ConflictException the case is already listed (or was removed) for that ID number
     */
    @Transactional
    DebtorView create(NewDebtor debtor) {
        List<Violation> violations = new ArrayList<>();
        String idNumber = check(debtor, violations);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        String index = cipher.blindIndex(idNumber);
        Optional<Stored> existing = stored(index, debtor.caseNo().strip());
        if (existing.isPresent()) {
            throw new ConflictException(existing.get().removedOn() == null ? "debtor.duplicate" : "debtor.already-removed",
                    debtor.caseNo().strip());
        }
        long id = insert(index, debtor);
        return view(id, idNumber);
    }

    /**
     * Removes (屏蔽) an entry by the court's document.
     *
     * @throws NotFoundException no such entry
     * @throws ConflictException already removed
     */
    @Transactional
    DebtorView remove(String idNumberText, String caseNo, String documentNo, LocalDate removedOn) {
        String idNumber = normalised(idNumberText);
        LocalDate on = removedOn == null ? UnitFlags.today() : removedOn;
        if (on.isAfter(UnitFlags.today())) {
            throw new RuleViolationException(new Violation("removedOn", "debtor.date-in-future"));
        }
        String index = cipher.blindIndex(idNumber);
        Stored entry = stored(index, caseNo.strip()).orElseThrow(() -> new NotFoundException("dishonest-debtor", caseNo.strip()));
        if (entry.removedOn() != null) {
            throw new ConflictException("debtor.already-removed", caseNo.strip());
        }
        if (on.isBefore(entry.publishedOn())) {
            throw new RuleViolationException(new Violation("removedOn", "debtor.removed-before-published", entry.publishedOn()));
        }
        jdbc.sql("""
                UPDATE dishonest_debtor SET removed_on = ?, removal_document_no = ?, version = version + 1, updated_at = now()
                 WHERE id = ?""").params(on, documentNo.strip(), entry.id()).update();
        audit.record(AuditRecord.change("debtor-remove", "dishonest-debtor", Long.toString(entry.id()), index));
        return view(entry.id(), idNumber);
    }

    /** Whether the person or company is listed now; the read is audited with their blind index. */
    @Transactional(readOnly = true)
    DebtorAnswer query(String idNumberText) {
        String idNumber = normalised(idNumberText);
        String index = cipher.blindIndex(idNumber);
        List<DebtorView> entries = jdbc.sql("SELECT * FROM dishonest_debtor WHERE id_number_index = ? ORDER BY published_on DESC, id DESC")
                .param(index).query((rs, row) -> view(rs, idNumber)).list();
        audit.record(AuditRecord.read("dishonest-debtor", null, index));
        return new DebtorAnswer(entries.stream().anyMatch(e -> e.removedOn() == null), entries);
    }

    /**
     * Imports a court's list (UTF-8 CSV, header {@code idNumber,name,caseNo,court,publishedOn}) row by row in one
     * transaction: valid rows are inserted or updated by (ID number, case number), unchanged ones left alone, and
     * every invalid row reported by line, field and rule. Importing the same file twice changes nothing.
     */
    @Transactional
    ImportReport importCsv(InputStream body) {
        long total = 0;
        long inserted = 0;
        long updated = 0;
        long unchanged = 0;
        long rejected = 0;
        List<RowError> errors = new ArrayList<>();
        Locale locale = LocaleContextHolder.getLocale();
        Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        try (CSVParser csv = CSVParser.parse(reader, format)) {
            List<String> header = csv.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
            if (header.isEmpty()) {
                throw new RuleViolationException(new Violation(null, "debtor-import.empty"));
            }
            List<Violation> missing = new ArrayList<>();
            for (String column : COLUMNS) {
                if (!header.contains(column)) {
                    missing.add(new Violation(column, "debtor-import.missing-column", column));
                }
            }
            if (!missing.isEmpty()) {
                throw new RuleViolationException(missing);
            }
            for (CSVRecord record : csv) {
                total++;
                long line = record.getRecordNumber() + 1;
                List<Violation> violations = new ArrayList<>();
                NewDebtor debtor = null;
                if (!record.isConsistent()) {
                    violations.add(new Violation(null, "debtor-import.field-count", record.size()));
                } else {
                    debtor = row(record, header, violations);
                }
                String idNumber = debtor == null ? null : check(debtor, violations);
                if (violations.isEmpty()) {
                    try {
                        switch (upsert(idNumber, debtor)) {
                            case INSERTED -> inserted++;
                            case UPDATED -> updated++;
                            case UNCHANGED -> unchanged++;
                        }
                        continue;
                    } catch (ConflictException e) {
                        violations.add(new Violation("caseNo", e.code(), e.args()));
                    }
                }
                rejected++;
                for (Violation v : violations) {
                    if (errors.size() < ERRORS_IN_RESPONSE) {
                        errors.add(new RowError(line, v.field(), v.code(),
                                messages.getMessage("rule." + v.code(), v.args(), v.code(), locale)));
                    }
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            if (causedBy(e, CharacterCodingException.class)) {
                throw new RuleViolationException(new Violation(null, "debtor-import.not-utf8"));
            }
            throw new RuleViolationException(new Violation(null, "debtor-import.unreadable", total + 2));
        }
        if (total == 0) {
            throw new RuleViolationException(new Violation(null, "debtor-import.no-rows"));
        }
        audit.record(AuditRecord.change("debtor-import", "dishonest-debtor-import", null, null));
        return new ImportReport(total, inserted, updated, unchanged, rejected, errors);
    }

    private static NewDebtor row(CSVRecord record, List<String> header, List<Violation> violations) {
        String[] values = new String[COLUMNS.length];
        for (int i = 0; i < COLUMNS.length; i++) {
            String value = record.get(header.indexOf(COLUMNS[i]));
            values[i] = value == null || value.isBlank() ? null : value.strip();
        }
        LocalDate publishedOn = null;
        if (values[4] != null) {
            try {
                publishedOn = LocalDate.parse(values[4]);
            } catch (DateTimeParseException e) {
                violations.add(new Violation("publishedOn", "debtor.date-format", values[4]));
                return null;
            }
        }
        return new NewDebtor(values[0], values[1], values[2], values[3], publishedOn);
    }

    private Outcome upsert(String idNumber, NewDebtor debtor) {
        String index = cipher.blindIndex(idNumber);
        String caseNo = debtor.caseNo().strip();
        Optional<Stored> existing = stored(index, caseNo);
        if (existing.isEmpty()) {
            insert(index, debtor);
            return Outcome.INSERTED;
        }
        Stored entry = existing.get();
        if (entry.removedOn() != null) {
            throw new ConflictException("debtor.already-removed", caseNo);
        }
        String name = debtor.name().strip();
        String court = debtor.court().strip();
        if (cipher.decrypt(entry.nameSealed()).equals(name) && entry.court().equals(court)
                && entry.publishedOn().equals(debtor.publishedOn())) {
            return Outcome.UNCHANGED;
        }
        jdbc.sql("""
                UPDATE dishonest_debtor SET name_sealed = ?, court = ?, published_on = ?, version = version + 1, updated_at = now()
                 WHERE id = ?""").params(cipher.encrypt(name), court, debtor.publishedOn(), entry.id()).update();
        audit.record(AuditRecord.change("debtor-update", "dishonest-debtor", Long.toString(entry.id()), index));
        return Outcome.UPDATED;
    }

    private long insert(String index, NewDebtor debtor) {
        Caller caller = callers.get();
        long id = jdbc.sql("""
                INSERT INTO dishonest_debtor (id_number_index, name_sealed, case_no, court, published_on, recorded_by, department_code)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(index, cipher.encrypt(debtor.name().strip()), debtor.caseNo().strip(), debtor.court().strip(),
                        debtor.publishedOn(), caller.actorId(), caller.departmentCode())
                .query(Long.class).single();
        audit.record(AuditRecord.change("debtor-create", "dishonest-debtor", Long.toString(id), index));
        return id;
    }

    /** The rules of an entry; returns the normalised ID number (or {@code null} if it broke a rule). */
    private static String check(NewDebtor debtor, List<Violation> violations) {
        String idNumber = null;
        try {
            idNumber = IdNumbers.normalise(debtor.idNumber());
        } catch (InvalidValueException e) {
            violations.add(e.at("idNumber"));
        }
        text("name", debtor.name(), 200, violations);
        text("caseNo", debtor.caseNo(), 100, violations);
        text("court", debtor.court(), 100, violations);
        if (debtor.publishedOn() == null) {
            violations.add(new Violation("publishedOn", "debtor.required"));
        } else if (debtor.publishedOn().isAfter(UnitFlags.today())) {
            violations.add(new Violation("publishedOn", "debtor.date-in-future"));
        }
        return idNumber;
    }

    private static void text(String field, String value, int max, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "debtor.required"));
        } else if (value.strip().length() > max) {
            violations.add(new Violation(field, "debtor.too-long", max));
        }
    }

    private static String normalised(String idNumber) {
        try {
            return IdNumbers.normalise(idNumber);
        } catch (InvalidValueException e) {
            throw new RuleViolationException(e.at("idNumber"));
        }
    }

    private record Stored(long id, String nameSealed, String court, LocalDate publishedOn, LocalDate removedOn) {
    }

    private Optional<Stored> stored(String index, String caseNo) {
        return jdbc.sql("SELECT * FROM dishonest_debtor WHERE id_number_index = ? AND case_no = ? FOR UPDATE")
                .params(index, caseNo)
                .query((rs, row) -> new Stored(rs.getLong("id"), rs.getString("name_sealed"), rs.getString("court"),
                        rs.getObject("published_on", LocalDate.class), rs.getObject("removed_on", LocalDate.class)))
                .optional();
    }

    private DebtorView view(long id, String idNumber) {
        return jdbc.sql("SELECT * FROM dishonest_debtor WHERE id = ?").param(id).query((rs, row) -> view(rs, idNumber)).single();
    }

    private DebtorView view(ResultSet rs, String idNumber) throws SQLException {
        return new DebtorView(rs.getLong("id"), cipher.decrypt(rs.getString("name_sealed")), idNumber, rs.getString("case_no"),
                rs.getString("court"), rs.getObject("published_on", LocalDate.class), rs.getObject("removed_on", LocalDate.class),
                rs.getString("removal_document_no"));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
