package cn.tongban.filing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.building.BuildingTable;
import cn.tongban.building.StatusAspect;
import cn.tongban.building.TradeStatus;
import cn.tongban.building.UnitView;
import cn.tongban.dictionary.Dictionaries;
import cn.tongban.dictionary.DictionaryTypes;
import cn.tongban.identity.Caller;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.kernel.CitizenIdNumber;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.IdNumbers;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.RefusedException;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.UnifiedSocialCreditCode;
import cn.tongban.kernel.Violation;
import cn.tongban.kernel.crypto.PersonalDataCipher;

/**
 * 网签备案: verifies a contract, files it with a filing code and marks the unit 已备案 in the same transaction
 * (建房规〔2020〕4号 三（九）即时备案), never twice for one unit while a sale filing is live (三（十一）).
 */
@Service
class Contracts {

    /** 交易者证件名称 01 居民身份证, 02 统一社会信用代码证. */
    private static final String ID_CARD = "01";
    private static final String CREDIT_CODE = "02";
    /** 共有方式 01 单独所有, 03 按份共有. */
    private static final String SOLE = "01";
    private static final String BY_SHARES = "03";
    private static final BigDecimal PRICE_CEILING = new BigDecimal("1e10");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final BuildingTable buildingTable;
    private final Verification verification;
    private final PersonalDataCipher cipher;
    private final Dictionaries dictionaries;
    private final CurrentCaller callers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;

    Contracts(JdbcClient jdbc, BuildingTable buildingTable, Verification verification, PersonalDataCipher cipher,
            Dictionaries dictionaries, CurrentCaller callers, AuditLog audit, ApplicationEventPublisher events,
            ObjectMapper json, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.buildingTable = buildingTable;
        this.verification = verification;
        this.cipher = cipher;
        this.dictionaries = dictionaries;
        this.callers = callers;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.transactions = transactions;
    }

    /** The outcome of a filing request: the contract, and whether this request created it. */
    record Filed(ContractView contract, boolean replayed) {
    }

    /**
     * Files the contract, or answers what this caller's earlier request with the same idempotency key filed.
     *
     * @throws RefusedException  if a verification rule fails (the report is kept)
     * @throws ConflictException if the unit is under a live sale filing, naming it, or the key was used for another body
     */
    Filed file(ContractRequest request, String idempotencyKey) {
        Caller caller = callers.get();
        String digest = digest(request);
        if (idempotencyKey != null) {
            Optional<Filed> earlier = replay(caller, idempotencyKey, digest);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        List<String> sellers = idNumbers(request.sellers(), "sellers");
        List<String> buyers = idNumbers(request.buyers(), "buyers");
        checkTerms(request);
        try {
            return transactions.execute(status -> new Filed(fileChecked(request, idempotencyKey, digest, caller, sellers, buyers), false));
        } catch (DuplicateKeyException e) {
            // another filing of the unit committed first (the partial unique index), or the same key raced
            if (idempotencyKey != null) {
                Optional<Filed> earlier = replay(caller, idempotencyKey, digest);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            throw liveFilingOf(request.unitCode()).orElseThrow(() -> e);
        }
    }

    private ContractView fileChecked(ContractRequest request, String key, String digest, Caller caller, List<String> sellers,
            List<String> buyers) {
        UnitView unit = buildingTable.findUnit(request.unitCode()).orElseThrow(() -> new NotFoundException("unit", request.unitCode()));
        if (request.type().isSale()) {
            Optional<ConflictException> live = liveFilingOf(unit.unitCode());
            if (live.isPresent()) {
                throw live.get();
            }
        }
        VerificationReport report = verification.verify(request, unit, sellers, buyers, liveBuyers(unit.unitCode()), caller);
        if (report.refused()) {
            recordRefusal(unit.unitCode(), caller.actorId(), report);
            List<Violation> failed = report.checks().stream().filter(c -> c.result() == VerificationReport.Result.FAIL)
                    .map(c -> new Violation(c.field(), "verification." + c.rule(), c.reason())).toList();
            throw new RefusedException(failed, report);
        }
        String filingCode = "%s-%d-%s-%08d".formatted(unit.districtCode(), request.signedOn().getYear(), request.type().code(),
                jdbc.sql("SELECT nextval('filing_code_seq')").query(Long.class).single());
        OffsetDateTime filedAt = OffsetDateTime.now(CHINA);
        long id = jdbc.sql("""
                INSERT INTO contract (filing_code, type, status, unit_code, district_code, project_id, price, payment_type, loan_type,
                                      signed_on, unit_snapshot, filed_at, filed_by, department_code, idempotency_key, request_digest)
                VALUES (?, ?, 'FILED', ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) RETURNING id""")
                .params(filingCode, request.type().name(), unit.unitCode(), unit.districtCode(), unit.projectId(),
                        request.price(), request.paymentType(), request.loanType(), request.signedOn(), write(snapshot(unit)),
                        filedAt, caller.actorId(), caller.departmentCode(), key, digest)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO contract_version (contract_id, version_no, change, terms, changed_by) VALUES (?, 1, 'FILED', ?::jsonb, ?)")
                .params(id, write(ContractChanges.terms(request.price(), request.paymentType(), request.loanType())), caller.actorId())
                .update();
        parties(id, firstRole(request.type()), request.sellers(), sellers);
        parties(id, secondRole(request.type()), request.buyers(), buyers);
        jdbc.sql("INSERT INTO contract_verification (contract_id, unit_code, attempted_by, outcome, checks) VALUES (?, ?, ?, 'FILED', ?::jsonb)")
                .params(id, unit.unitCode(), caller.actorId(), write(report)).update();
        if (request.type().isSale()) {
            // 即时备案 … 在楼盘表中自动更新房屋交易状况信息
            buildingTable.changeStatus(unit.unitCode(), StatusAspect.TRADE_STATUS, TradeStatus.FILED.name(), "网签备案",
                    filingCode, caller.actorId(), null);
        }
        for (String party : concat(sellers, buyers)) {
            audit.record(AuditRecord.change("file", "contract", filingCode, cipher.blindIndex(party)));
        }
        events.publishEvent(new ContractFiled(filingCode, request.type(), unit.unitCode(), unit.districtCode(), request.price(),
                request.signedOn(), filedAt));
        return get(filingCode);
    }

    /** 出卖人, 出租人 or 抵押人. */
    static String firstRole(ContractType type) {
        return switch (type) {
            case NEW_SALE, EXISTING_SALE -> "SELLER";
            case LEASE -> "LANDLORD";
            case MORTGAGE -> "MORTGAGOR";
        };
    }

    /** 买受人, 承租人 or 抵押权人. */
    static String secondRole(ContractType type) {
        return switch (type) {
            case NEW_SALE, EXISTING_SALE -> "BUYER";
            case LEASE -> "TENANT";
            case MORTGAGE -> "MORTGAGEE";
        };
    }

    /** The refused attempt's report outlives the refusal: it is written in a transaction of its own. */
    private void recordRefusal(String unitCode, String actor, VerificationReport report) {
        TransactionTemplate own = new TransactionTemplate(transactions.getTransactionManager());
        own.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        own.executeWithoutResult(status -> jdbc.sql(
                        "INSERT INTO contract_verification (unit_code, attempted_by, outcome, checks) VALUES (?, ?, 'REFUSED', ?::jsonb)")
                .params(unitCode, actor, write(report)).update());
    }

    /** The contract, if the caller may see its unit. */
    @Transactional(readOnly = true)
    ContractView get(String filingCode) {
        ContractView contract = jdbc.sql("SELECT * FROM contract WHERE filing_code = ?").param(filingCode)
                .query(this::contract).optional().orElseThrow(() -> new NotFoundException("contract", filingCode));
        if (buildingTable.findUnit(contract.unitCode()).isEmpty()) {
            throw new NotFoundException("contract", filingCode);
        }
        return contract;
    }

    /** One row of a contract search. */
    record Summary(String filingCode, ContractType type, String status, String unitCode, String districtCode, BigDecimal price,
            java.time.LocalDate signedOn, OffsetDateTime filedAt) {
    }

    /** Search filters; all optional. {@code idNumber} is searched through its blind index, never stored. */
    record Filter(String unitCode, String idNumber, Long projectId, java.time.LocalDate signedFrom, java.time.LocalDate signedTo,
            String status) {
    }

    /**
     * Contracts the caller may see: an enterprise those it filed, district staff their districts', city-wide staff all.
     */
    @Transactional(readOnly = true)
    cn.tongban.kernel.Page<Summary> search(Filter filter, cn.tongban.kernel.PageRequest page) {
        Caller caller = callers.get();
        StringBuilder where = new StringBuilder(" WHERE ");
        List<Object> args = new ArrayList<>();
        if (caller.isEnterprise()) {
            where.append("c.department_code = ?");
            args.add(String.valueOf(caller.departmentCode()));
        } else if (caller.allDistricts()) {
            where.append("TRUE");
        } else {
            where.append("c.district_code = ANY(?)");
            args.add(caller.districts().toArray(String[]::new));
        }
        if (filter.unitCode() != null) {
            where.append(" AND c.unit_code = ?");
            args.add(filter.unitCode());
        }
        if (filter.idNumber() != null && !filter.idNumber().isBlank()) {
            String index = cipher.blindIndex(IdNumbers.normalise(filter.idNumber()));
            where.append(" AND c.id IN (SELECT contract_id FROM contract_party WHERE id_number_index = ?)");
            args.add(index);
            audit.record(AuditRecord.read("contract-search", null, index));
        }
        if (filter.projectId() != null) {
            where.append(" AND c.project_id = ?");
            args.add(filter.projectId());
        }
        if (filter.signedFrom() != null) {
            where.append(" AND c.signed_on >= ?");
            args.add(filter.signedFrom());
        }
        if (filter.signedTo() != null) {
            where.append(" AND c.signed_on <= ?");
            args.add(filter.signedTo());
        }
        if (filter.status() != null) {
            where.append(" AND c.status = ?");
            args.add(filter.status());
        }
        long total = jdbc.sql("SELECT count(*) FROM contract c" + where).params(args).query(Long.class).single();
        List<Summary> items = jdbc.sql("SELECT * FROM contract c" + where + " ORDER BY c.filed_at DESC, c.id DESC LIMIT "
                        + page.size() + " OFFSET " + page.offset())
                .params(args)
                .query((rs, n) -> new Summary(rs.getString("filing_code"), ContractType.valueOf(rs.getString("type")),
                        rs.getString("status"), rs.getString("unit_code"), rs.getString("district_code"), rs.getBigDecimal("price"),
                        rs.getObject("signed_on", java.time.LocalDate.class),
                        rs.getObject("filed_at", OffsetDateTime.class).atZoneSameInstant(CHINA).toOffsetDateTime()))
                .list();
        return new cn.tongban.kernel.Page<>(items, page.page(), page.size(), total);
    }

    /** The blind indexes of the buyers under the unit's live sale filing: they may mortgage it before registration. */
    private java.util.Set<String> liveBuyers(String unitCode) {
        return new java.util.HashSet<>(jdbc.sql("""
                SELECT p.id_number_index FROM contract c JOIN contract_party p ON p.contract_id = c.id
                 WHERE c.unit_code = ? AND c.status = 'FILED' AND c.type IN ('NEW_SALE', 'EXISTING_SALE') AND p.role = 'BUYER'""")
                .param(unitCode).query(String.class).list());
    }

    private Optional<ConflictException> liveFilingOf(String unitCode) {
        return jdbc.sql("SELECT filing_code FROM contract WHERE unit_code = ? AND status = 'FILED' AND type IN ('NEW_SALE', 'EXISTING_SALE')")
                .param(unitCode).query(String.class).optional()
                .map(code -> new ConflictException("contract.unit-already-filed", code));
    }

    private Optional<Filed> replay(Caller caller, String key, String digest) {
        return jdbc.sql("SELECT filing_code, request_digest FROM contract WHERE filed_by = ? AND idempotency_key = ?")
                .params(caller.actorId(), key)
                .query((rs, n) -> {
                    if (!digest.equals(rs.getString("request_digest"))) {
                        throw new ConflictException("contract.idempotency-key-reused", key);
                    }
                    return rs.getString("filing_code");
                })
                .optional().map(code -> new Filed(get(code), true));
    }

    /** The parties' identifiers, normalised and checked by their kind; refused by field when malformed. */
    private List<String> idNumbers(List<ContractRequest.Party> parties, String role) {
        List<String> numbers = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < parties.size(); i++) {
            ContractRequest.Party party = parties.get(i);
            String field = role + "[" + i + "].";
            try {
                dictionaries.require(DictionaryTypes.PARTY_ID_TYPE, party.idType());
            } catch (InvalidValueException e) {
                violations.add(e.at(field + "idType"));
                continue;
            }
            try {
                numbers.add(switch (party.idType()) {
                    case ID_CARD -> CitizenIdNumber.of(party.idNumber()).value();
                    case CREDIT_CODE -> UnifiedSocialCreditCode.of(party.idNumber()).value();
                    default -> PersonalDataCipher.normaliseIdNumber(party.idNumber());
                });
            } catch (InvalidValueException e) {
                violations.add(e.at(field + "idNumber"));
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return numbers;
    }

    /** Price, dictionaries and the buyers' shares: 按份共有 shares are exact fractions adding up to 1 (民法典 第二百九十八条). */
    private void checkTerms(ContractRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (request.price().signum() <= 0 || request.price().compareTo(PRICE_CEILING) >= 0) {
            violations.add(new Violation("price", "contract.price-range"));
        } else if (request.price().scale() > 2) {
            violations.add(new Violation("price", "contract.price-fen"));
        }
        if (request.type() == ContractType.LEASE) {
            if (request.startOn() == null) {
                violations.add(new Violation("startOn", "contract.lease-start-required"));
            }
            if (request.endOn() == null) {
                violations.add(new Violation("endOn", "contract.lease-end-required"));
            } else if (request.startOn() != null && !request.endOn().isAfter(request.startOn())) {
                violations.add(new Violation("endOn", "contract.end-before-start"));
            } else if (request.startOn() != null && request.endOn().isAfter(request.startOn().plusYears(20).minusDays(1))) {
                // 民法典 第七百零五条: 租赁期限不得超过二十年。超过二十年的，超过部分无效
                violations.add(new Violation("endOn", "contract.lease-term"));
            }
        }
        if (request.type() == ContractType.MORTGAGE && (request.endOn() == null || !request.endOn().isAfter(request.signedOn()))) {
            violations.add(new Violation("endOn", "contract.mortgage-end"));
        }
        code(DictionaryTypes.PAYMENT_TYPE, request.paymentType(), "paymentType", violations);
        code(DictionaryTypes.LOAN_TYPE, request.loanType(), "loanType", violations);
        List<ContractRequest.Party> buyers = request.type().isSale() ? request.buyers() : List.of();
        BigInteger numerator = BigInteger.ZERO;
        BigInteger denominator = BigInteger.ONE;
        for (int i = 0; i < buyers.size(); i++) {
            ContractRequest.Party buyer = buyers.get(i);
            String field = "buyers[" + i + "].";
            String ownership = buyer.coOwnership() == null ? (buyers.size() == 1 ? SOLE : null) : buyer.coOwnership();
            if (ownership == null) {
                violations.add(new Violation(field + "coOwnership", "contract.co-ownership-required"));
                continue;
            }
            if (!code(DictionaryTypes.CO_OWNERSHIP, ownership, field + "coOwnership", violations)) {
                continue;
            }
            if (SOLE.equals(ownership) && buyers.size() > 1) {
                violations.add(new Violation(field + "coOwnership", "contract.sole-with-others"));
            }
            if (BY_SHARES.equals(ownership)) {
                BigInteger[] share = fraction(buyer.share());
                if (share == null) {
                    violations.add(new Violation(field + "share", "contract.share-format", String.valueOf(buyer.share())));
                } else {
                    numerator = numerator.multiply(share[1]).add(share[0].multiply(denominator));
                    denominator = denominator.multiply(share[1]);
                }
            }
        }
        boolean byShares = buyers.stream().anyMatch(b -> BY_SHARES.equals(b.coOwnership()));
        if (byShares && violations.isEmpty() && !numerator.equals(denominator)) {
            violations.add(new Violation("buyers", "contract.shares-sum", numerator.divide(numerator.gcd(denominator)) + "/"
                    + denominator.divide(numerator.gcd(denominator))));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
    }

    private boolean code(String type, String value, String field, List<Violation> violations) {
        if (value == null) {
            return true;
        }
        try {
            dictionaries.require(type, value);
            return true;
        } catch (InvalidValueException e) {
            violations.add(e.at(field));
            return false;
        }
    }

    /** {@code 1/3} as numerator and denominator, both positive; null if not such a fraction. */
    private static BigInteger[] fraction(String text) {
        if (text == null || !text.strip().matches("[1-9][0-9]{0,8}/[1-9][0-9]{0,8}")) {
            return null;
        }
        String[] parts = text.strip().split("/");
        BigInteger numerator = new BigInteger(parts[0]);
        BigInteger denominator = new BigInteger(parts[1]);
        return numerator.compareTo(denominator) > 0 ? null : new BigInteger[] {numerator, denominator};
    }

    private void parties(long contractId, String role, List<ContractRequest.Party> parties, List<String> idNumbers) {
        for (int i = 0; i < parties.size(); i++) {
            ContractRequest.Party party = parties.get(i);
            BigInteger[] share = fraction(party.share());
            jdbc.sql("""
                    INSERT INTO contract_party (contract_id, role, position, id_type, id_number_sealed, id_number_index, name_sealed,
                                                phone_sealed, co_ownership, share_numerator, share_denominator)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(contractId, role, i, party.idType(), cipher.encrypt(idNumbers.get(i)), cipher.blindIndex(idNumbers.get(i)),
                            cipher.encrypt(party.name().strip()), cipher.encrypt(party.phone()),
                            party.coOwnership() == null && "BUYER".equals(role) && parties.size() == 1 ? SOLE : party.coOwnership(),
                            share == null ? null : share[0].intValueExact(), share == null ? null : share[1].intValueExact())
                    .update();
        }
    }

    private ContractView contract(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<ContractView.PartyView> sellers = new ArrayList<>();
        List<ContractView.PartyView> buyers = new ArrayList<>();
        jdbc.sql("SELECT * FROM contract_party WHERE contract_id = ? ORDER BY role, position").param(id).query((p, n) -> {
            ContractView.PartyView party = new ContractView.PartyView(p.getString("id_type"), cipher.decrypt(p.getString("id_number_sealed")),
                    cipher.decrypt(p.getString("name_sealed")), cipher.decrypt(p.getString("phone_sealed")), p.getString("co_ownership"),
                    p.getObject("share_numerator") == null ? null : p.getInt("share_numerator") + "/" + p.getInt("share_denominator"));
            (List.of("SELLER", "LANDLORD", "MORTGAGOR").contains(p.getString("role")) ? sellers : buyers).add(party);
            audit.record(AuditRecord.read("contract-party", rs.getString("filing_code"), p.getString("id_number_index")));
            return party;
        }).list();
        VerificationReport report = jdbc.sql("SELECT checks FROM contract_verification WHERE contract_id = ? ORDER BY id DESC LIMIT 1")
                .param(id).query(String.class).optional().map(this::report).orElse(null);
        return new ContractView(rs.getString("filing_code"), ContractType.valueOf(rs.getString("type")), rs.getString("status"),
                rs.getString("unit_code"), rs.getString("district_code"), rs.getBigDecimal("price"), rs.getString("payment_type"),
                rs.getString("loan_type"), rs.getObject("signed_on", java.time.LocalDate.class),
                rs.getObject("filed_at", OffsetDateTime.class).atZoneSameInstant(CHINA).toOffsetDateTime(), rs.getString("filed_by"),
                rs.getLong("version"), read(rs.getString("unit_snapshot")), sellers, buyers, report);
    }

    /** What the 楼盘表 says of the unit at filing: the contract keeps it, whatever changes later. */
    private static Map<String, Object> snapshot(UnitView unit) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("location", unit.location());
        snapshot.put("floor", unit.floor());
        snapshot.put("roomNo", unit.roomNo());
        snapshot.put("buildingArea", unit.buildingArea());
        snapshot.put("innerArea", unit.innerArea());
        snapshot.put("sharedArea", unit.sharedArea());
        snapshot.put("houseUse", unit.houseUse());
        snapshot.put("landUse", unit.landUse());
        snapshot.put("houseNature", unit.houseNature());
        snapshot.put("houseType", unit.houseType());
        snapshot.put("houseState", unit.houseState());
        snapshot.put("orientation", unit.orientation());
        return snapshot;
    }

    /** A keyed digest of the request (it holds personal data): tells a replay from another body under the same key. */
    private String digest(ContractRequest request) {
        return cipher.blindIndex(write(request));
    }

    private String write(Object value) {
        return FilingJson.write(json, value);
    }

    private Map<String, Object> read(String text) {
        return FilingJson.read(json, text);
    }

    private VerificationReport report(String text) {
        return FilingJson.read(json, text, new TypeReference<VerificationReport>() {
        });
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
