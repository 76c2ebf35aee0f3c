package cn.tongban.tax;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.building.BuildingTable;
import cn.tongban.building.UnitView;
import cn.tongban.filing.ContractType;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.tax.FiledContracts.FiledContract;
import cn.tongban.tax.TaxCalculationRequest.Buyer;
import cn.tongban.tax.TaxCalculationRequest.PartyKind;
import cn.tongban.tax.TaxCalculationRequest.Scenario;
import cn.tongban.tax.TaxCalculationRequest.Seller;
import cn.tongban.tax.TaxCalculationRequest.TransferType;

/**
 * 税费申报 (tax declarations), first part: a declaration pre-filled from the filed contract and the 楼盘表 (免填单,
 * 建房〔2020〕61号 四) — contract date, district, price, floor area, use — calculated on the rules of the contract
 * date, and the buyer's kind and family homes where the platform holds them ({@link #buyer}); what it cannot know
 * (the seller's acquisition, a family 民政 has not shared) is taken from the declarant or asked for in
 * {@code undetermined}, never guessed. The tax office may assess the price (契税法 第四条 第二款),
 * the taxpayer confirms, the payment confirmation issues the receipt and publishes {@link TaxPaid}; a receipt is
 * voided only with a reason. A price below the set share of the 标准房基准价格 ({@link BenchmarkPrices}) is flagged
 * and cannot be confirmed before an officer has assessed it.
 */
@Service
class TaxDeclarations {

    private final FiledContracts contracts;
    private final BuildingTable buildings;
    private final TaxCalculator calculator;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final CurrentCaller callers;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final BenchmarkPrices benchmarks;
    private final cn.tongban.filing.FiledContracts filings;
    private final cn.tongban.filing.HousingCount housingCount;
    private final cn.tongban.identity.CitizenSubjects citizens;

    TaxDeclarations(FiledContracts contracts, BuildingTable buildings, TaxCalculator calculator, JdbcClient jdbc,
            AuditLog audit, CurrentCaller callers, ObjectMapper json, ApplicationEventPublisher events, BenchmarkPrices benchmarks,
            cn.tongban.filing.FiledContracts filings, cn.tongban.filing.HousingCount housingCount,
            cn.tongban.identity.CitizenSubjects citizens) {
        this.citizens = citizens;
        this.filings = filings;
        this.housingCount = housingCount;
        this.events = events;
        this.benchmarks = benchmarks;
        this.contracts = contracts;
        this.buildings = buildings;
        this.calculator = calculator;
        this.jdbc = jdbc;
        this.audit = audit;
        this.callers = callers;
        this.json = json;
    }

    /**
     * What the declarant adds to the filed contract: only facts the platform does not hold.
     *
     * @param filingCode           the filed sale contract's 备案编号
     * @param buyer                the buyer's kind, homes owned before the purchase and relation to the seller
     * @param seller               the seller's acquisition, costs and whether it is the family's only home
     * @param smallTaxpayerHalving whether the seller claims the small-taxpayer halving
     */
    @Schema(description = "申报请求：只填写平台没有的事实；合同日期、行政区划、成交价格、建筑面积、房屋用途由备案合同和楼盘表预填")
    record NewDeclaration(
            @Schema(description = "已备案的买卖合同备案编号", requiredMode = Schema.RequiredMode.REQUIRED) String filingCode,
            @Schema(description = "承受方事实") Buyer buyer,
            @Schema(description = "转让方事实；新建商品房由开发企业（单位）出售") Seller seller,
            @Schema(description = "是否申请增值税小规模纳税人减半") Boolean smallTaxpayerHalving) {
    }

    /**
     * A declaration.
     *
     * @param prefilled   the facts taken from the filed contract and the 楼盘表, and where each came from
     * @param calculation the taxes on the rules of the contract date, with the facts still to be answered
     */
    @Schema(description = "申报：DRAFT 待确认；CONFIRMED 纳税人已确认；PAID 已完税；EXEMPTED 已出具减免税凭证")
    record DeclarationView(long id, String filingCode, String status, List<Prefilled> prefilled, TaxCalculation calculation,
            @Schema(description = "税务机关核定的价格（契税法 第四条 第二款）") BigDecimal assessedPrice,
            @Schema(description = "核定理由") String assessmentReason, String createdBy, OffsetDateTime createdAt,
            @Schema(description = "现行有效的完税或减免税凭证") Receipt receipt,
            @Schema(description = "申报价格与标准房基准价格的比对（创建时）") BenchmarkPrices.PriceCheck priceCheck,
            @Schema(description = "契税法 第八条记录的义务：改变用途或不再符合免征、减征条件时应补缴的税款") List<Obligation> obligations) {
    }

    /** 契税法 第八条: what would be due if the exemption or reduction no longer applied. */
    @Schema(description = "第八条义务")
    record Obligation(String receiptNo, TaxCalculation.Tax tax, @Schema(description = "已免征、减征的税款，元") BigDecimal relieved,
            @Schema(description = "所享受的免征、减征及其依据") String relief, String rule) {
    }

    /** 完税凭证 or 减免税凭证 in force. */
    @Schema(description = "完税或减免税凭证")
    record Receipt(@Schema(description = "18位凭证号") String receiptNo, @Schema(description = "PAID 完税；EXEMPT 减免税") String kind,
            BigDecimal amount, OffsetDateTime issuedAt) {
    }

    /** The officer's assessment. */
    @Schema(description = "核定计税价格")
    record Assessment(@Schema(description = "核定的价格，元") BigDecimal assessedPrice,
            @Schema(description = "理由，如 申报价格明显低于标准房基准价格且无正当理由") String reason) {
    }

    /** Why a receipt is voided. */
    @Schema(description = "作废理由")
    record Voiding(@Schema(description = "理由") String reason) {
    }

    /** One pre-filled fact: the request field, its value, and its source. */
    @Schema(description = "预填的事实及其来源")
    record Prefilled(String field, String value, String source) {
    }

    @Transactional
    DeclarationView create(NewDeclaration request) {
        if (request.filingCode() == null || request.filingCode().isBlank()) {
            throw new cn.tongban.kernel.RuleViolationException(new cn.tongban.kernel.Violation("filingCode", "tax.required"));
        }
        FiledContract contract = contracts.find(request.filingCode().strip())
                .orElseThrow(() -> new NotFoundException("filed-contract", request.filingCode()));
        if (contract.cancelled()) {
            throw new ConflictException("tax.contract-cancelled", contract.filingCode());
        }
        UnitView unit = buildings.findUnit(contract.unitCode())
                .orElseThrow(() -> new NotFoundException("filed-contract", request.filingCode()));
        // GB/T 17986.1 house use: 1x is residential (住宅)
        boolean residential = unit.houseUse() != null && unit.houseUse().startsWith("1");
        Seller seller = request.seller();
        if (contract.type() == ContractType.NEW_SALE) {
            // 新建商品房: the developer sells; its own VAT is its periodic declaration, not this one
            seller = seller == null ? new Seller(PartyKind.ENTITY, null, null, null, null, null, null, null)
                    : new Seller(PartyKind.ENTITY, seller.acquiredOn(), seller.originalCost(), seller.deedTaxPaidOnAcquisition(),
                            seller.renovationCost(), seller.loanInterest(), seller.transferFees(), seller.onlyFamilyHomeForFiveYears());
        }
        List<Prefilled> buyerFacts = new ArrayList<>();
        Buyer buyer = buyer(contract, request.buyer(), buyerFacts);
        TaxCalculationRequest facts = new TaxCalculationRequest(Scenario.HOUSING_TRANSFER, contract.signedOn(),
                contract.districtCode(), null, contract.price(), TransferType.SALE, null, null, unit.buildingArea(), residential,
                buyer, seller, request.smallTaxpayerHalving(), null, null, null, null, null, null, null, null, null, null, null);
        TaxCalculation calculation = calculator.calculate(facts);
        BenchmarkPrices.PriceCheck check = benchmarks.check(contract.districtCode(), unit.houseUse(), contract.signedOn(),
                unit.buildingArea(), contract.price());
        String createdBy = callers.get().actorId();
        long id = jdbc.sql("""
                INSERT INTO tax_declaration (filing_code, status, request, calculation, created_by, price_check, buyer_prefilled)
                VALUES (?, 'DRAFT', ?::jsonb, ?::jsonb, ?, ?::jsonb, ?::jsonb) RETURNING id""")
                .params(contract.filingCode(), write(facts), write(calculation), createdBy, write(check), write(buyerFacts))
                .query(Long.class).single();
        audit.record(AuditRecord.change("create", "tax_declaration", Long.toString(id), null));
        return get(id);
    }

    /** A flagged low price not yet assessed by an officer (契税法 第四条 第二款). */
    private static final String AWAITING_ASSESSMENT =
            "(coalesce((d.price_check ->> 'flagged')::boolean, false) AND d.assessed_price IS NULL)";

    /** The statuses a declaration passes through. */
    static final java.util.Set<String> STATUSES = java.util.Set.of("DRAFT", "CONFIRMED", "PAID", "EXEMPTED");

    /**
     * One row of the declarations queue.
     *
     * @param flagged            the price check found the declared price obviously low (契税法 第四条 第二款)
     * @param awaitingAssessment flagged and not yet assessed by an officer: the officer's work
     */
    @Schema(description = "申报队列的一行")
    record DeclarationSummary(long id, String filingCode, String districtCode, String status,
            @Schema(description = "申报（成交）价格，元") BigDecimal declaredPrice,
            @Schema(description = "标准房基准价格×建筑面积，元；无基准价格为 null") BigDecimal benchmarkValue,
            @Schema(description = "明显偏低的比例") BigDecimal share,
            @Schema(description = "申报价格明显偏低") boolean flagged,
            @Schema(description = "明显偏低且尚未核定") boolean awaitingAssessment,
            BigDecimal assessedPrice, OffsetDateTime createdAt) {

        /** The declared price as a share of the benchmark value, for the officer's eye; {@code null} without one. */
        public BigDecimal declaredShare() {
            return BenchmarkPrices.shareOf(declaredPrice, benchmarkValue);
        }
    }

    /**
     * Queue filters, all optional.
     *
     * @param flagged {@code true}: flagged low prices still awaiting the officer's assessment; {@code false}: the others
     */
    record Filter(String status, Boolean flagged, String districtCode) {
    }

    /**
     * The declarations queue of the caller's districts (city-wide staff: all), newest first; a flagged low price
     * waits for an officer (契税法 第四条 第二款, 常经办发〔2023〕19号 二（三）1).
     */
    @Transactional(readOnly = true)
    cn.tongban.kernel.Page<DeclarationSummary> search(Filter filter, cn.tongban.kernel.PageRequest page) {
        List<cn.tongban.kernel.Violation> violations = new ArrayList<>();
        if (filter.status() != null && !STATUSES.contains(filter.status())) {
            violations.add(new cn.tongban.kernel.Violation("status", "tax.declaration-status-unknown", filter.status()));
        }
        if (filter.districtCode() != null && !filter.districtCode().matches("[0-9]{6}")) {
            violations.add(new cn.tongban.kernel.Violation("district", "tax.district-format", filter.districtCode()));
        }
        if (!violations.isEmpty()) {
            throw new cn.tongban.kernel.RuleViolationException(violations);
        }
        cn.tongban.identity.Caller caller = callers.get();
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (!caller.allDistricts()) {
            where.append(" AND f.district_code = ANY(?)");
            args.add(caller.districts().toArray(String[]::new));
        }
        if (filter.status() != null) {
            where.append(" AND d.status = ?");
            args.add(filter.status());
        }
        if (filter.districtCode() != null) {
            where.append(" AND f.district_code = ?");
            args.add(filter.districtCode());
        }
        if (filter.flagged() != null) {
            where.append(filter.flagged() ? " AND " : " AND NOT ").append(AWAITING_ASSESSMENT);
        }
        return summaries(where, args, page);
    }

    /**
     * The declarations of the contracts the signed-in citizen is a party to (by the blind index of their ID number),
     * newest first, for the portal; other callers are refused.
     */
    @Transactional(readOnly = true)
    cn.tongban.kernel.Page<DeclarationSummary> mine(cn.tongban.kernel.PageRequest page) {
        cn.tongban.identity.Caller caller = callers.get();
        if (caller.kind() != cn.tongban.identity.ActorKind.CITIZEN) {
            throw new org.springframework.security.access.AccessDeniedException("citizens only");
        }
        String[] filingCodes = citizens.subjectIndexOf(caller).map(filings::ofParty).orElse(List.of()).stream()
                .map(cn.tongban.filing.FiledContracts.FiledContract::filingCode).toArray(String[]::new);
        List<Object> args = new ArrayList<>();
        args.add(filingCodes);
        return summaries(new StringBuilder(" WHERE d.filing_code = ANY(?)"), args, page);
    }

    private cn.tongban.kernel.Page<DeclarationSummary> summaries(StringBuilder where, List<Object> args,
            cn.tongban.kernel.PageRequest page) {
        String from = " FROM tax_declaration d JOIN tax_filed_contract f ON f.filing_code = d.filing_code";
        long total = jdbc.sql("SELECT count(*)" + from + where).params(args).query(Long.class).single();
        List<DeclarationSummary> items = jdbc.sql("""
                SELECT d.id, d.filing_code, f.district_code, d.status, f.price, (d.price_check ->> 'benchmarkValue')::numeric,
                       (d.price_check ->> 'share')::numeric, coalesce((d.price_check ->> 'flagged')::boolean, false),
                       %s, d.assessed_price, d.created_at""".formatted(AWAITING_ASSESSMENT) + from + where
                        + " ORDER BY d.created_at DESC, d.id DESC LIMIT " + page.size() + " OFFSET " + page.offset())
                .params(args)
                .query((rs, n) -> new DeclarationSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBoolean(8), rs.getBoolean(9),
                        rs.getBigDecimal(10), rs.getObject(11, OffsetDateTime.class)))
                .list();
        return new cn.tongban.kernel.Page<>(items, page.page(), page.size(), total);
    }

    /**
     * The declaration, if the caller may see it: staff and department systems by their permission; a citizen on the
     * portal only as a buyer or seller of the contract (by the blind index of their ID number) — any other is not
     * found, as if it did not exist.
     */
    DeclarationView visible(long id) {
        requireVisible(id);
        return get(id);
    }

    /** @throws NotFoundException if a citizen asks for a declaration of a contract they are no party to */
    void requireVisible(long id) {
        cn.tongban.identity.Caller caller = callers.get();
        if (caller.kind() == cn.tongban.identity.ActorKind.CITIZEN) {
            String filingCode = jdbc.sql("SELECT filing_code FROM tax_declaration WHERE id = ?").param(id).query(String.class)
                    .optional().orElseThrow(() -> new NotFoundException("tax-declaration", id));
            Optional<String> self = citizens.subjectIndexOf(caller);
            boolean party = self.isPresent() && filings.byFilingCode(filingCode)
                    .map(c -> c.parties().stream().anyMatch(p -> self.get().equals(p.idNumberIndex()))).orElse(false);
            if (!party) {
                throw new NotFoundException("tax-declaration", id);
            }
        }
    }

    DeclarationView get(long id) {
        return jdbc.sql("""
                SELECT d.id, d.filing_code, d.status, d.request::text, d.calculation::text, d.created_by, d.created_at,
                       d.assessed_price, d.assessment_reason, d.price_check::text, d.buyer_prefilled::text
                  FROM tax_declaration d WHERE d.id = ?""")
                .param(id)
                .query((rs, n) -> {
                    FiledContract contract = contracts.find(rs.getString(2)).orElseThrow();
                    TaxCalculationRequest facts = read(rs.getString(4), TaxCalculationRequest.class);
                    List<Prefilled> prefilled = new ArrayList<>(prefilled(contract, facts));
                    if (rs.getString(11) != null) {
                        prefilled.addAll(List.of(read(rs.getString(11), Prefilled[].class)));
                    }
                    return new DeclarationView(rs.getLong(1), rs.getString(2), rs.getString(3), prefilled,
                            read(rs.getString(5), TaxCalculation.class), rs.getBigDecimal(8), rs.getString(9), rs.getString(6),
                            rs.getObject(7, OffsetDateTime.class), receiptInForce(id).orElse(null),
                            rs.getString(10) == null ? null : read(rs.getString(10), BenchmarkPrices.PriceCheck.class),
                            obligations(id));
                })
                .optional()
                .orElseThrow(() -> new NotFoundException("tax-declaration", id));
    }

    private java.util.Optional<Receipt> receiptInForce(long declarationId) {
        return jdbc.sql("SELECT receipt_no, kind, amount, issued_at FROM tax_receipt WHERE declaration_id = ? AND voided_at IS NULL")
                .param(declarationId)
                .query((rs, n) -> new Receipt(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getObject(4, OffsetDateTime.class)))
                .optional();
    }

    private List<Obligation> obligations(long declarationId) {
        return jdbc.sql("SELECT receipt_no, tax, relieved, relief, rule FROM tax_obligation WHERE declaration_id = ? ORDER BY id")
                .param(declarationId)
                .query((rs, n) -> new Obligation(rs.getString(1), TaxCalculation.Tax.valueOf(rs.getString(2)), rs.getBigDecimal(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    /**
     * 契税法 第八条: every deed-tax line exempt or reduced below the province's rate leaves the amount relieved on file
     * with the record issued for it.
     */
    private void recordObligations(long id, String receiptNo, Locked declaration) {
        TaxCalculationRequest facts = declaration.facts();
        BigDecimal provincial = calculator.provincialDeedTaxRate(facts.contractDate(), facts.districtCode());
        for (TaxCalculation.Line line : declaration.calculation().lines()) {
            if (line.tax() != TaxCalculation.Tax.DEED_TAX || line.base() == null || line.rate().compareTo(provincial) >= 0) {
                continue;
            }
            BigDecimal relieved = line.base().multiply(provincial).setScale(2, java.math.RoundingMode.HALF_UP).subtract(line.amount());
            if (relieved.signum() > 0) {
                jdbc.sql("INSERT INTO tax_obligation (declaration_id, receipt_no, tax, relieved, relief, rule) VALUES (?, ?, ?, ?, ?, ?)")
                        .params(id, receiptNo, line.tax().name(), relieved, line.citation(),
                                "中华人民共和国契税法 第八条：改变有关房屋用途，或者有其他不再属于免征、减征契税情形的，应当缴纳已经免征、减征的税款")
                        .update();
            }
        }
    }

    /** The declaration's status and facts, locked for a change of state. */
    private record Locked(String status, String filingCode, TaxCalculationRequest facts, TaxCalculation calculation,
            boolean lowPrice) {
    }

    private Locked lock(long id) {
        return jdbc.sql("""
                SELECT status, filing_code, request::text, calculation::text,
                       coalesce((price_check ->> 'flagged')::boolean, false) AND assessed_price IS NULL
                  FROM tax_declaration WHERE id = ? FOR UPDATE""")
                .param(id)
                .query((rs, n) -> new Locked(rs.getString(1), rs.getString(2), read(rs.getString(3), TaxCalculationRequest.class),
                        read(rs.getString(4), TaxCalculation.class), rs.getBoolean(5)))
                .optional()
                .orElseThrow(() -> new NotFoundException("tax-declaration", id));
    }

    /**
     * 契税法 第四条 第二款: a declared price that is obviously low without good reason is assessed by the tax office;
     * the declaration is recalculated on the assessed price. Only before it is paid.
     */
    @Transactional
    DeclarationView assess(long id, Assessment assessment) {
        List<cn.tongban.kernel.Violation> violations = new ArrayList<>();
        if (assessment.assessedPrice() == null || assessment.assessedPrice().signum() <= 0) {
            violations.add(new cn.tongban.kernel.Violation("assessedPrice", "tax.amount-not-positive",
                    String.valueOf(assessment.assessedPrice())));
        } else if (assessment.assessedPrice().scale() > 2 && assessment.assessedPrice().stripTrailingZeros().scale() > 2) {
            violations.add(new cn.tongban.kernel.Violation("assessedPrice", "tax.amount-precision",
                    assessment.assessedPrice().toPlainString()));
        }
        if (assessment.reason() == null || assessment.reason().isBlank()) {
            violations.add(new cn.tongban.kernel.Violation("reason", "tax.reason-required"));
        }
        if (!violations.isEmpty()) {
            throw new cn.tongban.kernel.RuleViolationException(violations);
        }
        Locked declaration = lock(id);
        if (!declaration.status().equals("DRAFT") && !declaration.status().equals("CONFIRMED")) {
            throw new ConflictException("tax.declaration-status", declaration.status());
        }
        TaxCalculationRequest facts = declaration.facts().withAssessedPrice(assessment.assessedPrice());
        TaxCalculation calculation = calculator.calculate(facts);
        // a new price needs the taxpayer's confirmation again
        jdbc.sql("""
                UPDATE tax_declaration SET request = ?::jsonb, calculation = ?::jsonb, assessed_price = ?, assessment_reason = ?,
                       assessed_by = ?, status = 'DRAFT' WHERE id = ?""")
                .params(write(facts), write(calculation), assessment.assessedPrice(), assessment.reason().strip(),
                        callers.get().actorId(), id)
                .update();
        audit.record(AuditRecord.change("assess", "tax_declaration", Long.toString(id), null));
        return get(id);
    }

    /** The taxpayer confirms the declaration; only one with every fact answered can be confirmed. */
    @Transactional
    DeclarationView confirm(long id) {
        Locked declaration = lock(id);
        if (!declaration.status().equals("DRAFT")) {
            throw new ConflictException("tax.declaration-status", declaration.status());
        }
        if (!declaration.calculation().undetermined().isEmpty()) {
            throw new ConflictException("tax.declaration-undetermined", declaration.calculation().undetermined().get(0).fact());
        }
        if (declaration.lowPrice()) {
            // 契税法 第四条 第二款: an obviously low price is for the tax office to assess first
            throw new ConflictException("tax.declaration-low-price");
        }
        jdbc.sql("UPDATE tax_declaration SET status = 'CONFIRMED', confirmed_by = ?, confirmed_at = now() WHERE id = ?")
                .params(callers.get().actorId(), id).update();
        audit.record(AuditRecord.change("confirm", "tax_declaration", Long.toString(id), null));
        return get(id);
    }

    /**
     * The treasury or bank confirms the payment (demo: this call): issues the 完税凭证 — or the 减免税凭证 when nothing
     * is due — with an 18-digit number, and publishes {@link TaxPaid} in the same transaction (契税法 第十一条).
     */
    @Transactional
    DeclarationView confirmPayment(long id) {
        Locked declaration = lock(id);
        if (!declaration.status().equals("CONFIRMED")) {
            throw new ConflictException("tax.declaration-status", declaration.status());
        }
        BigDecimal total = declaration.calculation().totals().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean exemption = total.signum() == 0;
        // 18 digits: the district (GB/T 2260, 6), the year (4) and a sequence (8)
        String receiptNo = jdbc.sql("SELECT ? || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') || lpad(nextval('tax_receipt_seq')::text, 8, '0')")
                .param(declaration.facts().districtCode()).query(String.class).single();
        OffsetDateTime issuedAt = jdbc.sql("""
                INSERT INTO tax_receipt (receipt_no, declaration_id, kind, amount, issued_by) VALUES (?, ?, ?, ?, ?) RETURNING issued_at""")
                .params(receiptNo, id, exemption ? "EXEMPT" : "PAID", total, callers.get().actorId())
                .query(OffsetDateTime.class).single();
        jdbc.sql("UPDATE tax_declaration SET status = ? WHERE id = ?").params(exemption ? "EXEMPTED" : "PAID", id).update();
        recordObligations(id, receiptNo, declaration);
        audit.record(AuditRecord.change(exemption ? "exempt" : "pay", "tax_receipt", receiptNo, null));
        events.publishEvent(new TaxPaid(declaration.filingCode(), id, receiptNo, exemption, total, issuedAt));
        return get(id);
    }

    /** Voids a receipt, only with a reason; the declaration returns to CONFIRMED, awaiting a new payment. */
    @Transactional
    DeclarationView voidReceipt(String receiptNo, Voiding voiding) {
        if (voiding.reason() == null || voiding.reason().isBlank()) {
            throw new cn.tongban.kernel.RuleViolationException(new cn.tongban.kernel.Violation("reason", "tax.reason-required"));
        }
        record Found(long declarationId, boolean voided) {
        }
        Found receipt = jdbc.sql("SELECT declaration_id, voided_at IS NOT NULL FROM tax_receipt WHERE receipt_no = ? FOR UPDATE")
                .param(receiptNo).query((rs, n) -> new Found(rs.getLong(1), rs.getBoolean(2))).optional()
                .orElseThrow(() -> new NotFoundException("tax-receipt", receiptNo));
        if (receipt.voided()) {
            throw new ConflictException("tax.receipt-voided", receiptNo);
        }
        lock(receipt.declarationId());
        jdbc.sql("UPDATE tax_receipt SET voided_at = now(), voided_by = ?, void_reason = ? WHERE receipt_no = ?")
                .params(callers.get().actorId(), voiding.reason().strip(), receiptNo).update();
        jdbc.sql("UPDATE tax_declaration SET status = 'CONFIRMED' WHERE id = ?").param(receipt.declarationId()).update();
        audit.record(AuditRecord.change("void", "tax_receipt", receiptNo, null));
        return get(receipt.declarationId());
    }

    /**
     * The buyer's facts the platform holds (免填单): its kind from the parties' ID types in the filed contract, and the
     * homes the buyer's family owned before this purchase from 住房套数 — registered homes and homes bought under live
     * filings of the buyer, the spouse and minor children (公告2024年第16号: 家庭唯一住房、第二套住房 of 购房人家庭),
     * this contract's unit excepted. Only where 民政 and 公安 have shared the family is the count the family's; else
     * it would be a guess, and the declarant's answer (or a question in {@code undetermined}) stands.
     */
    private Buyer buyer(FiledContract contract, Buyer declared, List<Prefilled> sources) {
        Optional<cn.tongban.filing.FiledContracts.FiledContract> filed = filings.byFilingCode(contract.filingCode());
        if (filed.isEmpty() || filed.get().second().isEmpty()) {
            return declared;
        }
        List<cn.tongban.filing.FiledContracts.Party> buyers = filed.get().second();
        String source = "备案合同 " + contract.filingCode() + "（买受人证件类型）";
        PartyKind kind = buyers.stream().allMatch(p -> "01".equals(p.idType())) ? PartyKind.INDIVIDUAL
                : buyers.stream().noneMatch(p -> "01".equals(p.idType())) ? PartyKind.ENTITY : null;
        if (kind != null) {
            sources.add(new Prefilled("buyer.kind", kind.name(), source));
        }
        Integer homes = null;
        if (kind == PartyKind.INDIVIDUAL) {
            int most = 0;
            boolean families = true;
            for (cn.tongban.filing.FiledContracts.Party party : buyers) {
                cn.tongban.filing.HousingCount.Result count = housingCount.of(party.idNumber());
                families &= count.familyIncluded();
                int before = (int) count.units().stream().filter(h -> !h.unitCode().equals(contract.unitCode())).count();
                most = Math.max(most, before);
            }
            if (families) {
                homes = most;
                sources.add(new Prefilled("buyer.homesOwnedBeforePurchase", Integer.toString(most),
                        "住房套数（本人、配偶及未成年子女；不动产登记与网签备案，不含本合同房屋）"));
            }
        }
        return new Buyer(kind != null ? kind : declared == null ? null : declared.kind(),
                homes != null ? homes : declared == null ? null : declared.homesOwnedBeforePurchase(),
                declared == null ? null : declared.relationToSeller());
    }

    private static List<Prefilled> prefilled(FiledContract contract, TaxCalculationRequest facts) {
        return prefilled(contract, facts.area(), Boolean.TRUE.equals(facts.residential()), "楼盘表 房屋 " + contract.unitCode());
    }

    private static List<Prefilled> prefilled(FiledContract contract, BigDecimal area, boolean residential, String unitSource) {
        String filing = "备案合同 " + contract.filingCode();
        List<Prefilled> prefilled = new ArrayList<>();
        prefilled.add(new Prefilled("contractDate", contract.signedOn().toString(), filing + "（签订日，契税法 第九条）"));
        prefilled.add(new Prefilled("districtCode", contract.districtCode(), filing));
        prefilled.add(new Prefilled("price", contract.price().toPlainString(), filing + "（现行版本的成交价格）"));
        prefilled.add(new Prefilled("transferType", TransferType.SALE.name(), filing + "（" + contract.type().name() + "）"));
        prefilled.add(new Prefilled("area", area == null ? null : area.toPlainString(), unitSource + "（建筑面积）"));
        prefilled.add(new Prefilled("residential", Boolean.toString(residential), unitSource + "（房屋用途）"));
        if (contract.type() == ContractType.NEW_SALE) {
            prefilled.add(new Prefilled("seller.kind", PartyKind.ENTITY.name(), filing + "（新建商品房，开发企业出售）"));
        }
        return prefilled;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
