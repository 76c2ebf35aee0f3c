package cn.tongban.registration;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditOutcome;
import cn.tongban.audit.AuditRecord;
import cn.tongban.audit.Purpose;
import cn.tongban.building.BuildingTable;
import cn.tongban.building.UnitView;
import cn.tongban.identity.Caller;
import cn.tongban.identity.CitizenSubjects;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.Masking;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.Page;
import cn.tongban.kernel.PageRequest;
import cn.tongban.kernel.PersonalDataVisibility;
import cn.tongban.kernel.RealEstateUnitCode;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;
import cn.tongban.kernel.crypto.PersonalDataCipher;
import cn.tongban.restriction.RestrictionRegistry;

/**
 * 不动产登记信息查询 (互联网+不动产登记建设指南 二（一）7): a unit's natural state, rights and restrictions by 不动产单元代码,
 * 不动产权证书号 or 坐落 for staff who state their purpose, and a citizen's own homes (权利人查询本人名下的不动产).
 *
 * <p>Staff see the units of their districts only, as everywhere in the platform (五（二）3 租户管理: 不同的租户仅能办理和
 * 查看本区域内的业务数据); a city-wide department sees the whole city. A unit outside the caller's districts is not
 * found, like one that does not exist. Every answer is on the audit log with the purpose and the owners' blind
 * indexes, so that an owner can see who looked at their home and why.
 */
@Service
class PropertyQueries {

    static final String ACTION = "registration-property-query";
    /** Minimum length of a 坐落 search: shorter texts match half the city. */
    static final int LOCATION_MIN = 4;
    /** Page size cap of a 坐落 search: every unit of the page is answered in full. */
    static final int LOCATION_PAGE_MAX = 20;
    static final String OWN_QUERY = "本人查询";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final BuildingTable buildings;
    private final RestrictionRegistry restrictions;
    private final RegisterBook book;
    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final PersonalDataVisibility visibility;
    private final CurrentCaller callers;
    private final CitizenSubjects citizens;
    private final AuditLog audit;

    PropertyQueries(BuildingTable buildings, RestrictionRegistry restrictions, RegisterBook book, JdbcClient jdbc,
            PersonalDataCipher cipher, PersonalDataVisibility visibility, CurrentCaller callers, CitizenSubjects citizens,
            AuditLog audit) {
        this.buildings = buildings;
        this.restrictions = restrictions;
        this.book = book;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.visibility = visibility;
        this.callers = callers;
        this.citizens = citizens;
        this.audit = audit;
    }

    /** What a staff query asks: exactly one of the three. */
    record Criteria(String unitCode, String certificateNo, String location) {
    }

    /**
     * The units the criteria find, in the caller's districts.
     *
     * @throws RuleViolationException naming X-Purpose / X-Case-Number when the purpose is not stated, or the
     *                                parameters when not exactly one is given, or a malformed one
     * @throws NotFoundException      for an unknown (or invisible) unit code or certificate number
     */
    @Transactional
    Page<PropertyView> query(Criteria criteria, PageRequest page) {
        Purpose.Declared purpose = Purpose.require();
        String unitCode = blankToNull(criteria.unitCode());
        String certificateNo = blankToNull(criteria.certificateNo());
        String location = blankToNull(criteria.location());
        validate(unitCode, certificateNo, location, page);
        Viewer viewer = new Viewer(visibility.showsFull(), null);
        if (location != null) {
            Page<UnitView> units = buildings.findUnitsByLocation(location, page);
            return units.map(unit -> answer(unit, viewer, purpose));
        }
        UnitView unit;
        if (unitCode != null) {
            unit = buildings.findUnit(unitCode).orElseThrow(() -> new NotFoundException("unit", unitCode));
        } else {
            unit = unitWithCertificate(certificateNo).flatMap(buildings::findUnit)
                    .orElseThrow(() -> new NotFoundException("certificate", certificateNo));
        }
        return new Page<>(List.of(answer(unit, viewer, purpose)), 0, 1, 1);
    }

    /**
     * The signed-in citizen's homes: ownership in force by the register book, and the units the 楼盘表 records them as
     * owner of where the book has no ownership yet (registrations before the platform's book); their own data in
     * clear, co-owners masked.
     */
    @Transactional
    List<PropertyView> mine() {
        Caller caller = callers.get();
        Optional<String> subject = citizens.subjectIndexOf(caller);
        if (subject.isEmpty()) {
            return List.of();
        }
        Viewer self = new Viewer(false, subject.get());
        Set<String> codes = new TreeSet<>(book.unitsOwnedBy(self.subject()));
        for (String code : buildings.unitsOwnedBy(self.subject())) {
            // the 楼盘表's imported owners count until the book registers an ownership of its own (e.g. a sale since)
            if (book.state(code).ownership().isEmpty()) {
                codes.add(code);
            }
        }
        Purpose.Declared purpose = new Purpose.Declared(OWN_QUERY, null);
        List<PropertyView> homes = new ArrayList<>();
        for (String code : codes) {
            buildings.findUnitCityWide(code).map(unit -> answer(unit, self, purpose)).ifPresent(homes::add);
        }
        return homes;
    }

    /** One entry of a unit's register book as the registrar's console lists it: owners masked. */
    record BookLine(int seq, String kind, java.time.OffsetDateTime recordedAt, String registrar, String applicationNo,
            String certificateNumber, List<String> owners) {
    }

    /** A unit's register book in order, and whether its SM3 chain verifies (the first broken entry if not). */
    record Book(String unitCode, String location, List<BookLine> entries, boolean chainVerifies, Integer firstBroken) {
    }

    /**
     * 登记簿 of one unit for the registrars of its district (五（二）3: a unit elsewhere is not found), every entry in
     * order with its owners masked, audited once per owner shown as a read for 登记簿查阅.
     */
    @Transactional
    Book book(String unitCode) {
        String code;
        try {
            code = RealEstateUnitCode.of(unitCode).value();
        } catch (InvalidValueException e) {
            throw new RuleViolationException(e.at("unitCode"));
        }
        UnitView unit = buildings.findUnit(code).orElseThrow(() -> new NotFoundException("unit", unitCode));
        List<RegisterEntry> entries = book.entries(code);
        Set<String> indexes = new LinkedHashSet<>();
        List<BookLine> lines = new ArrayList<>();
        for (RegisterEntry entry : entries) {
            List<String> owners = new ArrayList<>();
            if (entry.content().get("owners") instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> owner && owner.get("idNumber") instanceof String id) {
                        indexes.add(cipher.blindIndex(id));
                        owners.add(Masking.name(String.valueOf(owner.get("name"))) + " " + Masking.identifier(id));
                    }
                }
            }
            lines.add(new BookLine(entry.seq(), entry.kind().name(), entry.recordedAt().atZoneSameInstant(CHINA).toOffsetDateTime(),
                    entry.registrar(), entry.applicationNo(), text(entry.content().get("certificateNumber")), owners));
        }
        Optional<Integer> broken = book.firstBroken(code);
        record(code, indexes, new Purpose.Declared(BOOK_READ, null));
        return new Book(code, unit.location(), lines, broken.isEmpty(), broken.orElse(null));
    }

    static final String BOOK_READ = "登记簿查阅";

    private static void validate(String unitCode, String certificateNo, String location, PageRequest page) {
        List<Violation> violations = new ArrayList<>();
        Map<String, String> given = new LinkedHashMap<>();
        given.put("unitCode", unitCode);
        given.put("certificateNo", certificateNo);
        given.put("location", location);
        long count = given.values().stream().filter(v -> v != null).count();
        if (count != 1) {
            String names = String.join(", ", given.keySet());
            given.forEach((name, value) -> {
                if (count == 0 || value != null) {
                    violations.add(new Violation(name, "property.one-criterion", names));
                }
            });
            throw new RuleViolationException(violations);
        }
        if (unitCode != null) {
            try {
                RealEstateUnitCode.of(unitCode);
            } catch (InvalidValueException e) {
                violations.add(e.at("unitCode"));
            }
        }
        if (location != null && location.length() < LOCATION_MIN) {
            violations.add(new Violation("location", "property.location-too-short", LOCATION_MIN));
        }
        if (location != null && page.size() > LOCATION_PAGE_MAX) {
            violations.add(new Violation("size", "property.page-size", LOCATION_PAGE_MAX));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    /** The unit carrying the certificate or proof number in the book, else the 楼盘表's imported owners. */
    private Optional<String> unitWithCertificate(String certificateNo) {
        Optional<String> booked = jdbc.sql("""
                SELECT unit_code FROM register_entry WHERE content ->> 'certificateNumber' = ? ORDER BY id DESC LIMIT 1""")
                .param(certificateNo).query(String.class).optional();
        return booked.isPresent() ? booked : buildings.unitWithCertificate(certificateNo);
    }

    /**
     * Who is looking: staff who may see personal data in full or not, or the citizen with this blind index, who sees
     * their own data in clear.
     */
    record Viewer(boolean full, String subject) {

        boolean clear(String index) {
            return full || isSelf(index);
        }

        boolean isSelf(String index) {
            return subject != null && subject.equals(index);
        }
    }

    /** The full answer for one unit, audited once per owner shown. */
    private PropertyView answer(UnitView unit, Viewer viewer, Purpose.Declared purpose) {
        List<RegisterEntry> entries = book.entries(unit.unitCode());
        RegisterState state = RegisterState.of(entries);
        List<PropertyView.Owner> owners = new ArrayList<>();
        Set<String> indexes = new LinkedHashSet<>();
        PropertyView.OwnershipSource source;
        String certificate;
        if (state.ownership().isPresent()) {
            source = PropertyView.OwnershipSource.REGISTER_BOOK;
            certificate = (String) state.ownership().get().content().get("certificateNumber");
            for (Map<String, Object> owner : state.owners()) {
                String index = cipher.blindIndex((String) owner.get("idNumber"));
                indexes.add(index);
                owners.add(owner((String) owner.get("name"), (String) owner.get("idType"), (String) owner.get("idNumber"),
                        (String) owner.get("coOwnership"), text(owner.get("share")), index, viewer));
            }
        } else if (!unit.owners().isEmpty()) {
            source = PropertyView.OwnershipSource.BUILDING_TABLE;
            certificate = unit.owners().get(0).certificateNo();
            for (UnitView.Owner owner : unit.owners()) {
                indexes.add(owner.idNumberIndex());
                owners.add(owner(owner.name(), owner.idType(), owner.idNumber(), owner.coOwnership(), owner.share(),
                        owner.idNumberIndex(), viewer));
            }
        } else {
            source = PropertyView.OwnershipSource.NONE;
            certificate = null;
        }
        PropertyView.RightsState rights = new PropertyView.RightsState(source, owners, certificate,
                state.ownership().map(RegisterEntry::recordedAt).orElse(null),
                state.mortgages().stream().map(e -> registered(e, viewer)).toList(),
                state.preNotice().map(e -> registered(e, viewer)).orElse(null),
                state.seizures().stream().map(e -> registered(e, viewer)).toList(),
                state.objection().map(e -> registered(e, viewer)).orElse(null));
        RestrictionRegistry.OnUnit onUnit = restrictions.onUnit(unit.unitCode(), unit.projectId(), LocalDate.now(CHINA));
        Optional<Integer> broken = book.firstBroken(unit.unitCode());
        record(unit.unitCode(), indexes, purpose);
        return new PropertyView(unit.unitCode(), natural(unit), rights,
                new PropertyView.Restrictions(onUnit.seizures(), onUnit.mortgages(), onUnit.locks(), unit.rights()),
                new PropertyView.BookIntegrity(entries.size(), broken.isEmpty(), broken.orElse(null)));
    }

    private void record(String unitCode, Set<String> indexes, Purpose.Declared purpose) {
        List<String> subjects = indexes.isEmpty() ? java.util.Collections.singletonList(null) : List.copyOf(indexes);
        for (String index : subjects) {
            audit.record(new AuditRecord(ACTION, "unit", unitCode, index, AuditOutcome.SUCCESS, purpose.purpose(),
                    purpose.caseNumber(), false));
        }
    }

    private static PropertyView.NaturalState natural(UnitView u) {
        return new PropertyView.NaturalState(u.districtCode(), u.location(), u.buildingCode(), u.floor(), u.roomNo(),
                u.buildingArea(), u.innerArea(), u.sharedArea(), u.houseUse(), u.landUse(), u.houseNature(),
                u.layoutStructure(), u.tradeStatus().name());
    }

    private static PropertyView.Owner owner(String name, String idType, String idNumber, String coOwnership, String share,
            String index, Viewer viewer) {
        boolean shown = viewer.clear(index);
        return new PropertyView.Owner(shown ? name : Masking.name(name), idType, shown ? idNumber : Masking.identifier(idNumber),
                coOwnership, share, viewer.isSelf(index));
    }

    private PropertyView.Registered registered(RegisterEntry entry, Viewer viewer) {
        return new PropertyView.Registered(entry.seq(), entry.kind().name(), entry.applicationNo(), entry.recordedAt(),
                masked(entry.content(), viewer));
    }

    /** The content with every person's ID number, name and phone masked unless the caller may see that person. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> masked(Map<String, Object> content, Viewer viewer) {
        Map<String, Object> copy = new LinkedHashMap<>();
        boolean shown = content.get("idNumber") instanceof String id && viewer.clear(cipher.blindIndex(id));
        content.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map) {
                copy.put(key, masked((Map<String, Object>) map, viewer));
            } else if (value instanceof List<?> list) {
                copy.put(key, list.stream().map(v -> v instanceof Map<?, ?> m ? masked((Map<String, Object>) m, viewer) : v).toList());
            } else if (!shown && value instanceof String text && PERSONAL_KEYS.containsKey(key)) {
                copy.put(key, PERSONAL_KEYS.get(key).apply(text));
            } else {
                copy.put(key, value);
            }
        });
        return copy;
    }

    private static final Map<String, java.util.function.UnaryOperator<String>> PERSONAL_KEYS =
            Map.of("idNumber", Masking::identifier, "name", Masking::name, "phone", Masking::phone);

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
