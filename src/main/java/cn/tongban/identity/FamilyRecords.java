package cn.tongban.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.kernel.CitizenIdNumber;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.IdNumbers;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.Masking;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/**
 * The local copy of the marriage (民政) and household (公安 户籍) records: ID numbers sealed with SM4 and found by their
 * blind index. Every write is published as {@link IdentityChanged} once for each person concerned, for the audit log.
 */
@Service
class FamilyRecords implements FamilyRegistry {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** 民法典 第十七条: 不满十八周岁的自然人为未成年人. */
    private static final int AGE_OF_MAJORITY = 18;
    private static final int SOURCE_MAX = 200;

    /** A record and whether this call created it (or found it, or changed an existing one). */
    record Written<T>(T record, boolean created) {
    }

    /** The two persons of a marriage as asked about, normalised, and their blind indexes. */
    private record Couple(String person, String spouse, String personIndex, String spouseIndex) {
    }

    /** A marriage row: its parties' blind indexes and sealed numbers in stored order, its dates. */
    private record Stored(long id, String aIndex, String aSealed, String bIndex, String bSealed, LocalDate registeredOn,
            LocalDate dissolvedOn, String source, OffsetDateTime recordedAt) {
    }

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final CurrentCaller callers;
    private final ApplicationEventPublisher events;

    FamilyRecords(JdbcClient jdbc, PersonalDataCipher cipher, CurrentCaller callers, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.callers = callers;
        this.events = events;
    }

    @Override
    public boolean hasRecordsOf(String idNumber) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM marriage_record WHERE party_a_index = :person OR party_b_index = :person)
                    OR EXISTS (SELECT 1 FROM household_child WHERE parent_index = :person)""")
                .param("person", index(idNumber)).query(Boolean.class).single();
    }

    @Override
    public Optional<String> spouseOf(String idNumber, LocalDate on) {
        return jdbc.sql("""
                SELECT CASE WHEN party_a_index = :person THEN party_b_sealed ELSE party_a_sealed END
                  FROM marriage_record
                 WHERE (party_a_index = :person OR party_b_index = :person)
                   AND registered_on <= :on AND (dissolved_on IS NULL OR dissolved_on > :on)
                 ORDER BY registered_on DESC LIMIT 1""")
                .param("person", index(idNumber)).param("on", on).query(String.class).optional().map(cipher::decrypt);
    }

    @Override
    public List<String> minorChildrenOf(String idNumber, LocalDate on) {
        return jdbc.sql("SELECT child_sealed FROM household_child WHERE parent_index = ? ORDER BY id").param(index(idNumber))
                .query(String.class).list().stream().map(cipher::decrypt).filter(child -> minorOn(child, on)).toList();
    }

    /** Under 18 周岁 on the day: born on or before it, and the day not after the 18th birthday (see the interface). */
    static boolean minorOn(String childIdNumber, LocalDate on) {
        LocalDate born = CitizenIdNumber.of(childIdNumber).birthDate();
        return !born.isAfter(on) && !on.isAfter(born.plusYears(AGE_OF_MAJORITY));
    }

    @Override
    @Transactional
    public Marriage recordMarriage(String idNumber, String spouseIdNumber, LocalDate registeredOn, LocalDate dissolvedOn,
            String source) {
        return marriage(idNumber, spouseIdNumber, registeredOn, dissolvedOn, source).record();
    }

    @Override
    @Transactional
    public Marriage recordDivorce(String idNumber, String spouseIdNumber, LocalDate dissolvedOn, String source) {
        return divorce(idNumber, spouseIdNumber, dissolvedOn, source);
    }

    @Override
    @Transactional
    public Child recordChild(String parentIdNumber, String childIdNumber, String source) {
        return child(parentIdNumber, childIdNumber, source).record();
    }

    /**
     * Records a marriage; the same (the two persons, the same registration day and dissolution) again changes nothing,
     * and the same marriage now with a dissolution day records the dissolution.
     */
    @Transactional
    Written<Marriage> marriage(String idNumberText, String spouseText, LocalDate registeredOn, LocalDate dissolvedOn,
            String sourceText) {
        List<Violation> violations = new ArrayList<>();
        Couple couple = couple(idNumberText, spouseText, violations);
        notInFuture("registeredOn", registeredOn, true, violations);
        notInFuture("dissolvedOn", dissolvedOn, false, violations);
        if (registeredOn != null && dissolvedOn != null && dissolvedOn.isBefore(registeredOn)) {
            violations.add(new Violation("dissolvedOn", "family.dissolved-before-registered", registeredOn));
        }
        String source = source(sourceText, violations);
        locked(couple, violations);
        String person = couple.person();
        String spouse = couple.spouse();
        String personIndex = couple.personIndex();
        String spouseIndex = couple.spouseIndex();
        Optional<Stored> same = marriagesOf(personIndex, spouseIndex).filter(m -> m.registeredOn().equals(registeredOn)).findFirst();
        if (same.isPresent()) {
            Stored existing = same.get();
            if (dissolvedOn != null && existing.dissolvedOn() == null) {
                return new Written<>(dissolve(existing, person, dissolvedOn, source), false);
            }
            if (dissolvedOn != null && !dissolvedOn.equals(existing.dissolvedOn())) {
                throw ConflictException.onField("dissolvedOn", "family.already-dissolved", existing.dissolvedOn());
            }
            return new Written<>(view(existing, person), false);
        }
        refuseOverlap("idNumber", personIndex, registeredOn, dissolvedOn);
        refuseOverlap("spouseIdNumber", spouseIndex, registeredOn, dissolvedOn);
        boolean ordered = personIndex.compareTo(spouseIndex) < 0;
        Caller caller = callers.get();
        long id = jdbc.sql("""
                INSERT INTO marriage_record (party_a_index, party_a_sealed, party_b_index, party_b_sealed, registered_on,
                                             dissolved_on, source, dissolution_source, recorded_by, department_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(ordered ? personIndex : spouseIndex, cipher.encrypt(ordered ? person : spouse),
                        ordered ? spouseIndex : personIndex, cipher.encrypt(ordered ? spouse : person), registeredOn,
                        dissolvedOn, source, dissolvedOn == null ? null : source, caller.actorId(), caller.departmentCode())
                .query(Long.class).single();
        published("create", "marriage", id, personIndex, spouseIndex);
        return new Written<>(view(storedMarriage(id), person), true);
    }

    /** Records the dissolution of the live marriage of the two; the same dissolution again changes nothing. */
    @Transactional
    Marriage divorce(String idNumberText, String spouseText, LocalDate dissolvedOn, String sourceText) {
        List<Violation> violations = new ArrayList<>();
        Couple couple = couple(idNumberText, spouseText, violations);
        notInFuture("dissolvedOn", dissolvedOn, true, violations);
        String source = source(sourceText, violations);
        locked(couple, violations);
        String person = couple.person();
        String spouse = couple.spouse();
        List<Stored> marriages = marriagesOf(couple.personIndex(), couple.spouseIndex()).toList();
        if (marriages.isEmpty()) {
            throw new NotFoundException("marriage", Masking.identifier(person) + " / " + Masking.identifier(spouse));
        }
        Optional<Stored> live = marriages.stream().filter(m -> m.dissolvedOn() == null).findFirst();
        if (live.isEmpty()) {
            Stored latest = marriages.get(0);
            if (dissolvedOn.equals(latest.dissolvedOn())) {
                return view(latest, person);
            }
            throw ConflictException.onField("dissolvedOn", "family.already-dissolved", latest.dissolvedOn());
        }
        if (dissolvedOn.isBefore(live.get().registeredOn())) {
            throw new RuleViolationException(new Violation("dissolvedOn", "family.dissolved-before-registered",
                    live.get().registeredOn()));
        }
        return dissolve(live.get(), person, dissolvedOn, source);
    }

    /** Records that a person is a parent of a child; the same again changes nothing. */
    @Transactional
    Written<Child> child(String parentText, String childText, String sourceText) {
        List<Violation> violations = new ArrayList<>();
        String parent = citizen("parentIdNumber", parentText, violations);
        String child = citizen("childIdNumber", childText, violations);
        if (parent != null && parent.equals(child)) {
            violations.add(new Violation("childIdNumber", "family.own-child"));
        } else if (parent != null && child != null
                && !CitizenIdNumber.of(child).birthDate().isAfter(CitizenIdNumber.of(parent).birthDate())) {
            violations.add(new Violation("childIdNumber", "family.child-not-younger"));
        }
        String source = source(sourceText, violations);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        String parentIndex = cipher.blindIndex(parent);
        String childIndex = cipher.blindIndex(child);
        Caller caller = callers.get();
        Optional<Long> inserted = jdbc.sql("""
                INSERT INTO household_child (parent_index, parent_sealed, child_index, child_sealed, source, recorded_by,
                                             department_code)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (parent_index, child_index) DO NOTHING RETURNING id""")
                .params(parentIndex, cipher.encrypt(parent), childIndex, cipher.encrypt(child), source, caller.actorId(),
                        caller.departmentCode())
                .query(Long.class).optional();
        inserted.ifPresent(id -> published("create", "household-child", id, parentIndex, childIndex));
        Child recorded = jdbc.sql("SELECT id, source, recorded_at FROM household_child WHERE parent_index = ? AND child_index = ?")
                .params(parentIndex, childIndex)
                .query((rs, n) -> new Child(rs.getLong("id"), parent, child, rs.getString("source"),
                        rs.getObject("recorded_at", OffsetDateTime.class)))
                .single();
        return new Written<>(recorded, inserted.isPresent());
    }

    private Marriage dissolve(Stored marriage, String person, LocalDate dissolvedOn, String source) {
        jdbc.sql("UPDATE marriage_record SET dissolved_on = ?, dissolution_source = ?, updated_at = now() WHERE id = ?")
                .params(dissolvedOn, source, marriage.id()).update();
        published("dissolve", "marriage", marriage.id(), marriage.aIndex(), marriage.bIndex());
        return view(storedMarriage(marriage.id()), person);
    }

    /**
     * No one is married to two persons at once: the new marriage's time, from its registration to its dissolution
     * (or for ever), must not meet any other marriage of the person.
     */
    private void refuseOverlap(String field, String personIndex, LocalDate registeredOn, LocalDate dissolvedOn) {
        jdbc.sql("""
                SELECT registered_on FROM marriage_record
                 WHERE (party_a_index = ? OR party_b_index = ?)
                   AND registered_on < COALESCE(CAST(? AS date), 'infinity'::date)
                   AND COALESCE(dissolved_on, 'infinity'::date) > ?
                 ORDER BY registered_on LIMIT 1""")
                .params(personIndex, personIndex, dissolvedOn, registeredOn).query(LocalDate.class).optional()
                .ifPresent(since -> {
                    throw ConflictException.onField(field, "family.already-married", since);
                });
    }

    /** The marriages of the two persons with each other, the latest registration first. */
    private Stream<Stored> marriagesOf(String oneIndex, String otherIndex) {
        boolean ordered = oneIndex.compareTo(otherIndex) < 0;
        return jdbc.sql("SELECT * FROM marriage_record WHERE party_a_index = ? AND party_b_index = ? ORDER BY registered_on DESC")
                .params(ordered ? oneIndex : otherIndex, ordered ? otherIndex : oneIndex)
                .query(FamilyRecords::stored).list().stream();
    }

    private Stored storedMarriage(long id) {
        return jdbc.sql("SELECT * FROM marriage_record WHERE id = ?").param(id).query(FamilyRecords::stored).single();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(rs.getLong("id"), rs.getString("party_a_index"), rs.getString("party_a_sealed"),
                rs.getString("party_b_index"), rs.getString("party_b_sealed"), rs.getObject("registered_on", LocalDate.class),
                rs.getObject("dissolved_on", LocalDate.class), rs.getString("source"),
                rs.getObject("recorded_at", OffsetDateTime.class));
    }

    /** The marriage seen from {@code person}: their number first. */
    private Marriage view(Stored marriage, String person) {
        String a = cipher.decrypt(marriage.aSealed());
        String b = cipher.decrypt(marriage.bSealed());
        return new Marriage(marriage.id(), person, person.equals(a) ? b : a, marriage.registeredOn(), marriage.dissolvedOn(),
                marriage.source(), marriage.recordedAt());
    }

    /**
     * The two persons of a marriage: each a valid 公民身份号码, not one person twice; {@code null} if either is refused
     * (the violation added).
     */
    private Couple couple(String idNumberText, String spouseText, List<Violation> violations) {
        String person = citizen("idNumber", idNumberText, violations);
        String spouse = citizen("spouseIdNumber", spouseText, violations);
        if (person == null || spouse == null) {
            return null;
        }
        if (person.equals(spouse)) {
            violations.add(new Violation("spouseIdNumber", "family.self-marriage"));
            return null;
        }
        return new Couple(person, spouse, cipher.blindIndex(person), cipher.blindIndex(spouse));
    }

    /**
     * Refuses the request if it broke a rule; else locks both persons' marriage records until the transaction ends,
     * in one order so that two writers cannot deadlock: whether either is married is then decided one write at a time.
     */
    private void locked(Couple couple, List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        Stream.of(couple.personIndex(), couple.spouseIndex()).sorted().forEach(index -> jdbc.sql(
                "SELECT pg_advisory_xact_lock(hashtextextended('family-person:' || ?, 0))").param(index).query().listOfRows());
    }

    private void published(String action, String resourceType, long id, String... subjectIndexes) {
        for (String subject : subjectIndexes) {
            events.publishEvent(new IdentityChanged(action, resourceType, Long.toString(id), subject));
        }
    }

    private String index(String idNumber) {
        return cipher.blindIndex(IdNumbers.normalise(idNumber));
    }

    /** A 公民身份号码 with its check character verified (GB 11643-1999), normalised; else a violation of the field. */
    private static String citizen(String field, String text, List<Violation> violations) {
        try {
            return CitizenIdNumber.of(PersonalDataCipher.normaliseIdNumber(text)).value();
        } catch (InvalidValueException e) {
            violations.add(e.at(field));
            return null;
        }
    }

    private static void notInFuture(String field, LocalDate date, boolean required, List<Violation> violations) {
        if (date == null) {
            if (required) {
                violations.add(new Violation(field, "family.required"));
            }
        } else if (date.isAfter(LocalDate.now(CHINA))) {
            violations.add(new Violation(field, "family.date-in-future"));
        }
    }

    /** Who shared the record: as given, else the caller's department. */
    private String source(String text, List<Violation> violations) {
        String source = text == null || text.isBlank() ? callers.get().departmentName() : text.strip();
        if (source == null || source.isBlank()) {
            violations.add(new Violation("source", "family.required"));
        } else if (source.length() > SOURCE_MAX) {
            violations.add(new Violation("source", "family.too-long", SOURCE_MAX));
        }
        return source;
    }
}
