package cn.tongban.filing;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.building.BuildingTable;
import cn.tongban.building.StatusAspect;
import cn.tongban.building.TradeStatus;
import cn.tongban.dictionary.Dictionaries;
import cn.tongban.dictionary.DictionaryTypes;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/**
 * 变更、注销网签备案 (建房规〔2020〕4号 三（十）): a filed contract changes only by a new version, and is cancelled
 * only with both parties' consent or an order of a court or authority; its unit is then free to be filed again.
 */
@Service
class ContractChanges {

    private static final BigDecimal PRICE_CEILING = new BigDecimal("1e10");

    /**
     * What a sale's amendment may change: the agreed price and how it is paid. Parties and unit may not — that is a
     * new contract, after cancelling this one.
     */
    record Amendment(BigDecimal price, String paymentType, String loanType, @NotBlank @Size(max = 500) String reason,
            @NotNull @PositiveOrZero Long expectedVersion) {
    }

    /**
     * @param basis          CONSENT (双方协商一致) or ORDER (法院或有权机关的文书)
     * @param sellerConsent  the seller's signed consent (document or e-signature reference), for CONSENT
     * @param buyerConsent   the buyer's, for CONSENT
     * @param authority      the court or authority, for ORDER
     * @param documentNo     its document number, for ORDER
     */
    record Cancellation(@NotNull Basis basis, String sellerConsent, String buyerConsent, String authority, String documentNo,
            @NotBlank @Size(max = 500) String reason) {
    }

    enum Basis {
        CONSENT, ORDER
    }

    /** One version of a contract. */
    record Version(int versionNo, String change, String reason, String basis, Map<String, Object> terms, OffsetDateTime changedAt,
            String changedBy) {
    }

    private final JdbcClient jdbc;
    private final Contracts contracts;
    private final BuildingTable buildingTable;
    private final Dictionaries dictionaries;
    private final CurrentCaller callers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;

    ContractChanges(JdbcClient jdbc, Contracts contracts, BuildingTable buildingTable, Dictionaries dictionaries,
            CurrentCaller callers, AuditLog audit, ApplicationEventPublisher events, ObjectMapper json) {
        this.jdbc = jdbc;
        this.contracts = contracts;
        this.buildingTable = buildingTable;
        this.dictionaries = dictionaries;
        this.callers = callers;
        this.audit = audit;
        this.events = events;
        this.json = json;
    }

    static Map<String, Object> terms(BigDecimal price, String paymentType, String loanType) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("price", price);
        terms.put("paymentType", paymentType);
        terms.put("loanType", loanType);
        return terms;
    }

    @Transactional
    ContractView amend(String filingCode, Amendment amendment) {
        ContractView current = contracts.get(filingCode); // outside the caller's scope: not found
        List<Violation> violations = new ArrayList<>();
        if (amendment.price() == null && amendment.paymentType() == null && amendment.loanType() == null) {
            violations.add(new Violation(null, "contract.amendment-empty"));
        }
        if (amendment.price() != null && (amendment.price().signum() <= 0 || amendment.price().compareTo(PRICE_CEILING) >= 0)) {
            violations.add(new Violation("price", "contract.price-range"));
        }
        code(DictionaryTypes.PAYMENT_TYPE, amendment.paymentType(), "paymentType", violations);
        code(DictionaryTypes.LOAN_TYPE, amendment.loanType(), "loanType", violations);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        if (!"FILED".equals(current.status())) {
            throw new ConflictException("contract.not-live", filingCode, current.status());
        }
        BigDecimal price = amendment.price() != null ? amendment.price() : current.price();
        String paymentType = amendment.paymentType() != null ? amendment.paymentType() : current.paymentType();
        String loanType = amendment.loanType() != null ? amendment.loanType() : current.loanType();
        int updated = jdbc.sql("""
                UPDATE contract SET price = ?, payment_type = ?, loan_type = ?, version = version + 1
                 WHERE filing_code = ? AND version = ? AND status = 'FILED'""")
                .params(price, paymentType, loanType, filingCode, amendment.expectedVersion()).update();
        if (updated == 0) {
            throw new ConflictException("version.stale");
        }
        int version = addVersion(filingCode, "AMENDED", amendment.reason(), null, terms(price, paymentType, loanType));
        audit.record(AuditRecord.change("amend", "contract", filingCode, null));
        events.publishEvent(new ContractAmended(filingCode, version, price));
        return contracts.get(filingCode);
    }

    @Transactional
    ContractView cancel(String filingCode, Cancellation cancellation) {
        ContractView current = contracts.get(filingCode);
        List<Violation> violations = new ArrayList<>();
        String basis;
        if (cancellation.basis() == Basis.CONSENT) {
            // 民法典 第五百六十二条: 当事人协商一致，可以解除合同 — both sides, not one
            if (blank(cancellation.sellerConsent())) {
                violations.add(new Violation("sellerConsent", "contract.consent-required"));
            }
            if (blank(cancellation.buyerConsent())) {
                violations.add(new Violation("buyerConsent", "contract.consent-required"));
            }
            basis = "双方协商一致：" + cancellation.sellerConsent() + "；" + cancellation.buyerConsent();
        } else {
            if (blank(cancellation.authority())) {
                violations.add(new Violation("authority", "contract.order-required"));
            }
            if (blank(cancellation.documentNo())) {
                violations.add(new Violation("documentNo", "contract.order-required"));
            }
            basis = cancellation.authority() + " " + cancellation.documentNo();
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        int updated = jdbc.sql("UPDATE contract SET status = 'CANCELLED', version = version + 1 WHERE filing_code = ? AND status = 'FILED'")
                .param(filingCode).update();
        if (updated == 0) {
            throw new ConflictException("contract.not-live", filingCode, current.status());
        }
        addVersion(filingCode, "CANCELLED", cancellation.reason(), basis,
                terms(current.price(), current.paymentType(), current.loanType()));
        if (current.type().isSale()) {
            // the unit returns to where it was before the filing: 可售 for a new home, 已登记 for an existing one
            TradeStatus back = current.type() == ContractType.NEW_SALE ? TradeStatus.AVAILABLE : TradeStatus.REGISTERED;
            buildingTable.changeStatus(current.unitCode(), StatusAspect.TRADE_STATUS, back.name(), "注销网签备案", filingCode,
                    callers.get().actorId(), null);
        }
        audit.record(AuditRecord.change("cancel", "contract", filingCode, null));
        events.publishEvent(new ContractCancelled(filingCode, current.type(), current.unitCode(), basis));
        return contracts.get(filingCode);
    }

    @Transactional(readOnly = true)
    List<Version> versions(String filingCode) {
        contracts.get(filingCode);
        return jdbc.sql("""
                SELECT v.* FROM contract_version v JOIN contract c ON c.id = v.contract_id
                 WHERE c.filing_code = ? ORDER BY v.version_no""")
                .param(filingCode)
                .query((rs, n) -> new Version(rs.getInt("version_no"), rs.getString("change"), rs.getString("reason"),
                        rs.getString("basis"), read(rs.getString("terms")),
                        rs.getObject("changed_at", OffsetDateTime.class), rs.getString("changed_by")))
                .list();
    }

    private int addVersion(String filingCode, String change, String reason, String basis, Map<String, Object> terms) {
        return jdbc.sql("""
                INSERT INTO contract_version (contract_id, version_no, change, reason, basis, terms, changed_by)
                SELECT c.id, (SELECT max(version_no) + 1 FROM contract_version v WHERE v.contract_id = c.id), ?, ?, ?, ?::jsonb, ?
                  FROM contract c WHERE c.filing_code = ? RETURNING version_no""")
                .params(change, reason, basis, write(terms), callers.get().actorId(), filingCode)
                .query(Integer.class).single();
    }

    private void code(String type, String value, String field, List<Violation> violations) {
        if (value == null) {
            return;
        }
        try {
            dictionaries.require(type, value);
        } catch (InvalidValueException e) {
            violations.add(e.at(field));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private String write(Object value) {
        return FilingJson.write(json, value);
    }

    private Map<String, Object> read(String text) {
        return FilingJson.read(json, text);
    }
}
