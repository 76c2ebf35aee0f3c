package cn.tongban.registration;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.tongban.building.BuildingTable;
import cn.tongban.building.UnitView;
import cn.tongban.filing.FiledContracts;
import cn.tongban.kernel.RefusedException;
import cn.tongban.kernel.Violation;
import cn.tongban.kernel.crypto.PersonalDataCipher;
import cn.tongban.restriction.RestrictionRegistry;

/**
 * 机器核验 of a registration application, at acceptance and again at 登簿 (互联网+不动产登记建设指南 三（一）1;
 * issue #7 item 2): materials complete, the filed contract still filed, no seizure, objections, the obligors are the
 * owners in force, the mortgage rank free, the release's target in force, tax paid (契税法 第十一条, 先税后证) and the
 * fee paid. Every run is kept, like the filing module's verification report. At acceptance tax and fee are shown,
 * not required: they are required at 登簿.
 */
@Component
class MachineChecks {

    private static final TypeReference<List<Check>> CHECKS = new TypeReference<>() {
    };
    /** Disposals of the right (处分): what a seizure forbids (民事诉讼法 第一百零六条; 城市房地产管理法 第三十八条（二）). */
    private static final Set<String> DISPOSALS = Set.of("TRANSFER", "MORTGAGE", "PRE_NOTICE");

    /** 不动产登记申请书, the first material of every business type an applicant applies for. */
    static final String APPLICATION_FORM = "不动产登记申请书";

    /** When the checks run. */
    enum Step {
        ACCEPTANCE, REGISTRATION
    }

    /**
     * One rule checked.
     *
     * @param blocking whether a failure stops the step (a failed non-blocking check is a warning for the registrar)
     */
    record Check(String code, boolean passed, boolean blocking, String detail) {
    }

    /** A run of the checks, as kept. */
    record Report(Step step, boolean passed, List<Check> checks, List<String> missingMaterials, OffsetDateTime at) {

        /** The refusal of a step this report does not allow: one error per failed blocking check, and the report. */
        RefusedException refusal() {
            List<Violation> violations = checks.stream().filter(c -> c.blocking() && !c.passed())
                    .map(c -> new Violation("checks." + c.code(), "registration.check." + c.code(), c.detail())).toList();
            return new RefusedException(violations, this);
        }
    }

    private final JdbcClient jdbc;
    private final BusinessTypes types;
    private final Materials materials;
    private final FiledContracts filed;
    private final RestrictionRegistry restrictions;
    private final RegisterBook book;
    private final BuildingTable building;
    private final PersonalDataCipher cipher;
    private final ObjectMapper json;

    MachineChecks(JdbcClient jdbc, BusinessTypes types, Materials materials, FiledContracts filed, RestrictionRegistry restrictions,
            RegisterBook book, BuildingTable building, PersonalDataCipher cipher, ObjectMapper json) {
        this.jdbc = jdbc;
        this.types = types;
        this.materials = materials;
        this.filed = filed;
        this.restrictions = restrictions;
        this.book = book;
        this.building = building;
        this.cipher = cipher;
        this.json = json;
    }

    /** Runs the checks of the application's type for the step and keeps the report. */
    Report run(ApplicationAccess.Application application, Step step) {
        String type = application.businessType();
        Map<String, Object> row = jdbc.sql("""
                SELECT content::text AS content, fee, fee_paid_at, channel FROM registration_application WHERE application_no = ?""")
                .param(application.applicationNo()).query().singleRow();
        Map<String, Object> content = read((String) row.get("content"));
        RegisterState state = book.state(application.unitCode());
        boolean registering = step == Step.REGISTRATION;
        List<Check> checks = new ArrayList<>();

        boolean contractFiled = false;
        if (application.filingCode() != null) {
            Optional<FiledContracts.FiledContract> contract = filed.byFilingCode(application.filingCode());
            contractFiled = contract.map(FiledContracts.FiledContract::isFiled).orElse(false);
            // a contract cancelled after the application leaves nothing to register (建房规〔2020〕4号 三（十一）)
            checks.add(new Check("contract", contractFiled, true,
                    contractFiled ? application.filingCode() : application.filingCode() + " " + contract.map(FiledContracts.FiledContract::status).orElse("?")));
        }
        boolean taxPaid = taxPaid(application.filingCode());
        // the tax record is 免提交 from the tax bureau; at acceptance it need not exist yet — 先税后证 asks for it at 登簿
        List<String> missing = missingMaterials(application, (String) row.get("channel"), contractFiled, taxPaid || !registering);
        checks.add(new Check("materials", missing.isEmpty(), true, String.join("；", missing)));

        if (DISPOSALS.contains(type)) {
            List<String> seizures = new ArrayList<>();
            restrictions.seizures(application.unitCode(), LocalDate.now(Registrations.CHINA))
                    .forEach(s -> seizures.add(s.court() + " " + s.documentNo()));
            state.seizures().forEach(e -> {
                String document = e.content().get("court") + " " + e.content().get("documentNo");
                if (!seizures.contains(document)) {
                    seizures.add(document);
                }
            });
            checks.add(new Check("seizure", seizures.isEmpty(), true, String.join("；", seizures)));
        }
        if (type.equals("TRANSFER") || type.equals("MORTGAGE")) {
            // 不动产登记暂行条例实施细则 第八十四条: during an objection the applicant is told of it and bears the risk
            checks.add(new Check("objection", state.objection().isEmpty(), false,
                    state.objection().map(e -> String.valueOf(e.content().get("reason"))).orElse("")));
            checks.add(ownersCheck(application, state));
        }
        if (type.equals("MORTGAGE") && content.get("rank") instanceof Number rank) {
            boolean taken = restrictions.mortgages(application.unitCode()).stream().anyMatch(m -> m.rank() == rank.intValue())
                    || state.mortgages().stream().anyMatch(m -> rank.equals(m.content().get("rank")));
            checks.add(new Check("mortgageRank", !taken, true, rank.toString()));
        }
        if (type.equals("FIRST")) {
            checks.add(new Check("firstRegistration", state.ownership().isEmpty(), true,
                    state.ownership().map(e -> String.valueOf(e.content().get("certificateNumber"))).orElse("")));
        }
        if (type.endsWith("_RELEASE")) {
            checks.add(releaseCheck(type, content, state));
        }
        if (type.equals("TRANSFER")) {
            checks.add(new Check("taxPaid", taxPaid, registering, application.filingCode()));
        }
        boolean feePaid = ((java.math.BigDecimal) row.get("fee")).signum() == 0 || row.get("fee_paid_at") != null;
        checks.add(new Check("feePaid", feePaid, registering, row.get("fee").toString()));

        boolean passed = checks.stream().allMatch(c -> c.passed() || !c.blocking());
        OffsetDateTime now = OffsetDateTime.now(Registrations.CHINA);
        jdbc.sql("INSERT INTO registration_check (application_no, step, passed, checks, at) VALUES (?, ?, ?, ?::jsonb, ?)")
                .params(application.applicationNo(), step.name(), passed, write(checks), now).update();
        return new Report(step, passed, List.copyOf(checks), missing, now);
    }

    /** The last run, if any. */
    Optional<Report> latest(String applicationNo) {
        return jdbc.sql("SELECT step, passed, checks::text, at FROM registration_check WHERE application_no = ? ORDER BY id DESC LIMIT 1")
                .param(applicationNo)
                .query((rs, n) -> {
                    List<Check> checks = readChecks(rs.getString(3));
                    List<String> missing = checks.stream().filter(c -> c.code().equals("materials") && !c.passed())
                            .flatMap(c -> List.of(c.detail().split("；")).stream()).toList();
                    return new Report(Step.valueOf(rs.getString(1)), rs.getBoolean(2), checks, missing,
                            rs.getObject(4, OffsetDateTime.class).atZoneSameInstant(Registrations.CHINA).toOffsetDateTime());
                })
                .optional();
    }

    /**
     * Serialises, per contract, the arrival of its tax record and the review that decides whether a transfer waits for
     * it: without it a review reading "not paid" while the record is being written would leave the transfer waiting
     * for a message already gone. Held to the end of the transaction.
     */
    void lockTaxOf(String filingCode) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('registration-tax:' || ?, 0))").param(filingCode).query().listOfRows();
    }

    /** Whether registration has the 完税 or exemption record of the contract. */
    boolean taxPaid(String filingCode) {
        return filingCode != null && jdbc.sql("SELECT EXISTS (SELECT 1 FROM registration_tax_paid WHERE filing_code = ?)")
                .param(filingCode).query(Boolean.class).single();
    }

    /**
     * Required materials not handed in: those the platform holds (免提交 — the filed contract, the tax record, the
     * identity checks of the parties done through the identity module) count as handed in when their source has them.
     */
    private List<String> missingMaterials(ApplicationAccess.Application application, String channel, boolean contractFiled,
            boolean taxPaid) {
        Set<String> satisfied = new HashSet<>();
        if (!"HALL".equals(channel)) {
            // 一（六）2: an application made online, formatted and e-signed by the applicant, is its 申请书; at a hall
            // window the signed paper is scanned and handed in
            satisfied.add(APPLICATION_FORM);
        }
        for (BusinessTypes.Material material : types.get(application.businessType()).materials()) {
            String source = material.freeFrom();
            if (source == null) {
                continue;
            }
            boolean held = source.contains("filing") ? contractFiled : !source.contains("tax") || taxPaid;
            if (held) {
                satisfied.add(material.item());
            }
        }
        return materials.missing(application.applicationNo(), application.businessType(), satisfied);
    }

    /**
     * 义务人 are the owners in force: by the register book; for a unit the book does not know yet, by the 楼盘表's
     * owners (registered before the platform); for a new home never registered, the developer (首次登记 and the
     * first transfer handled together).
     */
    private Check ownersCheck(ApplicationAccess.Application application, RegisterState state) {
        Set<String> obligors = jdbc.sql("SELECT id_number_index FROM registration_party WHERE application_no = ? AND role = 'OBLIGOR'")
                .param(application.applicationNo()).query(String.class).set();
        Set<String> owners;
        String source;
        if (state.ownership().isPresent()) {
            owners = state.owners().stream().map(o -> cipher.blindIndex((String) o.get("idNumber"))).collect(Collectors.toSet());
            source = "登记簿";
        } else {
            UnitView unit = building.findUnitCityWide(application.unitCode()).orElseThrow();
            if (!unit.owners().isEmpty()) {
                owners = unit.owners().stream().map(UnitView.Owner::idNumberIndex).collect(Collectors.toSet());
                source = "楼盘表";
            } else {
                owners = Set.of(cipher.blindIndex(PersonalDataCipher.normaliseIdNumber(unit.developerCreditCode())));
                source = "开发企业";
            }
        }
        return new Check("owners", owners.equals(obligors), true, source);
    }

    private static Check releaseCheck(String type, Map<String, Object> content, RegisterState state) {
        if (type.equals("SEIZURE_RELEASE")) {
            Object document = content.get("documentNo");
            boolean inForce = state.seizures().stream().anyMatch(e -> document != null && document.equals(e.content().get("documentNo")));
            return new Check("releaseTarget", inForce, true, String.valueOf(document));
        }
        Object releases = content.get("releases");
        List<RegisterEntry> candidates = type.equals("MORTGAGE_RELEASE") ? state.mortgages()
                : state.objection().map(List::of).orElse(List.of());
        boolean inForce = candidates.stream().anyMatch(e -> releases instanceof Number n && e.seq() == n.intValue());
        return new Check("releaseTarget", inForce, true, String.valueOf(releases));
    }

    private String write(Object value) {
        return JsonText.write(json, value);
    }

    private Map<String, Object> read(String text) {
        return JsonText.map(json, text);
    }

    private List<Check> readChecks(String text) {
        return JsonText.read(json, text, CHECKS);
    }
}
