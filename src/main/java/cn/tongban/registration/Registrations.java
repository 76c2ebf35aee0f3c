package cn.tongban.registration;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
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
import cn.tongban.building.BuildingTable;
import cn.tongban.building.UnitView;
import cn.tongban.filing.ContractType;
import cn.tongban.filing.FiledContracts;
import cn.tongban.identity.ActorKind;
import cn.tongban.identity.Caller;
import cn.tongban.identity.CitizenSubjects;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.identity.Permissions;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.ForbiddenException;
import cn.tongban.kernel.Money;
import cn.tongban.kernel.RealEstateUnitCode;
import cn.tongban.kernel.RefusedException;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/**
 * 不动产登记申请 from 申请 to 发证 (互联网+不动产登记建设指南 二（一）4 网上申请, 三（一）1 受理、审核、登簿、缮证、发证):
 * the platform's own record of each application, driven step by step through its BPMN process ({@link Workflow}).
 * Each step locks the application's row, checks that the application is where the step expects it, does its work and
 * completes the process task in one transaction — so of two registrars completing the same step at once, one wins and
 * the other gets a conflict, and nothing is half-done.
 */
@Service
class Registrations {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** 交易者证件名称 02: 统一社会信用代码证. */
    static final String CREDIT_CODE = "02";

    /** Where an application is, as the applicant and the statistics see it. */
    enum Status {
        SUBMITTED, SUPPLEMENT_REQUIRED, REJECTED, ACCEPTED, REVIEWED, WAITING_FOR_TAX, REGISTERED, COMPLETED, REFUSED, WITHDRAWN
    }

    /** A party of an application; personal data masked unless the caller may see it. */
    record PartyView(String role, @cn.tongban.kernel.PersonalData(cn.tongban.kernel.PersonalData.Kind.NAME) String name,
            String idType, @cn.tongban.kernel.PersonalData(cn.tongban.kernel.PersonalData.Kind.ID_NUMBER) String idNumber,
            String coOwnership, String share) {
    }

    /** One step of the progress (办理进度). */
    record ProgressView(String step, String outcome, String note, String actor, OffsetDateTime at) {
    }

    /** An application as its applicant and the registrars see it. */
    record ApplicationView(String applicationNo, String businessType, String businessTypeName, String unitCode,
            String location, String districtCode, String filingCode, String channel, Status status, String currentStep,
            Map<String, Object> content, BigDecimal fee, OffsetDateTime feePaidAt, int hallVisits, OffsetDateTime submittedAt,
            OffsetDateTime acceptedAt, OffsetDateTime reviewedAt, OffsetDateTime registeredAt, OffsetDateTime completedAt,
            LocalDate dueOn, Integer entrySeq, String certificateNo, String verificationCode, List<PartyView> parties,
            List<ProgressView> progress, MachineChecks.Report latestChecks, List<String> missingMaterials) {
    }

    /** A line of a list or work queue. */
    record Summary(String applicationNo, String businessType, String unitCode, String districtCode, String channel,
            Status status, OffsetDateTime submittedAt) {
    }

    private final JdbcClient jdbc;
    private final BusinessTypes types;
    private final Workflow workflow;
    private final ApplicationAccess access;
    private final CurrentCaller callers;
    private final CitizenSubjects citizens;
    private final BuildingTable building;
    private final FiledContracts filed;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final MachineChecks checks;
    private final Registering registering;
    private final Certificates certificates;
    private final Notices notices;
    private final ObjectMapper json;
    private final org.springframework.context.ApplicationEventPublisher events;

    Registrations(JdbcClient jdbc, BusinessTypes types, Workflow workflow, ApplicationAccess access, CurrentCaller callers,
            CitizenSubjects citizens, BuildingTable building, FiledContracts filed, PersonalDataCipher cipher, AuditLog audit,
            MachineChecks checks, Registering registering, Certificates certificates, Notices notices, ObjectMapper json,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.types = types;
        this.workflow = workflow;
        this.access = access;
        this.callers = callers;
        this.citizens = citizens;
        this.building = building;
        this.filed = filed;
        this.cipher = cipher;
        this.audit = audit;
        this.checks = checks;
        this.registering = registering;
        this.certificates = certificates;
        this.notices = notices;
        this.json = json;
    }

    // ------------------------------------------------------------------------------------------------ 申请

    /**
     * 申请: by a party on the portal (ONLINE), a bank, developer or brokerage through the extended port (PORT), or a
     * registrar at a hall window (HALL). Parties, price and terms come from the filed contract where there is one.
     */
    @Transactional
    ApplicationView submit(RegistrationRequest request) {
        Caller caller = callers.get();
        BusinessTypes.BusinessType type = knownType(request.businessType());
        if (type.code().startsWith("SEIZURE")) {
            // 嘱托登记 arrives with the court's order through the sharing interface, not as an application
            throw new RuleViolationException(new Violation("businessType", "registration.court-order-only", type.code()));
        }
        String unitCode = unitCode(request.unitCode());
        // the registration authority reads the unit on the applicant's behalf: citizens see no 楼盘表 of their own
        UnitView unit = building.findUnitCityWide(unitCode)
                .orElseThrow(() -> new RuleViolationException(new Violation("unitCode", "registration.unit-unknown", unitCode)));
        String channel = switch (caller.kind()) {
            case CITIZEN -> "ONLINE";
            case SYSTEM -> "PORT";
            case STAFF -> "HALL";
            case ANONYMOUS -> throw new ForbiddenException("registration.sign-in-required");
        };
        if (caller.kind() != ActorKind.CITIZEN && !caller.has(Permissions.REGISTRATION_SUBMIT)) {
            throw new ForbiddenException("registration.submit-not-permitted");
        }
        if (caller.kind() == ActorKind.STAFF && !caller.seesDistrict(unit.districtCode())) {
            // 多租户: a hall takes applications for units of its own districts only
            throw new ForbiddenException("registration.other-district", unit.districtCode());
        }
        Prefilled prefilled = prefill(type, request, unit);
        if (caller.kind() == ActorKind.CITIZEN) {
            String self = citizens.subjectIndexOf(caller).orElseThrow(() -> new ForbiddenException("registration.not-a-party"));
            if (prefilled.parties().stream().noneMatch(p -> cipher.blindIndex(p.idNumber()).equals(self))) {
                throw new ForbiddenException("registration.not-a-party");
            }
        }
        int certificateCount = request.certificates() == null ? 1 : request.certificates();
        boolean housing = unit.houseUse() != null && unit.houseUse().startsWith("1");
        Money fee = types.fee(type.code(), housing, certificateCount);
        OffsetDateTime now = OffsetDateTime.now(CHINA);
        String applicationNo = nextNumber(unit.districtCode(), now);
        jdbc.sql("""
                INSERT INTO registration_application (application_no, business_type, unit_code, district_code, filing_code,
                    channel, submitted_by, status, content, housing, certificates, fee, submitted_at, hall_visits)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?::jsonb, ?, ?, ?, ?, ?)""")
                .params(applicationNo, type.code(), unitCode, unit.districtCode(), prefilled.filingCode(), channel, caller.actorId(),
                        write(prefilled.content()), housing, type.certificate() == BusinessTypes.Certificate.NONE ? 0 : certificateCount,
                        fee.roundedToFen().yuan(), now,
                        // applying at a hall window is a visit: such an application is never 一次都不跑
                        "HALL".equals(channel) ? 1 : 0)
                .update();
        insertParties(applicationNo, prefilled.parties(), prefilled.roles());
        Map<String, Object> variables = new HashMap<>();
        variables.put("district", unit.districtCode());
        variables.put("applicationNo", applicationNo);
        variables.put("issuesCertificate", type.certificate() != BusinessTypes.Certificate.NONE);
        String instance = workflow.start(type.process(), applicationNo, variables);
        jdbc.sql("UPDATE registration_application SET process_instance_id = ? WHERE application_no = ?")
                .params(instance, applicationNo).update();
        progress(applicationNo, "申请", "SUBMITTED", channelName(channel), caller.actorId());
        for (RegistrationRequest.Party party : prefilled.parties()) {
            audit.record(AuditRecord.change("registration-submit", "registration-application", applicationNo,
                    cipher.blindIndex(party.idNumber())));
        }
        return view(applicationNo);
    }

    /** Parties, content and contract of an application as the platform fills them in. */
    record Prefilled(String filingCode, List<RegistrationRequest.Party> parties, List<String> roles, Map<String, Object> content) {
    }

    private Prefilled prefill(BusinessTypes.BusinessType type, RegistrationRequest request, UnitView unit) {
        Map<String, Object> content = new LinkedHashMap<>();
        List<RegistrationRequest.Party> parties = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        String filingCode = null;
        switch (type.code()) {
            case "TRANSFER", "PRE_NOTICE", "MORTGAGE" -> {
                FiledContracts.FiledContract contract = contract(type.code(), request.filingCode(), unit.unitCode());
                filingCode = contract.filingCode();
                contract.second().forEach(p -> {
                    parties.add(party(p));
                    roles.add("RIGHT_HOLDER");
                });
                contract.first().forEach(p -> {
                    parties.add(party(p));
                    roles.add("OBLIGOR");
                });
                content.put("price", contract.price().toPlainString());
                if (type.code().equals("MORTGAGE")) {
                    content.put("amount", contract.price().toPlainString());
                    content.put("startOn", (contract.startOn() == null ? contract.signedOn() : contract.startOn()).toString());
                    if (contract.endOn() != null) {
                        content.put("endOn", contract.endOn().toString());
                    }
                    if (request.rank() != null) {
                        content.put("rank", request.rank());
                    }
                }
            }
            case "FIRST" -> {
                RegistrationRequest.Party applicant = required(request.applicant(), "applicant");
                if (!CREDIT_CODE.equals(applicant.idType()) || !applicant.idNumber().strip().equalsIgnoreCase(unit.developerCreditCode())) {
                    // 首次登记 of a new building is the developer's (不动产登记暂行条例实施细则 第三十五条)
                    throw new RuleViolationException(new Violation("applicant.idNumber", "registration.first-not-developer",
                            unit.developerCreditCode()));
                }
                parties.add(applicant);
                roles.add("APPLICANT");
            }
            case "MORTGAGE_RELEASE", "OBJECTION" -> {
                parties.add(required(request.applicant(), "applicant"));
                roles.add("APPLICANT");
                if (type.code().equals("MORTGAGE_RELEASE")) {
                    content.put("releases", required(request.releases(), "releases"));
                } else {
                    content.put("reason", required(blankToNull(request.reason()), "reason"));
                }
            }
            case "CORRECTION" -> {
                parties.add(required(request.applicant(), "applicant"));
                roles.add("APPLICANT");
                List<RegistrationRequest.Party> owners = required(request.owners() == null || request.owners().isEmpty() ? null
                        : request.owners(), "owners");
                owners.forEach(o -> {
                    parties.add(o);
                    roles.add("RIGHT_HOLDER");
                });
                content.put("reason", required(blankToNull(request.reason()), "reason"));
            }
            default -> throw new RuleViolationException(new Violation("businessType", "registration.type-unknown", type.code()));
        }
        return new Prefilled(filingCode, parties, roles, content);
    }

    /** What a transfer application from a filed sale carries without the applicant typing it (免填单), masked. */
    record TransferPreview(String filingCode, String unitCode, String location, String contractType, BigDecimal price,
            LocalDate signedOn, BigDecimal fee, List<PartyView> parties) {
    }

    /**
     * 免填单 shown before applying (互联网+不动产登记建设指南 二（一）4): the filed sale's unit, price and parties, to a citizen
     * who is one of its parties. To anyone else the contract is unknown, as one never filed, so that codes cannot be
     * probed.
     */
    @Transactional(readOnly = true)
    TransferPreview transferPreview(String filingCode) {
        String code = blankToNull(filingCode);
        if (code == null) {
            throw new RuleViolationException(new Violation("filingCode", "registration.filing-code-required", "TRANSFER"));
        }
        Caller caller = callers.get();
        String self = citizens.subjectIndexOf(caller).orElse(null);
        FiledContracts.FiledContract contract = filed.byFilingCode(code)
                .filter(c -> self != null && c.parties().stream().anyMatch(p -> cipher.blindIndex(p.idNumber()).equals(self)))
                .orElseThrow(() -> new RuleViolationException(new Violation("filingCode", "registration.contract-unknown", code)));
        if (!contract.isFiled()) {
            throw new RuleViolationException(new Violation("filingCode", "registration.contract-not-filed", code, contract.status()));
        }
        if (!contract.isSale()) {
            throw new RuleViolationException(new Violation("filingCode", "registration.contract-wrong-type", code,
                    contract.type().name(), "TRANSFER"));
        }
        UnitView unit = building.findUnitCityWide(contract.unitCode())
                .orElseThrow(() -> new RuleViolationException(new Violation("filingCode", "registration.unit-unknown", contract.unitCode())));
        boolean housing = unit.houseUse() != null && unit.houseUse().startsWith("1");
        List<PartyView> parties = new ArrayList<>();
        contract.second().forEach(p -> parties.add(new PartyView("RIGHT_HOLDER", p.name(), p.idType(), p.idNumber(), p.coOwnership(), p.share())));
        contract.first().forEach(p -> parties.add(new PartyView("OBLIGOR", p.name(), p.idType(), p.idNumber(), p.coOwnership(), p.share())));
        return new TransferPreview(contract.filingCode(), contract.unitCode(), unit.location(), contract.type().name(), contract.price(),
                contract.signedOn(), types.fee("TRANSFER", housing, 1).roundedToFen().yuan(), parties);
    }

    /**
     * 嘱托登记: a court's seizure or release, received from the restriction registry, becomes an application that goes
     * straight to the 登簿 queue of the unit's district (不动产登记暂行条例实施细则 第九十条: 人民法院要求不动产登记机构
     * 办理查封登记的，登记机构应当…办理). Idempotent by the order's key: a redelivered event changes nothing.
     */
    @Transactional
    void courtOrder(String businessType, String unitCode, String orderedBy, String orderKey, Map<String, Object> order) {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM registration_application WHERE content ->> 'orderKey' = ?)").param(orderKey)
                .query(Boolean.class).single()) {
            return;
        }
        BusinessTypes.BusinessType type = types.get(businessType);
        String district = RealEstateUnitCode.of(unitCode).countyCode();
        Map<String, Object> content = new LinkedHashMap<>(order);
        content.put("orderKey", orderKey);
        OffsetDateTime now = OffsetDateTime.now(CHINA);
        String applicationNo = nextNumber(district, now);
        jdbc.sql("""
                INSERT INTO registration_application (application_no, business_type, unit_code, district_code, channel,
                    submitted_by, status, content, certificates, fee, submitted_at, accepted_at, reviewed_at)
                VALUES (?, ?, ?, ?, 'PORT', ?, 'REVIEWED', ?::jsonb, 0, 0, ?, ?, ?)""")
                .params(applicationNo, type.code(), unitCode, district, orderedBy, write(content), now, now, now)
                .update();
        String instance = workflow.start(type.process(), applicationNo, Map.of("district", district, "applicationNo", applicationNo,
                "issuesCertificate", false));
        jdbc.sql("UPDATE registration_application SET process_instance_id = ? WHERE application_no = ?")
                .params(instance, applicationNo).update();
        progress(applicationNo, "嘱托", "REVIEWED", order.get("court") + " " + order.get("documentNo"), orderedBy);
        audit.record(AuditRecord.change("registration-court-order", "registration-application", applicationNo, null));
    }

    private FiledContracts.FiledContract contract(String type, String filingCode, String unitCode) {
        if (filingCode == null || filingCode.isBlank()) {
            throw new RuleViolationException(new Violation("filingCode", "registration.filing-code-required", type));
        }
        FiledContracts.FiledContract contract = filed.byFilingCode(filingCode.strip())
                .orElseThrow(() -> new RuleViolationException(new Violation("filingCode", "registration.contract-unknown", filingCode)));
        if (!contract.isFiled()) {
            throw new RuleViolationException(new Violation("filingCode", "registration.contract-not-filed", filingCode, contract.status()));
        }
        if (!contract.unitCode().equals(unitCode)) {
            throw new RuleViolationException(new Violation("filingCode", "registration.contract-other-unit", filingCode, contract.unitCode()));
        }
        boolean fits = switch (type) {
            case "TRANSFER" -> contract.isSale();
            // 预告登记 secures a buyer of a home sold before completion (民法典 第二百二十一条)
            case "PRE_NOTICE" -> contract.type() == ContractType.NEW_SALE;
            default -> contract.type() == ContractType.MORTGAGE;
        };
        if (!fits) {
            throw new RuleViolationException(new Violation("filingCode", "registration.contract-wrong-type", filingCode,
                    contract.type().name(), type));
        }
        return contract;
    }

    private static RegistrationRequest.Party party(FiledContracts.Party p) {
        return new RegistrationRequest.Party(p.idType(), p.idNumber(), p.name(), p.phone(), p.coOwnership(), p.share());
    }

    // ------------------------------------------------------------------------------------------------ 受理

    /**
     * 受理: accept, ask for 补正 listing exactly what is missing (一次性告知), or reject with the reason — each with its
     * notice. The machine checks run first and are kept; an application that fails a blocking check cannot be accepted.
     */
    // a refusal by the machine checks commits their report, and nothing else (nothing else was done before it)
    @Transactional(noRollbackFor = RefusedException.class)
    ApplicationView accept(String applicationNo, RegistrationRequest.Acceptance decision) {
        ApplicationAccess.Application application = lockForStaff(applicationNo, Status.SUBMITTED);
        MachineChecks.Report report = checks.run(application, MachineChecks.Step.ACCEPTANCE);
        Caller caller = callers.get();
        switch (decision.decision()) {
            case ACCEPT -> {
                if (!report.passed()) {
                    throw report.refusal();
                }
                workflow.complete(applicationNo, Workflow.ACCEPT, Map.of("acceptance", "ACCEPT"));
                setStatus(applicationNo, Status.ACCEPTED, "accepted_at");
                Notices.IssuedNotice notice = notices.issue(applicationNo, NoticeKind.ACCEPTANCE, List.of(), null);
                progress(applicationNo, "受理", "ACCEPTED", notice.noticeNo(), caller.actorId());
            }
            case SUPPLEMENT -> {
                List<String> items = new ArrayList<>(report.missingMaterials());
                if (decision.items() != null) {
                    decision.items().stream().map(String::strip).filter(i -> !items.contains(i)).forEach(items::add);
                }
                if (items.isEmpty()) {
                    throw new RuleViolationException(new Violation("items", "registration.supplement-nothing-missing"));
                }
                workflow.complete(applicationNo, Workflow.ACCEPT, Map.of("acceptance", "SUPPLEMENT"));
                setStatus(applicationNo, Status.SUPPLEMENT_REQUIRED, null);
                Notices.IssuedNotice notice = notices.issue(applicationNo, NoticeKind.SUPPLEMENT, items, decision.reason());
                progress(applicationNo, "受理", "SUPPLEMENT_REQUIRED", String.join("；", items) + "（" + notice.noticeNo() + "）",
                        caller.actorId());
            }
            case REJECT -> {
                String reason = blankToNull(decision.reason());
                if (reason == null) {
                    throw new RuleViolationException(new Violation("reason", "registration.reason-required"));
                }
                workflow.complete(applicationNo, Workflow.ACCEPT, Map.of("acceptance", "REJECT"));
                setStatus(applicationNo, Status.REJECTED, "completed_at");
                Notices.IssuedNotice notice = notices.issue(applicationNo, NoticeKind.REJECTION, List.of(), reason);
                progress(applicationNo, "受理", "REJECTED", reason + "（" + notice.noticeNo() + "）", caller.actorId());
            }
        }
        audit.record(AuditRecord.change("registration-accept", "registration-application", applicationNo, null));
        return view(applicationNo);
    }

    /** 补正完成: the applicant has handed in what was missing; the application goes back to acceptance. */
    @Transactional
    ApplicationView resubmit(String applicationNo) {
        access.visible(applicationNo);
        lock(applicationNo, Status.SUPPLEMENT_REQUIRED);
        workflow.resume(applicationNo);
        setStatus(applicationNo, Status.SUBMITTED, null);
        progress(applicationNo, "补正", "SUBMITTED", null, callers.get().actorId());
        audit.record(AuditRecord.change("registration-resubmit", "registration-application", applicationNo, null));
        return view(applicationNo);
    }

    // ------------------------------------------------------------------------------------------------ 审核

    /** 审核: approve for 登簿 — a transfer whose tax is not yet paid then waits for it (先税后证) — or refuse (不予登记). */
    @Transactional
    ApplicationView review(String applicationNo, RegistrationRequest.Review decision) {
        ApplicationAccess.Application application = lockForStaff(applicationNo, Status.ACCEPTED);
        Caller caller = callers.get();
        if (decision.decision() == RegistrationRequest.Review.Decision.REFUSE) {
            String opinion = blankToNull(decision.opinion());
            if (opinion == null) {
                throw new RuleViolationException(new Violation("opinion", "registration.reason-required"));
            }
            workflow.complete(applicationNo, Workflow.REVIEW, Map.of("review", "REFUSE"));
            setStatus(applicationNo, Status.REFUSED, "completed_at");
            Notices.IssuedNotice notice = notices.issue(applicationNo, NoticeKind.REJECTION, List.of(), opinion);
            progress(applicationNo, "审核", "REFUSED", opinion + "（" + notice.noticeNo() + "）", caller.actorId());
        } else {
            if (application.filingCode() != null) {
                checks.lockTaxOf(application.filingCode());
            }
            boolean taxPaid = checks.taxPaid(application.filingCode());
            workflow.complete(applicationNo, Workflow.REVIEW, Map.of("review", "APPROVE", "taxPaid", taxPaid));
            boolean waits = "TRANSFER".equals(application.businessType()) && !taxPaid;
            setStatus(applicationNo, waits ? Status.WAITING_FOR_TAX : Status.REVIEWED, "reviewed_at");
            progress(applicationNo, "审核", waits ? "WAITING_FOR_TAX" : "REVIEWED", blankToNull(decision.opinion()), caller.actorId());
        }
        audit.record(AuditRecord.change("registration-review", "registration-application", applicationNo, null));
        return view(applicationNo);
    }

    /**
     * 完税信息到达: every transfer of the contract waiting for its tax moves on to 登簿 by itself (先税后证; 互联网+
     * 不动产登记建设指南 三（一）3). Runs as the platform, after the tax bureau's transaction committed.
     */
    @Transactional
    void taxPaid(String filingCode) {
        checks.lockTaxOf(filingCode);
        List<String> waiting = jdbc.sql("""
                SELECT application_no FROM registration_application
                 WHERE filing_code = ? AND status = 'WAITING_FOR_TAX' ORDER BY application_no FOR UPDATE""")
                .param(filingCode).query(String.class).list();
        for (String applicationNo : waiting) {
            if (workflow.taxPaid(applicationNo)) {
                setStatus(applicationNo, Status.REVIEWED, null);
                progress(applicationNo, "完税", "REVIEWED", "已接收完税（减免税）信息", callers.get().actorId());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ 登簿

    /**
     * 登簿: the machine checks again (seizure, objection, tax paid, fees paid, materials complete …), all blocking; then
     * the register book entry with its certificate or proof number, the 楼盘表 and the restriction registry brought in
     * line, and {@link RightsRegistered} published.
     */
    @Transactional(noRollbackFor = RefusedException.class)
    ApplicationView register(String applicationNo) {
        ApplicationAccess.Application application = lockForStaff(applicationNo, Status.REVIEWED);
        MachineChecks.Report report = checks.run(application, MachineChecks.Step.REGISTRATION);
        if (!report.passed()) {
            throw report.refusal();
        }
        Caller caller = callers.get();
        BusinessTypes.BusinessType type = types.get(application.businessType());
        Registering.Registered registered = registering.register(application, type, content(applicationNo),
                parties(applicationNo), caller.actorId());
        workflow.complete(applicationNo, Workflow.REGISTER, Map.of());
        boolean done = type.certificate() == BusinessTypes.Certificate.NONE;
        jdbc.sql("""
                UPDATE registration_application SET status = ?, registered_at = ?, completed_at = ?, entry_seq = ?,
                       certificate_no = ?, version = version + 1
                 WHERE application_no = ?""")
                .params((done ? Status.COMPLETED : Status.REGISTERED).name(), registered.at(), done ? registered.at() : null,
                        registered.entry().seq(), registered.certificateNo(), applicationNo)
                .update();
        progress(applicationNo, "登簿", done ? "COMPLETED" : "REGISTERED", registered.certificateNo(), caller.actorId());
        audit.record(AuditRecord.change("registration-register", "registration-application", applicationNo, null));
        return view(applicationNo);
    }

    /** 缮证、发证: the electronic certificate or proof, signed; the application is done (办结). */
    @Transactional
    ApplicationView certify(String applicationNo) {
        ApplicationAccess.Application application = lockForStaff(applicationNo, Status.REGISTERED);
        Integer seq = jdbc.sql("SELECT entry_seq FROM registration_application WHERE application_no = ?").param(applicationNo)
                .query(Integer.class).single();
        Certificates.IssuedCertificate certificate = certificates.issue(applicationNo, application.unitCode(), seq);
        workflow.complete(applicationNo, Workflow.CERTIFY, Map.of());
        setStatus(applicationNo, Status.COMPLETED, "completed_at");
        progress(applicationNo, "发证", "COMPLETED", certificate.certificateNo(), callers.get().actorId());
        audit.record(AuditRecord.change("registration-certify", "registration-application", applicationNo, null));
        return withVerificationCode(view(applicationNo), certificate.verificationCode());
    }

    /** 缴费: the registration fee confirmed paid; checked at 登簿. */
    @Transactional
    ApplicationView pay(String applicationNo, RegistrationRequest.Payment payment) {
        access.forStaff(applicationNo);
        Map<String, Object> row = jdbc.sql("SELECT fee, fee_paid_at, status FROM registration_application WHERE application_no = ? FOR UPDATE")
                .param(applicationNo).query().singleRow();
        if (row.get("fee_paid_at") != null) {
            throw new ConflictException("registration.fee-already-paid", applicationNo);
        }
        BigDecimal fee = (BigDecimal) row.get("fee");
        if (payment.amount().compareTo(fee) != 0) {
            throw new RuleViolationException(new Violation("amount", "registration.fee-amount", fee.toPlainString(),
                    payment.amount().toPlainString()));
        }
        return feePaid(applicationNo, fee, payment.paymentReference().strip(), fee.toPlainString() + " 元");
    }

    /**
     * 网上缴费 as the demo stands in for it: the applicant pays the fee due from the portal, with no payment platform
     * behind it. Only when {@code tongban.registration.demo-payments} is on ({@link DemoPayments}), only for the one who
     * submitted the application; anyone else who may see it is refused, to everyone else it does not exist.
     */
    @Transactional
    ApplicationView payDemo(String applicationNo) {
        ApplicationAccess.Application application = access.visible(applicationNo);
        if (!callers.get().actorId().equals(application.submittedBy())) {
            throw new ForbiddenException("registration.demo-payment-applicant-only", applicationNo);
        }
        Map<String, Object> row = jdbc.sql("SELECT fee, fee_paid_at FROM registration_application WHERE application_no = ? FOR UPDATE")
                .param(applicationNo).query().singleRow();
        if (row.get("fee_paid_at") != null) {
            throw new ConflictException("registration.fee-already-paid", applicationNo);
        }
        BigDecimal fee = (BigDecimal) row.get("fee");
        return feePaid(applicationNo, fee, "DEMO-" + applicationNo, fee.toPlainString() + " 元（演示缴费）");
    }

    private ApplicationView feePaid(String applicationNo, BigDecimal fee, String reference, String note) {
        OffsetDateTime now = OffsetDateTime.now(CHINA);
        jdbc.sql("UPDATE registration_application SET fee_paid_at = ?, content = content || jsonb_build_object('paymentReference', ?::text), "
                + "version = version + 1 WHERE application_no = ?").params(now, reference, applicationNo).update();
        progress(applicationNo, "缴费", "PAID", note, callers.get().actorId());
        audit.record(AuditRecord.change("registration-fee", "registration-application", applicationNo, null));
        return view(applicationNo);
    }

    // ------------------------------------------------------------------------------------------------ reads

    /**
     * The application with its progress, checks and parties (办理进度查询, 二（一）5). Read in one snapshot: the BPMN task
     * and the application's row are separate reads, and a step committing between them (the tax record arriving) would
     * otherwise show the new status with the old task.
     */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    ApplicationView view(String applicationNo) {
        access.visible(applicationNo);
        return load(applicationNo);
    }

    private ApplicationView load(String applicationNo) {
        List<PartyView> parties = parties(applicationNo).stream()
                .map(p -> new PartyView(p.role(), p.party().name(), p.party().idType(), p.party().idNumber(), p.party().coOwnership(),
                        p.party().share()))
                .toList();
        List<ProgressView> progress = jdbc.sql("""
                SELECT step, outcome, note, actor, at FROM registration_progress WHERE application_no = ? ORDER BY id""")
                .param(applicationNo)
                .query((rs, n) -> new ProgressView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).atZoneSameInstant(CHINA).toOffsetDateTime()))
                .list();
        Optional<MachineChecks.Report> latest = checks.latest(applicationNo);
        String step = workflow.currentTask(applicationNo).orElse(null);
        String unitCode = jdbc.sql("SELECT unit_code FROM registration_application WHERE application_no = ?").param(applicationNo)
                .query(String.class).single();
        String location = building.findUnitCityWide(unitCode).map(UnitView::location).orElse(null);
        return jdbc.sql("SELECT * FROM registration_application WHERE application_no = ?").param(applicationNo)
                .query((rs, n) -> {
                    BusinessTypes.BusinessType type = types.get(rs.getString("business_type"));
                    Map<String, Object> content = read(rs.getString("content"));
                    OffsetDateTime submitted = time(rs, "submitted_at");
                    return new ApplicationView(applicationNo, type.code(), type.name(), unitCode, location,
                            rs.getString("district_code"), rs.getString("filing_code"), rs.getString("channel"),
                            Status.valueOf(rs.getString("status")), step, content, rs.getBigDecimal("fee"), time(rs, "fee_paid_at"),
                            rs.getInt("hall_visits"), submitted, time(rs, "accepted_at"), time(rs, "reviewed_at"),
                            time(rs, "registered_at"), time(rs, "completed_at"),
                            WorkingDays.after(submitted.toLocalDate(), type.timeLimitDays()),
                            (Integer) rs.getObject("entry_seq"), rs.getString("certificate_no"), null, parties, progress,
                            latest.orElse(null), latest.map(MachineChecks.Report::missingMaterials).orElse(List.of()));
                })
                .single();
    }

    /** The caller's own applications: a citizen's as a party, a system's as submitter, newest first. */
    @Transactional(readOnly = true)
    List<Summary> mine(int limit) {
        Caller caller = callers.get();
        String index = caller.kind() == ActorKind.CITIZEN ? citizens.subjectIndexOf(caller).orElse("") : "";
        return jdbc.sql("""
                SELECT application_no, business_type, unit_code, district_code, channel, status, submitted_at
                  FROM registration_application a
                 WHERE submitted_by = ? OR EXISTS (SELECT 1 FROM registration_party p
                                                    WHERE p.application_no = a.application_no AND p.id_number_index = ?)
                 ORDER BY submitted_at DESC LIMIT ?""")
                .params(caller.actorId(), index, limit).query(Registrations::summary).list();
    }

    /** 待办: the applications waiting at a step, for the registrars of the caller's districts, oldest first. */
    @Transactional(readOnly = true)
    List<Summary> queue(String step, int page, int size) {
        Caller caller = callers.get();
        List<String> groups = caller.allDistricts()
                ? jdbc.sql("SELECT DISTINCT 'registrar:' || district_code FROM registration_application").query(String.class).list()
                : caller.districts().stream().map(d -> "registrar:" + d).toList();
        List<String> instances = workflow.queue(step, groups, page * size, size);
        if (instances.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT application_no, business_type, unit_code, district_code, channel, status, submitted_at
                  FROM registration_application WHERE process_instance_id = ANY(?) ORDER BY array_position(?, process_instance_id)""")
                .params(instances.toArray(String[]::new), instances.toArray(String[]::new)).query(Registrations::summary).list();
    }

    /** The view with the verification code of the certificate just issued, for the answer to 缮证. */
    private static ApplicationView withVerificationCode(ApplicationView view, String code) {
        return new ApplicationView(view.applicationNo(), view.businessType(), view.businessTypeName(), view.unitCode(), view.location(),
                view.districtCode(), view.filingCode(), view.channel(), view.status(), view.currentStep(), view.content(), view.fee(),
                view.feePaidAt(), view.hallVisits(), view.submittedAt(), view.acceptedAt(), view.reviewedAt(), view.registeredAt(),
                view.completedAt(), view.dueOn(), view.entrySeq(), view.certificateNo(), code, view.parties(), view.progress(),
                view.latestChecks(), view.missingMaterials());
    }

    // ------------------------------------------------------------------------------------------------ parts

    /** A party with its role, in clear. */
    record StoredParty(String role, RegistrationRequest.Party party) {
    }

    List<StoredParty> parties(String applicationNo) {
        return jdbc.sql("""
                SELECT role, id_type, id_number_sealed, name_sealed, phone_sealed, co_ownership, share
                  FROM registration_party WHERE application_no = ? ORDER BY position""")
                .param(applicationNo)
                .query((rs, n) -> new StoredParty(rs.getString(1), new RegistrationRequest.Party(rs.getString(2),
                        cipher.decrypt(rs.getString(3)), cipher.decrypt(rs.getString(4)), cipher.decrypt(rs.getString(5)),
                        rs.getString(6), rs.getString(7))))
                .list();
    }

    Map<String, Object> content(String applicationNo) {
        return read(jdbc.sql("SELECT content::text FROM registration_application WHERE application_no = ?").param(applicationNo)
                .query(String.class).single());
    }

    private void insertParties(String applicationNo, List<RegistrationRequest.Party> parties, List<String> roles) {
        for (int i = 0; i < parties.size(); i++) {
            RegistrationRequest.Party p = parties.get(i);
            String idNumber = PersonalDataCipher.normaliseIdNumber(p.idNumber());
            jdbc.sql("""
                    INSERT INTO registration_party (application_no, position, role, id_type, id_number_sealed, id_number_index,
                                                    name_sealed, phone_sealed, co_ownership, share)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(applicationNo, i + 1, roles.get(i), p.idType(), cipher.encrypt(idNumber), cipher.blindIndex(idNumber),
                            cipher.encrypt(p.name().strip()), cipher.encrypt(p.phone()), p.coOwnership(), p.share())
                    .update();
        }
    }

    /** Locks the application for a registrar's step and checks it is at the step's status. */
    private ApplicationAccess.Application lockForStaff(String applicationNo, Status expected) {
        Caller caller = callers.get();
        if (!caller.has(Permissions.REGISTRATION_HANDLE)) {
            throw new ForbiddenException("registration.handle-not-permitted");
        }
        ApplicationAccess.Application application = access.forStaff(applicationNo);
        lock(applicationNo, expected);
        return application;
    }

    private void lock(String applicationNo, Status expected) {
        String status = jdbc.sql("SELECT status FROM registration_application WHERE application_no = ? FOR UPDATE")
                .param(applicationNo).query(String.class).single();
        if (!expected.name().equals(status)) {
            throw new ConflictException("registration.wrong-status", applicationNo, status, expected.name());
        }
    }

    private void setStatus(String applicationNo, Status status, String timeColumn) {
        String time = timeColumn == null ? "" : ", " + timeColumn + " = now()";
        jdbc.sql("UPDATE registration_application SET status = ?, version = version + 1" + time + " WHERE application_no = ?")
                .params(status.name(), applicationNo).update();
    }

    /** Records the step in the application's progress and publishes it (二（一）5: 实时反馈办理进度). */
    void progress(String applicationNo, String step, String outcome, String note, String actor) {
        OffsetDateTime now = OffsetDateTime.now(CHINA);
        long id = jdbc.sql("""
                INSERT INTO registration_progress (application_no, step, outcome, note, actor, at) VALUES (?, ?, ?, ?, ?, ?)
                RETURNING id""").params(applicationNo, step, outcome, note, actor, now).query(Long.class).single();
        Map<String, Object> application = jdbc.sql("""
                SELECT business_type, unit_code, district_code FROM registration_application WHERE application_no = ?""")
                .param(applicationNo).query().singleRow();
        events.publishEvent(new RegistrationProgressed(id, applicationNo, (String) application.get("business_type"),
                (String) application.get("unit_code"), ((String) application.get("district_code")).strip(), step, outcome, now));
    }

    /** 申请编号: DJ, the district, the day and a running number. */
    private String nextNumber(String districtCode, OffsetDateTime now) {
        long n = jdbc.sql("SELECT nextval('registration_application_seq')").query(Long.class).single();
        return "DJ" + districtCode + DAY.format(now) + "%06d".formatted(n % 1_000_000);
    }

    private BusinessTypes.BusinessType knownType(String code) {
        try {
            return types.get(code);
        } catch (cn.tongban.kernel.NotFoundException e) {
            throw new RuleViolationException(new Violation("businessType", "registration.type-unknown", code));
        }
    }

    private static String unitCode(String code) {
        try {
            return RealEstateUnitCode.of(code).value();
        } catch (cn.tongban.kernel.InvalidValueException e) {
            throw new RuleViolationException(e.at("unitCode"));
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new RuleViolationException(new Violation(field, "registration.required"));
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String channelName(String channel) {
        return switch (channel) {
            case "ONLINE" -> "网上申请";
            case "PORT" -> "延伸端口申请";
            default -> "窗口申请";
        };
    }

    private static Summary summary(ResultSet rs, int n) throws SQLException {
        return new Summary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Status.valueOf(rs.getString(6)), time(rs, "submitted_at"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(CHINA).toOffsetDateTime();
    }

    private String write(Object value) {
        return JsonText.write(json, value);
    }

    private Map<String, Object> read(String text) {
        return JsonText.map(json, text);
    }
}
