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
            throw liveSaleOf(request.unitCode()).map(LiveSale::conflict).orElseThrow(() -> e);
        }
    }

    /**
     * 核验试算: the checks a filing of this request would run now, without filing anything — no contract, no kept
     * report, no change of the unit — so that the parties see them while they fill in the contract
     * (建房规〔2020〕4号 二（五）、（六）: 自动核验).
     *
     * @throws RuleViolationException if a party's identifier, the price or the shares are malformed, as for a filing
     * @throws ConflictException      if the unit is under a live sale filing, naming it
     */
    @Transactional(readOnly = true)
    VerificationReport verify(ContractRequest request) {
        Caller caller = callers.get();
        List<String> sellers = idNumbers(request.sellers(), "sellers");
        List<String> buyers = idNumbers(request.buyers(), "buyers");
        checkTerms(request);
        return checked(request, caller, sellers, buyers).report();
    }

    /** The unit and the report of its checks. */
    private record Checked(UnitView unit, VerificationReport report) {
    }

    /** The unit in the caller's scope, not under a live sale filing, and the checks of filing this request on it. */
    private Checked checked(ContractRequest request, Caller caller, List<String> sellers, List<String> buyers) {
        UnitView unit = buildingTable.findUnit(request.unitCode()).orElseThrow(() -> new NotFoundException("unit", request.unitCode()));
        Optional<LiveSale> live = liveSaleOf(unit.unitCode());
        if (request.type().isSale() && live.isPresent()) {
            throw live.get().conflict();
        }
        return new Checked(unit, verification.verify(request, unit, sellers, buyers,
                live.map(LiveSale::buyerIndexes).orElse(java.util.Set.of()), caller));
    }

    private ContractView fileChecked(ContractRequest request, String key, String digest, Caller caller, List<String> sellers,
            List<String> buyers) {
        // Every statement here runs in every filing, the busiest write of the platform: the unit, its live sale
        // filing and each restriction are asked once, all rows of the contract go in one statement, and the answer
        // is built from what was written instead of read back.
        Checked checked = checked(request, caller, sellers, buyers);
        UnitView unit = checked.unit();
        VerificationReport report = checked.report();
        if (report.refused()) {
            recordRefusal(unit.unitCode(), caller.actorId(), report);
            List<Violation> failed = report.checks().stream().filter(c -> c.result() == VerificationReport.Result.FAIL)
                    .map(c -> new Violation(c.field(), "verification." + c.rule(), c.reason())).toList();
            throw new RefusedException(failed, report);
        }
        OffsetDateTime filedAt = OffsetDateTime.now(CHINA).truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as stored
        Map<String, Object> snapshot = snapshot(unit);
        List<ContractRequest.Party> all = new ArrayList<>(request.sellers());
        all.addAll(request.buyers());
        List<String> numbers = concat(sellers, buyers);
        int n = all.size();
        String[] roles = new String[n];
        Integer[] positions = new Integer[n];
        String[] idTypes = new String[n];
        String[] sealedIds = new String[n];
        String[] indexes = new String[n];
        String[] names = new String[n];
        String[] phones = new String[n];
        String[] coOwnerships = new String[n];
        Integer[] numerators = new Integer[n];
        Integer[] denominators = new Integer[n];
        for (int i = 0; i < n; i++) {
            boolean first = i < sellers.size();
            List<ContractRequest.Party> side = first ? request.sellers() : request.buyers();
            ContractRequest.Party party = all.get(i);
            BigInteger[] share = fraction(party.share());
            roles[i] = first ? firstRole(request.type()) : secondRole(request.type());
            positions[i] = first ? i : i - sellers.size();
            idTypes[i] = party.idType();
            sealedIds[i] = cipher.encrypt(numbers.get(i));
            indexes[i] = cipher.blindIndex(numbers.get(i));
            names[i] = cipher.encrypt(party.name().strip());
            phones[i] = cipher.encrypt(party.phone());
            coOwnerships[i] = party.coOwnership() == null && "BUYER".equals(roles[i]) && side.size() == 1 ? SOLE : party.coOwnership();
            numerators[i] = share == null ? null : share[0].intValueExact();
            denominators[i] = share == null ? null : share[1].intValueExact();
        }
        // the filing code: district, year, type and the next number of its sequence (FM: more than 8 digits fail the
        // column's check instead of being cut)
        String filingCode = jdbc.sql("""
                WITH c AS (
                    INSERT INTO contract (filing_code, type, status, unit_code, district_code, project_id, price, payment_type,
                                          loan_type, signed_on, unit_snapshot, filed_at, filed_by, department_code,
                                          idempotency_key, request_digest, start_on, end_on)
                    SELECT :district || '-' || :year || '-' || :typeCode || '-' || to_char(nextval('filing_code_seq'), 'FM00000000'),
                           :type, 'FILED', :unit, :district, :project, :price, :payment, :loan, :signedOn, :snapshot::jsonb,
                           :filedAt, :actor, :department, :key, :digest, :startOn, :endOn
                    RETURNING id, filing_code),
                v AS (INSERT INTO contract_version (contract_id, version_no, change, terms, changed_by)
                      SELECT id, 1, 'FILED', :terms::jsonb, :actor FROM c),
                r AS (INSERT INTO contract_verification (contract_id, unit_code, attempted_by, outcome, checks)
                      SELECT id, :unit, :actor, 'FILED', :report::jsonb FROM c),
                p AS (INSERT INTO contract_party (contract_id, role, position, id_type, id_number_sealed, id_number_index,
                                                  name_sealed, phone_sealed, co_ownership, share_numerator, share_denominator)
                      SELECT c.id, x.* FROM c, unnest(:roles::text[], :positions::int[], :idTypes::text[], :sealedIds::text[],
                          :indexes::text[], :names::text[], :phones::text[], :coOwnerships::text[], :numerators::int[],
                          :denominators::int[]) AS x)
                SELECT filing_code FROM c""")
                .param("district", unit.districtCode()).param("year", String.valueOf(request.signedOn().getYear()))
                .param("typeCode", request.type().code()).param("type", request.type().name()).param("unit", unit.unitCode())
                .param("project", unit.projectId()).param("price", request.price()).param("payment", request.paymentType())
                .param("loan", request.loanType()).param("signedOn", request.signedOn()).param("snapshot", write(snapshot))
                .param("filedAt", filedAt).param("actor", caller.actorId()).param("department", caller.departmentCode())
                .param("key", key).param("digest", digest)
                // a lease's term and a mortgage's due date: the police ask whether a lease is live (建房〔2020〕61号 五)
                .param("startOn", request.startOn(), java.sql.Types.DATE).param("endOn", request.endOn(), java.sql.Types.DATE)
                .param("terms", write(ContractChanges.terms(request.price(), request.paymentType(), request.loanType())))
                .param("report", write(report)).param("roles", roles).param("positions", positions).param("idTypes", idTypes)
                .param("sealedIds", sealedIds).param("indexes", indexes).param("names", names).param("phones", phones)
                .param("coOwnerships", coOwnerships).param("numerators", numerators).param("denominators", denominators)
                .query(String.class).single();
        if (request.type().isSale()) {
            // 即时备案 … 在楼盘表中自动更新房屋交易状况信息
            buildingTable.changeStatus(unit.unitCode(), StatusAspect.TRADE_STATUS, TradeStatus.FILED.name(), "网签备案",
                    filingCode, caller.actorId(), null);
        }
        for (String index : indexes) {
            audit.record(AuditRecord.change("file", "contract", filingCode, index));
        }
        events.publishEvent(new ContractFiled(filingCode, request.type(), unit.unitCode(), unit.districtCode(), request.price(),
                request.signedOn(), filedAt));
        // what was just written, as get() would read it back (the filer's own data: no read to audit)
        List<ContractView.PartyView> first = new ArrayList<>();
        List<ContractView.PartyView> second = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ContractRequest.Party party = all.get(i);
            (i < sellers.size() ? first : second).add(new ContractView.PartyView(idTypes[i], numbers.get(i), party.name().strip(),
                    party.phone(), coOwnerships[i], numerators[i] == null ? null : numerators[i] + "/" + denominators[i]));
        }
        return new ContractView(filingCode, request.type(), "FILED", unit.unitCode(), unit.districtCode(), request.price(),
                request.paymentType(), request.loanType(), request.signedOn(), filedAt, caller.actorId(), 0, snapshot, first,
                second, report);
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

    /** The unit's live sale filing and its buyers' blind indexes (they may mortgage the unit before registration). */
    record LiveSale(String filingCode, java.util.Set<String> buyerIndexes) {

        ConflictException conflict() {
            return new ConflictException("contract.unit-already-filed", filingCode);
        }
    }

    private Optional<LiveSale> liveSaleOf(String unitCode) {
        List<String[]> rows = jdbc.sql("""
                SELECT c.filing_code, p.id_number_index FROM contract c
                  LEFT JOIN contract_party p ON p.contract_id = c.id AND p.role = 'BUYER'
                 WHERE c.unit_code = ? AND c.status = 'FILED' AND c.type IN ('NEW_SALE', 'EXISTING_SALE')""")
                .param(unitCode).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        return rows.isEmpty() ? Optional.empty() : Optional.of(new LiveSale(rows.get(0)[0],
                rows.stream().map(r -> r[1]).filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet())));
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
