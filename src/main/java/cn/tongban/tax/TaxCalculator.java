package cn.tongban.tax;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.tongban.kernel.AdministrativeDivision;
import cn.tongban.kernel.DivisionKind;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;
import cn.tongban.tax.TaxCalculation.Line;
import cn.tongban.tax.TaxCalculation.Payer;
import cn.tongban.tax.TaxCalculation.Tax;
import cn.tongban.tax.TaxCalculation.Undetermined;
import cn.tongban.tax.TaxCalculationRequest.Buyer;
import cn.tongban.tax.TaxCalculationRequest.LocationCategory;
import cn.tongban.tax.TaxCalculationRequest.Mixing;
import cn.tongban.tax.TaxCalculationRequest.PartyKind;
import cn.tongban.tax.TaxCalculationRequest.Reacquisition;
import cn.tongban.tax.TaxCalculationRequest.Relation;
import cn.tongban.tax.TaxCalculationRequest.Seller;
import cn.tongban.tax.TaxCalculationRequest.TransferType;
import cn.tongban.tax.TaxParameters.ParameterGap;
import cn.tongban.tax.TaxParameters.Region;

/**
 * 税费计算器 (the tax calculator): the rules of 契税法, 城市维护建设税法, the VAT and income-tax rules of a housing
 * transfer and the resource-tax purchased-ore deduction (国家税务总局公告2020年第14号 一), over the rates, thresholds
 * and exemptions of {@link TaxParameters}. Pure: no database, no clock, no Spring; the same request on the same
 * table always gives the same answer.
 *
 * <p>Arithmetic: {@link BigDecimal} throughout; every levied line is rounded once, to the fen, half up; the urban
 * maintenance tax and the surcharges are computed on the VAT actually levied, i.e. on the rounded VAT line. The rules
 * that apply are those in force on the legally relevant date: the contract date for the deed tax (契税法 第九条), and
 * — as an estimate — also for VAT and income tax (their obligation arises on payment or transfer, which the
 * calculation assumes to be the contract date); the period end for the periodic scenarios.
 */
final class TaxCalculator {

    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal ZERO_FEN = new BigDecimal("0.00");
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    // Base rules (how a base is formed) are code; rates, thresholds and exemptions are parameters.
    private static final String DEED_BASE_SALE = "中华人民共和国契税法 第四条（一）；财政部 国家税务总局关于营改增后契税 房产税 土地增值税 个人所得税计税依据问题的通知 财税〔2016〕43号 一";
    private static final String DEED_BASE_EXCHANGE = "中华人民共和国契税法 第四条（二）";
    private static final String DEED_BASE_ASSESSED = "中华人民共和国契税法 第四条（三）";
    private static final String DEED_BASE_LOW_PRICE = "中华人民共和国契税法 第四条 第二款";
    private static final String DEED_AMOUNT = "中华人民共和国契税法 第五条、第九条";
    private static final String DEED_CLAWBACK = "依契税法 第八条记录义务：改变房屋用途或不再属于免征、减征情形的，应当缴纳已经免征、减征的税款。";
    private static final String VAT_FORMULA = "应纳税额=含税价÷(1+征收率)×征收率（财税〔2016〕36号 附件1 简易计税方法）";
    private static final String URBAN_BASE = "中华人民共和国城市维护建设税法 第二条、第五条";
    private static final String SURCHARGE_BASE = "财政部 税务总局关于城市维护建设税计税依据确定办法等事项的公告 2021年第28号 二";
    private static final String INCOME_BASE = "财税〔2016〕43号 四";
    private static final String INCOME_DEDUCTIONS = "国税发〔2006〕108号 二";

    private final TaxParameters parameters;
    /** The district, city and province of every county-level division, worked out once. */
    private final Map<String, Region> regions = new HashMap<>();

    TaxCalculator(TaxParameters parameters) {
        this.parameters = parameters;
        for (AdministrativeDivision district : AdministrativeDivision.all()) {
            if (district.isCountyLevel()) {
                String city = district.parentCode();
                String province = AdministrativeDivision.find(city).map(AdministrativeDivision::parentCode).orElse(city);
                regions.put(district.code(), Region.of(district.code(), city, province));
            }
        }
    }

    /**
     * Calculates every tax of the request's scenario.
     *
     * @throws RuleViolationException a field breaks a rule, or no rules are loaded for its date or place
     */
    TaxCalculation calculate(TaxCalculationRequest request) {
        if (request.scenario() == null) {
            throw new RuleViolationException(new Violation("scenario", "tax.required"));
        }
        return switch (request.scenario()) {
            case HOUSING_TRANSFER -> housingTransfer(request);
            case URBAN_MAINTENANCE -> urbanMaintenance(request);
            case RESOURCE_TAX -> resourceTax(request);
        };
    }

    // ---------------------------------------------------------------------------------------------- housing transfer

    private TaxCalculation housingTransfer(TaxCalculationRequest r) {
        Checks checks = new Checks();
        checks.required(r.contractDate(), "contractDate");
        AdministrativeDivision district = checks.district(r.districtCode());
        checks.required(r.transferType(), "transferType");
        if (r.transferType() == TransferType.SALE) {
            checks.required(r.price(), "price");
        }
        checks.positiveAmount(r.price(), "price");
        checks.positiveAmount(r.assessedPrice(), "assessedPrice");
        checks.amountPrecision(r.exchangeDifference(), "exchangeDifference");
        if (r.transferType() == TransferType.EXCHANGE && r.exchangeDifference() == null) {
            // 契税法 第四条（二）: the base of an exchange is the difference, which the parties' contract states
            checks.add("exchangeDifference", "tax.exchange-difference-required");
        }
        if (r.area() != null) {
            if (r.area().signum() <= 0) {
                checks.add("area", "tax.area-not-positive", r.area().toPlainString());
            } else if (r.area().scale() > 2 && r.area().stripTrailingZeros().scale() > 2) {
                checks.add("area", "tax.area-precision", r.area().toPlainString());
            }
        }
        Buyer buyer = r.buyer();
        if (checks.required(buyer, "buyer")) {
            checks.required(buyer.kind(), "buyer.kind");
            if (buyer.homesOwnedBeforePurchase() != null && buyer.homesOwnedBeforePurchase() < 0) {
                checks.add("buyer.homesOwnedBeforePurchase", "tax.count-negative", buyer.homesOwnedBeforePurchase());
            }
        }
        Seller seller = r.seller();
        if (checks.required(seller, "seller")) {
            checks.required(seller.kind(), "seller.kind");
            checks.nonNegativeAmount(seller.originalCost(), "seller.originalCost");
            checks.nonNegativeAmount(seller.deedTaxPaidOnAcquisition(), "seller.deedTaxPaidOnAcquisition");
            checks.nonNegativeAmount(seller.renovationCost(), "seller.renovationCost");
            checks.nonNegativeAmount(seller.loanInterest(), "seller.loanInterest");
            checks.nonNegativeAmount(seller.transferFees(), "seller.transferFees");
            if (seller.acquiredOn() != null && r.contractDate() != null && seller.acquiredOn().isAfter(r.contractDate())) {
                checks.add("seller.acquiredOn", "tax.acquired-after-contract", seller.acquiredOn().toString(),
                        r.contractDate().toString());
            }
        }
        checks.throwIfAny();

        Work work = new Work(r.contractDate(), "contractDate", region(district));
        // the deed-tax law first: a date before it took effect is refused naming 契税法, a province without a rate naming it
        work.find(ParameterKeys.DEED_TAX_RATE_MINIMUM);
        work.find(ParameterKeys.DEED_TAX_RATE);
        BigDecimal vat = null;
        if (r.transferType() == TransferType.SALE && seller.kind() == PartyKind.INDIVIDUAL) {
            vat = housingVat(r, work);
            if (vat != null) {
                BigDecimal surcharges = surcharges(vat, Payer.SELLER, category(r.locationCategory(), district, work),
                        Boolean.TRUE.equals(r.smallTaxpayerHalving()), work,
                        "计税依据为本次实际缴纳的增值税" + yuan(vat) + "元");
                incomeTax(r, vat, surcharges, work);
            }
        } else if (r.transferType() == TransferType.SALE) {
            // an entity sells: its VAT is its own periodic declaration; the deed-tax base needs the price without it
            if (r.assessedPrice() == null) {
                work.undetermined("seller.kind", "转让方为单位：其增值税、城市维护建设税及附加由该单位自行申报，本测算不计算；"
                        + "契税以不含增值税的成交价格（发票金额）为计税依据（财税〔2016〕43号 一），含税价无法推算，请填写税务机关核定的价格 assessedPrice。");
            }
        } else {
            work.undetermined("transferType", "赠与、互换、继承中转让方的增值税和个人所得税取决于亲属关系和税务机关核定的价格，本测算不计算，请向主管税务机关确认。");
        }
        deedTax(r, vat, district, work);
        return work.result();
    }

    /** VAT of an individual's home (财税〔2016〕36号 附件3 五); the amount levied, or null when undetermined. */
    private BigDecimal housingVat(TaxCalculationRequest r, Work work) {
        TaxParameter exemptAfter = work.find(ParameterKeys.VAT_HOUSING_EXEMPT_AFTER_YEARS);
        TaxParameter levy = work.find(ParameterKeys.VAT_HOUSING_LEVY_RATE);
        LocalDate acquiredOn = r.seller().acquiredOn();
        if (acquiredOn == null) {
            work.undetermined("seller.acquiredOn", "转让方何时取得该住房（房屋产权证或契税完税凭证注明时间较早者）？持有满"
                    + exemptAfter.value() + "年免征增值税，不满的按征收率征收；城市维护建设税及附加、契税和个人所得税的计税依据都取决于它。");
            return null;
        }
        int years = exemptAfter.decimal().intValueExact();
        Holding holding = new Holding(acquiredOn, work.date);
        String held = "转让方" + acquiredOn + "取得，至合同签订日" + work.dateText + "持有" + holding.describe() + "（持有期按周年对日计算，"
                + "2月29日取得的以平年2月28日为对日，民法典 第二百零二条）";
        if (holding.atLeastYears(years)) {
            work.line(Tax.VAT, Payer.SELLER, r.price(), BigDecimal.ZERO, ZERO_FEN, exemptAfter.citation().text(),
                    held + "，已满" + years + "年（" + holding.anniversary(years) + "起含" + years + "年），免征增值税；不满" + years
                            + "年才按" + levy.percent() + "征收率征收。");
            return ZERO_FEN;
        }
        BigDecimal rate = levy.decimal();
        // rounded once: price × rate ÷ (1 + rate), to the fen
        BigDecimal amount = r.price().multiply(rate).divide(ONE.add(rate), 2, RoundingMode.HALF_UP);
        BigDecimal base = r.price().subtract(amount);
        work.line(Tax.VAT, Payer.SELLER, base, rate, amount, levy.citation().text() + "；" + VAT_FORMULA,
                held + "，不满" + years + "年（" + holding.anniversary(years) + "起才满），按" + levy.percent() + "征收率全额征收，"
                        + "不含税价" + yuan(base) + "元=含税价" + yuan(r.price()) + "元−税额；满" + years + "年则免征。");
        return amount;
    }

    /**
     * Urban maintenance tax, education surcharge and local education surcharge on a VAT (and consumption tax) base;
     * returns their sum.
     */
    private BigDecimal surcharges(BigDecimal base, Payer payer, LocationCategory category, boolean halving, Work work,
            String baseExplanation) {
        TaxParameter urbanArea = work.find(ParameterKeys.URBAN_MAINTENANCE_RATE_URBAN);
        TaxParameter town = work.find(ParameterKeys.URBAN_MAINTENANCE_RATE_COUNTY_TOWN);
        TaxParameter elsewhere = work.find(ParameterKeys.URBAN_MAINTENANCE_RATE_OTHER);
        TaxParameter urban = switch (category) {
            case URBAN -> urbanArea;
            case COUNTY_TOWN -> town;
            case OTHER -> elsewhere;
        };
        TaxParameter education = work.find(ParameterKeys.EDUCATION_SURCHARGE_RATE);
        TaxParameter local = work.find(ParameterKeys.LOCAL_EDUCATION_SURCHARGE_RATE);
        TaxParameter relief = halving ? work.find(ParameterKeys.SMALL_TAXPAYER_HALVING) : null;
        String where = switch (category) {
            case URBAN -> "纳税人所在地在市区，适用" + urbanArea.percent() + "；县城、镇为" + town.percent()
                    + "，其他地区为" + elsewhere.percent();
            case COUNTY_TOWN -> "纳税人所在地在县城、镇，适用" + town.percent() + "；市区为" + urbanArea.percent()
                    + "，其他地区为" + elsewhere.percent();
            case OTHER -> "纳税人所在地不在市区、县城或者镇，适用" + elsewhere.percent() + "；市区为"
                    + urbanArea.percent() + "，县城、镇为" + town.percent();
        } + "（城市维护建设税法 第四条" + (work.derivedCategory ? "；所在地类别由行政区划推定，第四条 第二款 具体地点由省确定，不同请填写 locationCategory" : "") + "）";
        BigDecimal total = BigDecimal.ZERO;
        total = total.add(surcharge(Tax.URBAN_MAINTENANCE_TAX, payer, base, urban, relief, URBAN_BASE,
                baseExplanation + "；" + where + "。", work));
        total = total.add(surcharge(Tax.EDUCATION_SURCHARGE, payer, base, education, relief, SURCHARGE_BASE,
                baseExplanation + "，与城市维护建设税计税依据一致；教育费附加率为" + education.percent() + "。", work));
        total = total.add(surcharge(Tax.LOCAL_EDUCATION_SURCHARGE, payer, base, local, relief, SURCHARGE_BASE,
                baseExplanation + "，与城市维护建设税计税依据一致；地方教育附加率为" + local.percent() + "。", work));
        return total;
    }

    private static BigDecimal surcharge(Tax tax, Payer payer, BigDecimal base, TaxParameter rate, TaxParameter relief,
            String baseCitation, String explanation, Work work) {
        BigDecimal effective = rate.decimal();
        String citation = rate.citation().text() + "；" + baseCitation;
        String why = explanation;
        if (relief != null) {
            effective = effective.multiply(ONE.subtract(relief.decimal()));
            citation += "；" + relief.citation().text();
            why += "增值税小规模纳税人减征" + relief.percent() + "，实际税率" + percent(effective) + "。";
        } else {
            why += "未申请小规模纳税人减半。";
        }
        BigDecimal amount = base.multiply(effective).setScale(2, RoundingMode.HALF_UP);
        work.line(tax, payer, base, effective, amount, citation, why);
        return amount;
    }

    /** 个人所得税 on an individual's housing transfer. */
    private void incomeTax(TaxCalculationRequest r, BigDecimal vat, BigDecimal surcharges, Work work) {
        Seller seller = r.seller();
        TaxParameter exemptAfter = work.find(ParameterKeys.INCOME_TAX_EXEMPT_AFTER_YEARS);
        TaxParameter rate = work.find(ParameterKeys.INCOME_TAX_RATE);
        int years = exemptAfter.decimal().intValueExact();
        Holding holding = new Holding(seller.acquiredOn(), work.date);
        // 财税〔2016〕43号 四: the income excludes the VAT of this transfer
        BigDecimal income = r.price().subtract(vat);
        if (Boolean.TRUE.equals(seller.onlyFamilyHomeForFiveYears())) {
            if (!holding.atLeastYears(years)) {
                throw new RuleViolationException(new Violation("seller.onlyFamilyHomeForFiveYears", "tax.five-years-contradicted",
                        seller.acquiredOn().toString(), holding.anniversary(years).toString()));
            }
            work.line(Tax.INDIVIDUAL_INCOME_TAX, Payer.SELLER, income, BigDecimal.ZERO, ZERO_FEN, exemptAfter.citation().text(),
                    "家庭唯一生活用房且自用满" + years + "年（持有" + holding.describe() + "），转让所得免征个人所得税；不满"
                            + years + "年或非唯一住房则按所得的" + rate.percent() + "或核定征收率征收。");
            return;
        }
        if (seller.onlyFamilyHomeForFiveYears() == null && holding.atLeastYears(years)) {
            work.undetermined("seller.onlyFamilyHomeForFiveYears", "该住房是否为转让方家庭唯一生活用房且自用满" + years
                    + "年？是则免征个人所得税（财税字〔1999〕278号 四）。");
            return;
        }
        String notExempt = Boolean.FALSE.equals(seller.onlyFamilyHomeForFiveYears())
                ? "不是家庭唯一生活用房或自用不满" + years + "年，不免征"
                : "持有" + holding.describe() + "，不满" + years + "年，不免征";
        if (seller.originalCost() == null) {
            TaxParameter assessed = work.find(ParameterKeys.INCOME_TAX_ASSESSED_RATE);
            BigDecimal amount = income.multiply(assessed.decimal()).setScale(2, RoundingMode.HALF_UP);
            work.line(Tax.INDIVIDUAL_INCOME_TAX, Payer.SELLER, income, assessed.decimal(), amount,
                    assessed.citation().text() + "；" + INCOME_BASE,
                    notExempt + "；未提供房屋原值，不能按所得的" + rate.percent() + "计算，按不含增值税的转让收入" + yuan(income) + "元的核定征收率"
                            + assessed.percent() + "征收；提供完整、准确的原值凭证则按(收入−原值−合理费用)×" + rate.percent() + "计算。");
            return;
        }
        TaxParameter cap = work.find(ParameterKeys.INCOME_TAX_RENOVATION_CAP);
        BigDecimal renovation = orZero(seller.renovationCost()).min(seller.originalCost().multiply(cap.decimal()));
        BigDecimal deductions = seller.originalCost().add(orZero(seller.deedTaxPaidOnAcquisition())).add(renovation)
                .add(orZero(seller.loanInterest())).add(orZero(seller.transferFees())).add(surcharges);
        BigDecimal gain = income.subtract(deductions).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        BigDecimal amount = gain.multiply(rate.decimal()).setScale(2, RoundingMode.HALF_UP);
        work.line(Tax.INDIVIDUAL_INCOME_TAX, Payer.SELLER, gain, rate.decimal(), amount,
                rate.citation().text() + "；" + INCOME_BASE + "；" + INCOME_DEDUCTIONS + "；" + cap.citation().text(),
                notExempt + "；原值已提供，按所得的" + rate.percent() + "计算（不用核定征收率）：不含增值税收入" + yuan(income) + "元，减房屋原值"
                        + yuan(seller.originalCost()) + "元、取得时契税" + yuan(orZero(seller.deedTaxPaidOnAcquisition()))
                        + "元、装修费用" + yuan(renovation) + "元（最高为原值的" + cap.percent() + "）、贷款利息"
                        + yuan(orZero(seller.loanInterest())) + "元、手续费等" + yuan(orZero(seller.transferFees()))
                        + "元、本次缴纳的城市维护建设税及附加" + yuan(surcharges) + "元（不含增值税）"
                        + (gain.signum() == 0 ? "，没有所得。" : "，所得" + yuan(gain) + "元。"));
    }

    /** 契税: base by transfer type (第四条), exemptions (第六条), the province's rate or a housing relief. */
    private void deedTax(TaxCalculationRequest r, BigDecimal vat, AdministrativeDivision district, Work work) {
        Buyer buyer = r.buyer();
        Relation relation = buyer.relationToSeller() == null ? Relation.NONE : buyer.relationToSeller();
        TaxParameter statutory = work.find(ParameterKeys.DEED_TAX_RATE);
        if (r.transferType() == TransferType.INHERITANCE && relation != Relation.NONE) {
            TaxParameter heir = work.find(ParameterKeys.DEED_TAX_EXEMPTION_LEGAL_HEIR);
            work.line(Tax.DEED_TAX, Payer.BUYER, r.assessedPrice(), BigDecimal.ZERO, ZERO_FEN, heir.citation().text(),
                    "法定继承人通过继承承受房屋权属，免征契税（受遗赠等非法定继承按核定价格征收）。" + DEED_CLAWBACK);
            return;
        }
        if (relation == Relation.SPOUSE) {
            TaxParameter spouse = work.find(ParameterKeys.DEED_TAX_EXEMPTION_SPOUSE);
            // the base there would have been, for the record of 第八条: an assessed price, or a sale's price without VAT
            BigDecimal base = r.assessedPrice() != null ? r.assessedPrice()
                    : r.transferType() == TransferType.SALE && vat != null ? r.price().subtract(vat) : null;
            work.line(Tax.DEED_TAX, Payer.BUYER, base, BigDecimal.ZERO, ZERO_FEN, spouse.citation().text(),
                    "婚姻关系存续期间夫妻之间变更房屋权属，免征契税。" + DEED_CLAWBACK);
            return;
        }
        Reacquisition reacquisition = buyer.reacquisition() == null ? Reacquisition.NONE : buyer.reacquisition();
        String optionWhy = "";
        if (reacquisition != Reacquisition.NONE) {
            // 契税法 第七条: 省、自治区、直辖市可以决定对下列情形免征或者减征契税 — only what the province decided applies
            TaxParameter option = work.find(reacquisition == Reacquisition.EXPROPRIATION
                    ? ParameterKeys.DEED_TAX_OPTION_EXPROPRIATION : ParameterKeys.DEED_TAX_OPTION_FORCE_MAJEURE);
            String situation = reacquisition == Reacquisition.EXPROPRIATION ? "因房屋被县级以上人民政府征收、征用重新承受房屋权属"
                    : "因不可抗力灭失住房重新承受住房权属";
            if ("EXEMPT".equals(option.value())) {
                BigDecimal base = r.assessedPrice() != null ? r.assessedPrice()
                        : r.transferType() == TransferType.SALE && vat != null ? r.price().subtract(vat) : null;
                work.line(Tax.DEED_TAX, Payer.BUYER, base, BigDecimal.ZERO, ZERO_FEN, option.citation().text(),
                        situation + "，按省的决定免征契税（契税法 第七条）。" + DEED_CLAWBACK);
                return;
            }
            optionWhy = situation + "，但所在省未决定免征或减征（" + option.citation().text() + "）；";
        }
        Payer payer = Payer.BUYER;
        BigDecimal base;
        String baseCitation;
        String baseWhy;
        switch (r.transferType()) {
            case SALE -> {
                if (r.assessedPrice() != null) {
                    base = r.assessedPrice();
                    baseCitation = DEED_BASE_LOW_PRICE;
                    baseWhy = "计税依据为税务机关核定的价格" + yuan(base) + "元（申报价格明显偏低）";
                } else if (vat != null) {
                    base = r.price().subtract(vat);
                    baseCitation = DEED_BASE_SALE;
                    baseWhy = "计税依据为不含增值税的成交价格" + yuan(base) + "元";
                } else {
                    return; // the fact it depends on (seller.acquiredOn or seller.kind) is already asked for
                }
            }
            case EXCHANGE -> {
                base = r.exchangeDifference().abs();
                payer = r.exchangeDifference().signum() < 0 ? Payer.SELLER : Payer.BUYER;
                baseCitation = DEED_BASE_EXCHANGE;
                baseWhy = base.signum() == 0 ? "互换价格相等，计税依据为零"
                        : "计税依据为互换价格差额" + yuan(base) + "元，由支付差额的" + (payer == Payer.BUYER ? "承受方" : "转让方") + "缴纳";
            }
            default -> { // GIFT, INHERITANCE by someone other than a legal heir: no price
                if (r.assessedPrice() == null) {
                    work.undetermined("assessedPrice", "税务机关参照房屋买卖的市场价格依法核定的价格是多少？赠与、受遗赠等没有价格的转移以此为契税计税依据（契税法 第四条（三））。");
                    return;
                }
                base = r.assessedPrice();
                baseCitation = DEED_BASE_ASSESSED;
                baseWhy = "没有价格的转移，计税依据为税务机关核定的价格" + yuan(base) + "元";
            }
        }
        String provincial = "省级适用税率" + statutory.percent() + "（" + statutory.citation().text() + "，契税法 第三条 3%–5%）";
        TaxParameter rate = statutory;
        String why;
        if (r.transferType() != TransferType.SALE || buyer.kind() != PartyKind.INDIVIDUAL) {
            why = "住房契税优惠只适用于个人购买住房，本次为" + (buyer.kind() != PartyKind.INDIVIDUAL ? "单位承受" : transferName(r.transferType()))
                    + "，适用" + provincial + "。";
        } else if (r.residential() == null) {
            work.undetermined("residential", "所转移的房屋是否为住房？个人购买家庭唯一住房、第二套住房可享受契税优惠税率。");
            return;
        } else if (!r.residential()) {
            why = "非住房，不适用住房契税优惠，适用" + provincial + "。";
        } else if (buyer.homesOwnedBeforePurchase() == null) {
            work.undetermined("buyer.homesOwnedBeforePurchase", "购房前承受方家庭（本人、配偶和未成年子女）已有几套住房？唯一住房、第二套住房的契税优惠税率不同，第三套及以上适用省级税率。");
            return;
        } else if (buyer.homesOwnedBeforePurchase() >= 2) {
            why = "购房前家庭已有" + buyer.homesOwnedBeforePurchase() + "套住房，本次为第三套及以上，不适用唯一住房、第二套住房优惠，适用"
                    + provincial + "。";
        } else if (r.area() == null) {
            work.undetermined("area", "房屋建筑面积是多少平方米？契税优惠税率按面积分档。");
            return;
        } else {
            boolean first = buyer.homesOwnedBeforePurchase() == 0;
            TaxParameter threshold = work.find(ParameterKeys.DEED_TAX_RELIEF_AREA);
            boolean small = r.area().compareTo(threshold.decimal()) <= 0;
            TaxParameter relief = work.find(first
                    ? (small ? ParameterKeys.DEED_TAX_RELIEF_FIRST_SMALL : ParameterKeys.DEED_TAX_RELIEF_FIRST_LARGE)
                    : (small ? ParameterKeys.DEED_TAX_RELIEF_SECOND_SMALL : ParameterKeys.DEED_TAX_RELIEF_SECOND_LARGE));
            TaxParameter other = work.find(first
                    ? (small ? ParameterKeys.DEED_TAX_RELIEF_FIRST_LARGE : ParameterKeys.DEED_TAX_RELIEF_FIRST_SMALL)
                    : (small ? ParameterKeys.DEED_TAX_RELIEF_SECOND_LARGE : ParameterKeys.DEED_TAX_RELIEF_SECOND_SMALL));
            String home = first ? "家庭唯一住房" : "家庭第二套住房";
            String band = "面积" + r.area().toPlainString() + "㎡" + (small ? "不超过" : "超过") + threshold.decimal().toPlainString()
                    + "㎡" + (small ? "（含）" : "");
            String period = "；合同签订日" + work.dateText + "适用" + relief.citation().document() + "（" + relief.validity() + "）";
            if (relief.isNone()) {
                why = home + "，" + band + "，但" + district.name() + "所在地不实施该项优惠（" + relief.citation().text() + "），适用"
                        + provincial + period + "。";
            } else {
                rate = relief;
                why = home + "，" + band + "，减按" + relief.percent() + "征收；" + (small ? "超过" : "不超过")
                        + threshold.decimal().toPlainString() + "㎡" + (small ? "" : "（含）") + "则为"
                        + (other.isNone() ? "省级税率" : other.percent()) + period + "。" + DEED_CLAWBACK;
            }
        }
        BigDecimal amount = base.multiply(rate.decimal()).setScale(2, RoundingMode.HALF_UP);
        String citation = rate.citation().text() + (rate == statutory ? "" : "；" + statutory.citation().text())
                + "；" + baseCitation + "；" + DEED_AMOUNT;
        work.line(Tax.DEED_TAX, payer, base, rate.decimal(), amount, citation, optionWhy + baseWhy + "；" + why);
    }

    private static String transferName(TransferType type) {
        return switch (type) {
            case SALE -> "买卖";
            case EXCHANGE -> "互换";
            case GIFT -> "赠与";
            case INHERITANCE -> "受遗赠";
        };
    }

    /**
     * The province's deed-tax rate (契税法 第三条) on a date in a county-level district: what an exempt or reduced line
     * would have paid, for the obligation of 契税法 第八条.
     */
    BigDecimal provincialDeedTaxRate(LocalDate date, String districtCode) {
        return parameters.find(ParameterKeys.DEED_TAX_RATE, date, regions.get(districtCode)).decimal();
    }

    // ---------------------------------------------------------------------------------------------- urban maintenance

    private TaxCalculation urbanMaintenance(TaxCalculationRequest r) {
        Checks checks = new Checks();
        checks.required(r.periodEnd(), "periodEnd");
        AdministrativeDivision district = checks.district(r.districtCode());
        checks.nonNegativeAmount(r.vatPaid(), "vatPaid");
        checks.nonNegativeAmount(r.consumptionTaxPaid(), "consumptionTaxPaid");
        checks.nonNegativeAmount(r.retainedCreditVatRefund(), "retainedCreditVatRefund");
        checks.nonNegativeAmount(r.importVatPaid(), "importVatPaid");
        if (r.vatPaid() == null && r.consumptionTaxPaid() == null) {
            checks.add("vatPaid", "tax.urban-maintenance-base-required");
        }
        checks.throwIfAny();
        Work work = new Work(r.periodEnd(), "periodEnd", region(district));
        BigDecimal paid = orZero(r.vatPaid()).add(orZero(r.consumptionTaxPaid()));
        BigDecimal refund = orZero(r.retainedCreditVatRefund());
        BigDecimal base = paid.subtract(refund).max(BigDecimal.ZERO);
        String why = "计税依据为实际缴纳的增值税" + yuan(orZero(r.vatPaid())) + "元与消费税" + yuan(orZero(r.consumptionTaxPaid()))
                + "元，扣除期末留抵退税退还的增值税" + yuan(refund) + "元（第二条），得" + yuan(base) + "元"
                + (paid.compareTo(refund) < 0 ? "（退还额超过实缴额，计税依据以零为限）" : "")
                + (r.importVatPaid() == null || r.importVatPaid().signum() == 0 ? ""
                        : "；进口货物缴纳的增值税" + yuan(r.importVatPaid()) + "元不征收城市维护建设税（第三条），不计入");
        surcharges(base, Payer.TAXPAYER, category(r.locationCategory(), district, work), Boolean.TRUE.equals(r.smallTaxpayerHalving()),
                work, why);
        return work.result();
    }

    // ---------------------------------------------------------------------------------------------- resource tax

    private TaxCalculation resourceTax(TaxCalculationRequest r) {
        Checks checks = new Checks();
        checks.required(r.periodEnd(), "periodEnd");
        checks.required(r.salesAmount(), "salesAmount");
        checks.nonNegativeAmount(r.salesAmount(), "salesAmount");
        checks.nonNegativeAmount(r.purchasedAmount(), "purchasedAmount");
        checks.rate(r.rate(), "rate");
        checks.rate(r.rawOreRate(), "rawOreRate");
        checks.rate(r.concentrateRate(), "concentrateRate");
        AdministrativeDivision district = r.districtCode() == null ? null : checks.district(r.districtCode());
        if (r.purchasedAmount() != null && r.mixing() == null) {
            checks.add("mixing", "tax.required");
        }
        if (r.mixing() != null) {
            checks.required(r.purchasedAmount(), "purchasedAmount");
        }
        if (r.mixing() == Mixing.RAW_WASHED_INTO_CONCENTRATE) {
            checks.required(r.rawOreRate(), "rawOreRate");
            checks.required(r.concentrateRate(), "concentrateRate");
            if (r.rate() != null && r.concentrateRate() != null && r.rate().compareTo(r.concentrateRate()) != 0) {
                // the concentrate is what is sold, so its rate is the rate of the sale
                checks.add("rate", "tax.rate-mismatch", r.rate().toPlainString(), r.concentrateRate().toPlainString());
            }
        } else {
            checks.required(r.rate(), "rate");
        }
        checks.throwIfAny();
        Work work = new Work(r.periodEnd(), "periodEnd", district == null ? Region.of(null, null, null) : region(district));
        BigDecimal rate = r.rate() != null ? r.rate() : r.concentrateRate();
        BigDecimal deduction = BigDecimal.ZERO;
        String citation = "中华人民共和国资源税法 第三条（从价计征：应纳税额=销售额×具体适用税率）";
        String why = "无外购矿，计税依据为销售额" + yuan(r.salesAmount()) + "元";
        if (r.mixing() == Mixing.SAME_PRODUCT) {
            TaxParameter rule = work.find(ParameterKeys.RESOURCE_DEDUCTION_SAME_PRODUCT);
            deduction = r.purchasedAmount();
            citation = rule.citation().text();
            why = "外购矿与自采（自产）矿混合为同类产品销售，直接扣减外购购进金额" + yuan(deduction) + "元（不按税率折算，折算只用于原矿洗选为选矿产品）";
        } else if (r.mixing() == Mixing.RAW_WASHED_INTO_CONCENTRATE) {
            TaxParameter rule = work.find(ParameterKeys.RESOURCE_DEDUCTION_WASHED);
            deduction = r.purchasedAmount().multiply(r.rawOreRate()).divide(r.concentrateRate(), MathContext.DECIMAL128);
            citation = rule.citation().text();
            why = "外购原矿与自采原矿混合洗选为选矿产品销售，准予扣减=外购原矿购进金额" + yuan(r.purchasedAmount()) + "元×（原矿税率"
                    + percent(r.rawOreRate()) + "÷选矿产品税率" + percent(r.concentrateRate()) + "）="
                    + yuan(deduction.setScale(2, RoundingMode.HALF_UP)) + "元（不直接扣减全额，全额扣减只用于混合为同类产品销售）";
        }
        BigDecimal base = r.salesAmount().subtract(deduction);
        if (base.signum() < 0) {
            why += "；扣减额超过销售额，计税依据以零为限，不足扣减部分按规定结转下期";
            base = BigDecimal.ZERO;
        }
        BigDecimal amount = base.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        work.line(Tax.RESOURCE_TAX, Payer.TAXPAYER, base.setScale(2, RoundingMode.HALF_UP), rate, amount, citation,
                why + "；销售额" + yuan(r.salesAmount()) + "元减扣减额后按申报税率" + percent(rate) + "计算。");
        return work.result();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** 城市维护建设税法 第四条: the location the caller gave, or the one the district's kind implies. */
    private static LocationCategory category(LocationCategory given, AdministrativeDivision district, Work work) {
        if (given != null) {
            return given;
        }
        work.derivedCategory = true;
        return district.kind() == DivisionKind.COUNTY ? LocationCategory.COUNTY_TOWN : LocationCategory.URBAN;
    }

    private Region region(AdministrativeDivision district) {
        return regions.get(district.code());
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static String yuan(BigDecimal value) {
        return value.toPlainString();
    }

    private static String percent(BigDecimal fraction) {
        return fraction.multiply(HUNDRED).stripTrailingZeros().toPlainString() + "%";
    }

    /** One calculation's date, place, lines and open questions. */
    private final class Work {

        final LocalDate date;
        /** The date as explanations show it, made once. */
        final String dateText;
        final String dateField;
        final Region region;
        boolean derivedCategory;
        final List<Line> lines = new ArrayList<>(8);
        final Map<String, Undetermined> undetermined = new LinkedHashMap<>();

        Work(LocalDate date, String dateField, Region region) {
            this.date = date;
            this.dateText = date.toString();
            this.dateField = dateField;
            this.region = region;
        }

        /** The parameter in force; a gap refuses the calculation, naming the field that led to it. */
        TaxParameter find(String key) {
            try {
                return parameters.find(key, date, region);
            } catch (ParameterGap gap) {
                String source = gap.example.citation().document();
                throw new RuleViolationException(switch (gap.kind) {
                    case BEFORE -> new Violation(dateField, "tax.rules-not-loaded-before", date.toString(), source, gap.bound.toString());
                    case AFTER -> new Violation(dateField, "tax.rules-not-loaded-after", date.toString(), source, gap.bound.toString());
                    case REGION -> new Violation("districtCode", "tax.rules-not-loaded-for-region", region.district(), source, date.toString());
                });
            }
        }

        void line(Tax tax, Payer payer, BigDecimal base, BigDecimal rate, BigDecimal amount, String citation, String explanation) {
            lines.add(new Line(tax, payer, base, rate, amount, citation, explanation));
        }

        void undetermined(String fact, String question) {
            undetermined.putIfAbsent(fact, new Undetermined(fact, question));
        }

        TaxCalculation result() {
            Map<Payer, BigDecimal> totals = new EnumMap<>(Payer.class);
            for (Line line : lines) {
                totals.merge(line.payer(), line.amount(), BigDecimal::add);
            }
            return new TaxCalculation(List.copyOf(lines), totals, List.copyOf(undetermined.values()));
        }
    }

    /** The violations of one request, all reported at once. */
    private static final class Checks {

        private final List<Violation> violations = new ArrayList<>();

        void add(String field, String code, Object... args) {
            violations.add(new Violation(field, code, args));
        }

        boolean required(Object value, String field) {
            if (value == null) {
                add(field, "tax.required");
                return false;
            }
            return true;
        }

        AdministrativeDivision district(String code) {
            if (code == null) {
                add("districtCode", "tax.required");
                return null;
            }
            try {
                // the table first (a map look-up); of() only to name what is wrong with a code it does not hold
                AdministrativeDivision district = AdministrativeDivision.find(code).orElseGet(() -> AdministrativeDivision.of(code));
                if (!district.isCountyLevel()) {
                    add("districtCode", "tax.district-not-county", code);
                }
                return district;
            } catch (InvalidValueException e) {
                violations.add(e.at("districtCode"));
                return null;
            }
        }

        void positiveAmount(BigDecimal value, String field) {
            if (value != null && value.signum() <= 0) {
                add(field, "tax.amount-not-positive", value.toPlainString());
            } else {
                amountPrecision(value, field);
            }
        }

        void nonNegativeAmount(BigDecimal value, String field) {
            if (value != null && value.signum() < 0) {
                add(field, "tax.amount-negative", value.toPlainString());
            } else {
                amountPrecision(value, field);
            }
        }

        void amountPrecision(BigDecimal value, String field) {
            // amounts are yuan to the fen; more decimals are refused rather than silently rounded
            if (value != null && value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
                add(field, "tax.amount-precision", value.toPlainString());
            }
        }

        void rate(BigDecimal value, String field) {
            if (value != null && (value.signum() <= 0 || value.compareTo(ONE) > 0)) {
                add(field, "tax.rate-range", value.toPlainString());
            }
        }

        void throwIfAny() {
            if (!violations.isEmpty()) {
                throw new RuleViolationException(violations);
            }
        }
    }
}
