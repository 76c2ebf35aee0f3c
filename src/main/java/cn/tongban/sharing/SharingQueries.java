package cn.tongban.sharing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditOutcome;
import cn.tongban.audit.AuditRecord;
import cn.tongban.building.BuildingTable;
import cn.tongban.building.UnitView;
import cn.tongban.filing.ContractType;
import cn.tongban.filing.FiledContracts;
import cn.tongban.filing.FiledContracts.FiledContract;
import cn.tongban.filing.HousingCount;
import cn.tongban.kernel.IdNumbers;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.RealEstateUnitCode;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;
import cn.tongban.kernel.crypto.PersonalDataCipher;
import cn.tongban.sharing.SharingViews.Gap;
import cn.tongban.sharing.SharingViews.LoanBase;
import cn.tongban.sharing.SharingViews.RentWithdrawal;
import cn.tongban.sharing.SharingViews.ResidenceAnswer;
import cn.tongban.sharing.SharingViews.SharedContract;

/**
 * The real-time sharing queries of 建房〔2020〕61号 二 to 六. Each asks {@link Grants#require} first (purpose and case
 * number declared, a live grant of the caller's department for the interface and purpose), answers what the grant
 * shows, and audits every person whose data it passes on, with the request's purpose and case number.
 */
@Service
class SharingQueries {

    /**
     * How the withdrawable monthly rent is decided from what is present (建房〔2020〕61号 三: 以租赁合同网签备案价款、房屋租赁
     * 税票金额、市场租金价格水平等作为依据，综合确定): the notice names the sources, not the formula; each city sets it
     * ({@code tongban.sharing.rent-withdrawal.rule}).
     */
    enum RentRule {
        /** The lowest of lease rent, tax receipt and market level, of those present (default). */
        LOWEST,
        /** The lease rent, but not above the market level; the receipt is only shown. */
        MARKET_CAPPED,
        /** The tax receipt amount where given, else the lowest of the others. */
        TAX_RECEIPT_FIRST
    }

    private final Grants grants;
    private final FiledContracts contracts;
    private final HousingCount housingCount;
    private final BuildingTable buildingTable;
    private final SharingMarketRents marketRents;
    private final PersonalDataCipher cipher;
    private final AuditLog audit;
    private final BigDecimal gapRatio;
    private final RentRule rentRule;
    private final TransactionTemplate transactions;

    SharingQueries(Grants grants, FiledContracts contracts, HousingCount housingCount, BuildingTable buildingTable,
            SharingMarketRents marketRents, PersonalDataCipher cipher, AuditLog audit,
            @Value("${tongban.sharing.loan-base.gap-ratio:0.20}") BigDecimal gapRatio,
            @Value("${tongban.sharing.rent-withdrawal.rule:LOWEST}") RentRule rentRule, TransactionTemplate transactions) {
        this.grants = grants;
        this.contracts = contracts;
        this.housingCount = housingCount;
        this.buildingTable = buildingTable;
        this.marketRents = marketRents;
        this.cipher = cipher;
        this.audit = audit;
        this.gapRatio = gapRatio;
        this.rentRule = rentRule;
        this.transactions = transactions;
    }

    /** 网签备案合同 for banks and the provident fund (二、三), or the sale contract for tax (四: sales only). */
    SharedContract contract(String filingCode, SharingInterface item) {
        Grants.Granted granted = grants.require(item, null, filingCode);
        // the grant is checked before the transaction: a denial's audit entry is then written with no connection held
        return transactions.execute(status -> {
            FiledContract contract = contracts.byFilingCode(filingCode)
                    .filter(c -> item != SharingInterface.TAX_SALE_CONTRACT || c.isSale())
                    .orElseThrow(() -> new NotFoundException("contract", filingCode));
            audited(granted, item, contract);
            return SharedContract.of(contract, granted.grant());
        });
    }

    /** 住房套数 (二、三): the family's where 民政 and 公安 have shared it; {@link HousingCount} audits every member read. */
    HousingCount.Result housing(String idNumberText) {
        String idNumber = idNumber(idNumberText, "idNumber");
        grants.require(SharingInterface.HOUSING, cipher.blindIndex(idNumber), null);
        return housingCount.of(idNumber);
    }

    /** A person's contracts, filed and cancelled, for enforcement (六). */
    List<SharedContract> personContracts(String idNumberText) {
        String idNumber = idNumber(idNumberText, "idNumber");
        String index = cipher.blindIndex(idNumber);
        Grants.Granted granted = grants.require(SharingInterface.PERSON_CONTRACTS, index, null);
        // the grant is checked before the transaction: a denial's audit entry is then written with no connection held
        return transactions.execute(status -> {
            List<FiledContract> found = contracts.ofParty(index);
            if (found.isEmpty()) {
                audit.record(new AuditRecord(SharingInterface.PERSON_CONTRACTS.action(), "contract", null, index, AuditOutcome.SUCCESS,
                        null, null, granted.withheld()));
            }
            found.forEach(c -> audited(granted, SharingInterface.PERSON_CONTRACTS, c));
            return found.stream().map(c -> SharedContract.of(c, granted.grant())).toList();
        });
    }

    /**
     * 以买卖合同网签备案价款和房屋评估价的低值作为计算基数 (二、三), and the signal of 二: 及时关注网签备案价款与房屋评估价、客户实际
     * 交易资金之间存在显著差异的异常情形 — "显著" is the configurable {@code tongban.sharing.loan-base.gap-ratio}.
     */
    LoanBase loanBase(String filingCode, BigDecimal appraisal, BigDecimal funds) {
        List<Violation> violations = new ArrayList<>();
        amount("appraisal", appraisal, true, violations);
        amount("funds", funds, false, violations);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        Grants.Granted granted = grants.require(SharingInterface.LOAN_BASE, null, filingCode);
        // the grant is checked before the transaction: a denial's audit entry is then written with no connection held
        return transactions.execute(status -> {
            FiledContract contract = contracts.byFilingCode(filingCode).filter(FiledContract::isSale).filter(FiledContract::isFiled)
                    .orElseThrow(() -> new NotFoundException("contract", filingCode));
            BigDecimal price = contract.price();
            BigDecimal base = price.min(appraisal).setScale(2, RoundingMode.HALF_UP);
            List<Gap> gaps = new ArrayList<>();
            gaps.add(gap("filedPrice", price, "appraisal", appraisal));
            if (funds != null) {
                gaps.add(gap("filedPrice", price, "funds", funds));
                gaps.add(gap("appraisal", appraisal, "funds", funds));
            }
            audit.record(new AuditRecord(SharingInterface.LOAN_BASE.action(), "contract", filingCode, null, AuditOutcome.SUCCESS, null,
                    null, granted.withheld()));
            return new LoanBase(filingCode, price, appraisal, funds, base, gapRatio, gaps.stream().anyMatch(Gap::significant), gaps);
        });
    }

    private Gap gap(String oneName, BigDecimal one, String otherName, BigDecimal other) {
        BigDecimal lower = one.min(other);
        BigDecimal ratio = one.subtract(other).abs().divide(lower, 4, RoundingMode.HALF_UP);
        return new Gap(oneName, otherName, ratio, ratio.compareTo(gapRatio) > 0);
    }

    /** 按实际租房金额提取住房公积金 (三): the monthly amount by the configured {@link RentRule}, to the fen. */
    RentWithdrawal rentWithdrawal(String filingCode, BigDecimal taxReceipt) {
        List<Violation> violations = new ArrayList<>();
        amount("taxReceipt", taxReceipt, false, violations);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        Grants.Granted granted = grants.require(SharingInterface.RENT_WITHDRAWAL, null, filingCode);
        // the grant is checked before the transaction: a denial's audit entry is then written with no connection held
        return transactions.execute(status -> {
            FiledContract lease = contracts.byFilingCode(filingCode).filter(c -> c.type() == ContractType.LEASE).filter(FiledContract::isFiled)
                    .orElseThrow(() -> new NotFoundException("contract", filingCode));
            BigDecimal perSqm = marketRents.level(lease.districtCode(), SharingViews.text(lease.unit().get("houseUse"))).orElse(null);
            BigDecimal area = SharingViews.decimal(lease.unit().get("buildingArea"));
            BigDecimal market = perSqm == null || area == null ? null : perSqm.multiply(area);
            BigDecimal rent = lease.price();
            BigDecimal amount = switch (rentRule) {
                case LOWEST -> lowest(rent, taxReceipt, market);
                case MARKET_CAPPED -> market == null ? rent : rent.min(market);
                case TAX_RECEIPT_FIRST -> taxReceipt != null ? taxReceipt : lowest(rent, market);
            };
            LocalDate today = LocalDate.now(Grants.CHINA);
            boolean inForce = lease.startOn() != null && lease.endOn() != null && !today.isBefore(lease.startOn())
                    && !today.isAfter(lease.endOn());
            lease.second().forEach(tenant -> audit.record(new AuditRecord(SharingInterface.RENT_WITHDRAWAL.action(), "contract",
                    filingCode, tenant.idNumberIndex(), AuditOutcome.SUCCESS, null, null, granted.withheld())));
            return new RentWithdrawal(filingCode, lease.startOn(), lease.endOn(), inForce, rent, taxReceipt, perSqm,
                    market == null ? null : market.setScale(2, RoundingMode.HALF_UP), rentRule.name(),
                    amount.setScale(2, RoundingMode.HALF_UP));
        });
    }

    private static BigDecimal lowest(BigDecimal... amounts) {
        return java.util.Arrays.stream(amounts).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElseThrow();
    }

    /**
     * 居住证 (五): a live filed lease of the person as tenant, a filed purchase as buyer, or registered ownership, at the
     * unit or the address — answered yes or no with the kind and dates, nothing more.
     */
    ResidenceAnswer residence(String idNumberText, String unitCodeText, String address) {
        String idNumber;
        List<Violation> violations = new ArrayList<>();
        try {
            idNumber = IdNumbers.normalise(idNumberText);
        } catch (InvalidValueException e) {
            violations.add(e.at("idNumber"));
            idNumber = null;
        }
        String unitCode = null;
        if (unitCodeText != null && !unitCodeText.isBlank()) {
            try {
                unitCode = RealEstateUnitCode.of(unitCodeText).value();
            } catch (InvalidValueException e) {
                violations.add(e.at("unitCode"));
            }
        } else if (address == null || address.isBlank()) {
            violations.add(new Violation("unitCode", "sharing.unit-or-address-required"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        String index = cipher.blindIndex(idNumber);
        String unit = unitCode;
        Grants.Granted granted = grants.require(SharingInterface.RESIDENCE_CHECK, index, unit);
        // the grant is checked before the transaction: a denial's audit entry is then written with no connection held
        return transactions.execute(status -> {
            String place = normalised(address);
            String wanted = unit;
            LocalDate today = LocalDate.now(Grants.CHINA);
            List<FiledContract> own = contracts.ofParty(index).stream().filter(FiledContract::isFiled)
                    .filter(c -> wanted != null ? c.unitCode().equals(wanted) : place.equals(normalised(SharingViews.text(c.unit().get("location")))))
                    .toList();
            Optional<ResidenceAnswer> answer = own.stream()
                    .filter(c -> c.type() == ContractType.LEASE && c.startOn() != null && c.endOn() != null
                            && !today.isBefore(c.startOn()) && !today.isAfter(c.endOn()) && isParty(c.second(), index))
                    .findFirst().map(c -> new ResidenceAnswer(true, "LEASE", c.type().name(), c.startOn(), c.endOn()));
            if (answer.isEmpty()) {
                answer = own.stream().filter(c -> c.isSale() && isParty(c.second(), index)).findFirst()
                        .map(c -> new ResidenceAnswer(true, "PURCHASE", c.type().name(), c.signedOn(), null));
            }
            if (answer.isEmpty()) {
                boolean owner = buildingTable.unitsOwnedBy(index).stream().anyMatch(code -> wanted != null ? code.equals(wanted)
                        : buildingTable.findUnit(code).map(UnitView::location).map(SharingQueries::normalised).filter(place::equals).isPresent());
                answer = owner ? Optional.of(new ResidenceAnswer(true, "OWNERSHIP", null, null, null)) : Optional.empty();
            }
            audit.record(new AuditRecord(SharingInterface.RESIDENCE_CHECK.action(), "residence", unit, index, AuditOutcome.SUCCESS,
                    null, null, granted.withheld()));
            return answer.orElse(ResidenceAnswer.NO);
        });
    }

    private static boolean isParty(List<FiledContracts.Party> side, String index) {
        return side.stream().anyMatch(p -> index.equals(p.idNumberIndex()));
    }

    private static String normalised(String address) {
        return address == null ? null : address.replaceAll("\\s+", "");
    }

    /** Every party's data passed on is on that party's record in the audit log. */
    private void audited(Grants.Granted granted, SharingInterface item, FiledContract contract) {
        contract.parties().forEach(p -> audit.record(new AuditRecord(item.action(), "contract", contract.filingCode(),
                p.idNumberIndex(), AuditOutcome.SUCCESS, null, null, granted.withheld())));
    }

    /** A 公民身份号码 or 统一社会信用代码, its check character verified; 400 naming the field otherwise. */
    static String idNumber(String text, String field) {
        try {
            return IdNumbers.normalise(text);
        } catch (InvalidValueException e) {
            throw new RuleViolationException(e.at(field));
        }
    }

    private static void amount(String field, BigDecimal value, boolean required, List<Violation> violations) {
        if (value == null) {
            if (required) {
                violations.add(new Violation(field, "sharing.amount-required"));
            }
        } else if (value.signum() <= 0 || value.compareTo(new BigDecimal("1e10")) >= 0) {
            violations.add(new Violation(field, "sharing.amount-range"));
        } else if (value.stripTrailingZeros().scale() > 2) {
            violations.add(new Violation(field, "sharing.amount-fen"));
        }
    }
}
