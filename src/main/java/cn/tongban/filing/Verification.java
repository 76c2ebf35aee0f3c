package cn.tongban.filing;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.tongban.building.BuildingTable;
import cn.tongban.building.TradeStatus;
import cn.tongban.building.UnitView;
import cn.tongban.filing.VerificationReport.Check;
import cn.tongban.filing.VerificationReport.Result;
import cn.tongban.identity.Caller;
import cn.tongban.identity.DepartmentType;
import cn.tongban.identity.RealNameRegistry;
import cn.tongban.kernel.crypto.PersonalDataCipher;
import cn.tongban.restriction.RestrictionRegistry;

/**
 * 自动核验: checks the parties and the property of a contract before it is filed, against the 楼盘表 and the
 * restrictions the courts, banks and housing department have recorded (建房规〔2020〕4号 二（五）交易主体, （六）房源;
 * 建房〔2020〕61号 六: 失信被执行人 refused automatically).
 */
@Component
class Verification {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final BuildingTable buildingTable;
    private final RestrictionRegistry restrictions;
    private final PersonalDataCipher cipher;
    private final RealNameRegistry realNames;

    Verification(BuildingTable buildingTable, RestrictionRegistry restrictions, PersonalDataCipher cipher, RealNameRegistry realNames) {
        this.buildingTable = buildingTable;
        this.restrictions = restrictions;
        this.cipher = cipher;
        this.realNames = realNames;
    }

    /**
     * @param liveBuyers blind indexes of the buyers under the unit's live sale filing
     * @param caller     who files: a mortgage is filed by the lending bank itself
     */
    VerificationReport verify(ContractRequest request, UnitView unit, List<String> sellerIdNumbers, List<String> buyerIdNumbers,
            Set<String> liveBuyers, Caller caller) {
        ContractType type = request.type();
        String first = type == ContractType.LEASE ? "landlords" : type == ContractType.MORTGAGE ? "mortgagors" : "sellers";
        String second = type == ContractType.LEASE ? "tenants" : type == ContractType.MORTGAGE ? "mortgagees" : "buyers";
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < request.sellers().size(); i++) {
            checks.add(pass("party.identity", first + "[" + i + "]", "证件号码格式及校验位正确", "GB 11643 / GB 32100 校验"));
            realName(request.sellers().get(i), sellerIdNumbers.get(i), first + "[" + i + "]", checks);
        }
        for (int i = 0; i < request.buyers().size(); i++) {
            checks.add(pass("party.identity", second + "[" + i + "]", "证件号码格式及校验位正确", "GB 11643 / GB 32100 校验"));
            realName(request.buyers().get(i), buyerIdNumbers.get(i), second + "[" + i + "]", checks);
            if (!type.isSale()) {
                continue;
            }
            Optional<RestrictionRegistry.DishonestDebtor> debtor = restrictions.dishonestDebtor(buyerIdNumbers.get(i));
            checks.add(debtor.isPresent()
                    // 建房〔2020〕61号 六: 对失信被执行人 … 限制其购买房产
                    ? new Check("buyer.dishonest-debtor", "buyers[" + i + "]", Result.FAIL,
                            "买受人为失信被执行人（" + debtor.get().court() + " " + debtor.get().caseNo() + "），不得购买房产",
                            "法院失信被执行人名单", String.valueOf(debtor.get().publishedOn()))
                    : pass("buyer.dishonest-debtor", "buyers[" + i + "]", "买受人不在失信被执行人名单中", "法院失信被执行人名单"));
        }

        RestrictionRegistry.OnUnit restricted = restrictions.onUnit(unit.unitCode(), unit.projectId(), request.signedOn());
        List<RestrictionRegistry.Seizure> seizures = restricted.seizures();
        if (seizures.isEmpty() && !unit.rights().seized()) {
            checks.add(pass("unit.seizure", "unitCode", "房屋未被查封", "法院查封信息"));
        } else {
            // a seized home may still be let (the court decides on the rent); it may not be sold or mortgaged
            checks.add(new Check("unit.seizure", "unitCode", type == ContractType.LEASE ? Result.WARN : Result.FAIL,
                    "房屋已被查封（" + seizures.stream().map(s -> s.court() + " " + s.documentNo()).collect(Collectors.joining("；"))
                            + "）" + (type == ContractType.LEASE ? "，出租须经查封法院准许" : "，不得交易"),
                    "法院查封信息", seizures.isEmpty() ? null : String.valueOf(seizures.get(0).from())));
        }

        if (type.isSale()) {
            mortgage(request, unit, restricted.mortgages(), checks);
            checks.add(unit.rights().objection()
                    ? new Check("unit.objection", "unitCode", Result.FAIL, "房屋存在异议登记，不得交易", "不动产登记簿", null)
                    : pass("unit.objection", "unitCode", "房屋无异议登记", "不动产登记簿"));
            List<RestrictionRegistry.PolicyLock> locks = restricted.locks();
            checks.add(locks.isEmpty() && !unit.rights().locked()
                    ? pass("unit.policy-lock", "unitCode", "房屋未被限制交易", "住房城乡建设部门")
                    : new Check("unit.policy-lock", "unitCode", Result.FAIL, "房屋按政策未满足上市交易条件" + locks.stream()
                            .map(l -> "（" + l.reason() + "，至 " + l.until() + "）").collect(Collectors.joining()),
                            "住房城乡建设部门", null));
        }

        switch (type) {
            case NEW_SALE -> newSale(request, unit, sellerIdNumbers, checks);
            case EXISTING_SALE -> existingSale(unit, sellerIdNumbers, checks);
            case LEASE -> checks.add(owners(unit, sellerIdNumbers)
                    ? pass("landlord.owner", "landlords", "出租人为登记的房屋所有权人", "不动产登记簿")
                    : new Check("landlord.owner", "landlords", Result.FAIL, "出租人须为登记的房屋所有权人", "不动产登记簿", null));
            case MORTGAGE -> mortgageContract(unit, sellerIdNumbers, buyerIdNumbers, liveBuyers, caller, checks);
        }
        return new VerificationReport(OffsetDateTime.now(CHINA), checks);
    }

    /**
     * A person's name against the shared real-name records: a mismatch refuses, no record only warns — the registry
     * holds what the police and 民政 have shared so far.
     */
    private void realName(ContractRequest.Party party, String idNumber, String field, List<Check> checks) {
        if (!"01".equals(party.idType())) {
            return; // companies are checked against the market regulator's register, not shared yet
        }
        Optional<RealNameRegistry.Match> match = realNames.check(idNumber, party.name());
        checks.add(match.isEmpty()
                ? new Check("party.real-name", field, Result.WARN, "暂无该身份证号码的实名信息，未能核验姓名", "公安户籍信息", null)
                : match.get().nameMatches()
                        ? new Check("party.real-name", field, Result.PASS, "姓名与身份证号码一致", match.get().source(),
                                String.valueOf(match.get().recordedAt()))
                        : new Check("party.real-name", field, Result.FAIL, "姓名与身份证号码的实名信息不符", match.get().source(),
                                String.valueOf(match.get().recordedAt())));
    }

    /** 民法典 第四百零六条: a mortgaged home may be sold, the mortgagee informed — here, its consent recorded. */
    private void mortgage(ContractRequest request, UnitView unit, List<RestrictionRegistry.Mortgage> mortgages, List<Check> checks) {
        if (mortgages.isEmpty() && !unit.rights().mortgaged()) {
            checks.add(pass("unit.mortgage", "unitCode", "房屋无抵押", "不动产抵押登记信息"));
        } else if (request.mortgageeConsent() != null && !request.mortgageeConsent().isBlank()) {
            checks.add(new Check("unit.mortgage", "mortgageeConsent", Result.WARN,
                    "房屋已抵押，已记录抵押权人同意文件 " + request.mortgageeConsent().strip(), "不动产抵押登记信息", null));
        } else {
            checks.add(new Check("unit.mortgage", "mortgageeConsent", Result.FAIL,
                    "房屋已抵押，须提供抵押权人同意转让的文件", "不动产抵押登记信息", null));
        }
    }

    /**
     * 房屋抵押 is filed by the lending bank; the mortgagor owns the home, or is buying it under a live filed sale
     * (预购商品房贷款抵押).
     */
    private void mortgageContract(UnitView unit, List<String> mortgagors, List<String> mortgagees, Set<String> liveBuyers,
            Caller caller, List<Check> checks) {
        Set<String> signing = mortgagors.stream().map(cipher::blindIndex).collect(Collectors.toSet());
        boolean owner = owners(unit, mortgagors);
        boolean buyer = !liveBuyers.isEmpty() && liveBuyers.containsAll(signing);
        checks.add(owner || buyer
                ? pass("mortgagor.owner-or-buyer", "mortgagors", owner ? "抵押人为登记的房屋所有权人" : "抵押人为已备案买卖合同的买受人",
                        owner ? "不动产登记簿" : "网签备案")
                : new Check("mortgagor.owner-or-buyer", "mortgagors", Result.FAIL,
                        unit.owners().isEmpty() && liveBuyers.isEmpty() ? "房屋既无登记的所有权人，也无已备案的买卖合同，不能抵押"
                                : "抵押人须为房屋所有权人或已备案买卖合同的买受人", "不动产登记簿 / 网签备案", null));
        boolean lender = caller.departmentType() == DepartmentType.BANK && mortgagees.size() == 1
                && mortgagees.get(0).equals(caller.departmentCode());
        checks.add(lender
                ? pass("mortgagee.lender", "mortgagees[0]", "抵押权人为办理备案的贷款银行", "调用方")
                : new Check("mortgagee.lender", "mortgagees", Result.FAIL, "房屋抵押合同须由作为抵押权人的贷款银行办理备案", "调用方", null));
    }

    /** Whether the signing parties are exactly the unit's registered owners, all of them. */
    private boolean owners(UnitView unit, List<String> idNumbers) {
        Set<String> owners = unit.owners().stream().map(UnitView.Owner::idNumberIndex).collect(Collectors.toSet());
        Set<String> signing = idNumbers.stream().map(cipher::blindIndex).collect(Collectors.toSet());
        return !owners.isEmpty() && owners.equals(signing);
    }

    /** 建房规〔2020〕4号 二（六）: 新建商品房是否取得预售许可或者现售备案; the seller is the project's developer. */
    private void newSale(ContractRequest request, UnitView unit, List<String> sellers, List<Check> checks) {
        List<BuildingTable.SalePermit> permits = buildingTable.permitsCovering(unit.unitCode());
        Optional<BuildingTable.SalePermit> valid = permits.stream().filter(p -> p.validOn(request.signedOn())).findFirst();
        checks.add(valid.isPresent()
                ? new Check("unit.sale-permit", "unitCode", Result.PASS, "已取得" + ("PRESALE".equals(valid.get().kind()) ? "商品房预售许可" : "现售备案")
                        + " " + valid.get().permitNo(), "楼盘表", String.valueOf(valid.get().validFrom()))
                : new Check("unit.sale-permit", "unitCode", Result.FAIL, permits.isEmpty()
                        ? "房屋未取得商品房预售许可或现售备案" : "房屋的预售许可或现售备案在签约日不在有效期内", "楼盘表", null));
        boolean developer = sellers.size() == 1 && sellers.get(0).equals(unit.developerCreditCode());
        checks.add(developer
                ? pass("seller.developer", "sellers[0]", "出卖人为项目开发企业", "楼盘表")
                : new Check("seller.developer", "sellers", Result.FAIL, "新建商品房的出卖人须为该项目的开发企业", "楼盘表", null));
        checks.add(unit.tradeStatus() == TradeStatus.AVAILABLE
                ? pass("unit.trade-status", "unitCode", "房屋为可售状态", "楼盘表")
                : new Check("unit.trade-status", "unitCode", Result.FAIL, "房屋不是可售状态（" + unit.tradeStatus() + "）", "楼盘表", null));
    }

    /** 存量房: the sellers are exactly the registered owners, all of them signing. */
    private void existingSale(UnitView unit, List<String> sellers, List<Check> checks) {
        checks.add(owners(unit, sellers)
                ? pass("seller.owner", "sellers", "出卖人为登记的全部房屋所有权人", "不动产登记簿")
                : new Check("seller.owner", "sellers", Result.FAIL, unit.owners().isEmpty() ? "房屋无登记的所有权人，不能作为存量房出售"
                        : "出卖人须为登记的全部房屋所有权人，且全体共有人均须签约", "不动产登记簿", null));
        checks.add(unit.tradeStatus() == TradeStatus.REGISTERED
                ? pass("unit.trade-status", "unitCode", "房屋已登记，可转让", "楼盘表")
                : new Check("unit.trade-status", "unitCode", Result.FAIL, "房屋未办理所有权登记（" + unit.tradeStatus() + "）", "楼盘表", null));
    }

    private static Check pass(String rule, String field, String reason, String source) {
        return new Check(rule, field, Result.PASS, reason, source, null);
    }
}
