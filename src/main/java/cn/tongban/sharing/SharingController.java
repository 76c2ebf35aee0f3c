package cn.tongban.sharing;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.filing.HousingCount;
import cn.tongban.identity.Permissions;

/**
 * 房屋网签备案信息共享 (建房〔2020〕61号 二 to 五): real-time queries of banks, the provident fund, tax and the police.
 * Every call declares {@code X-Purpose} and {@code X-Case-Number} (400 without) and needs a live grant of the
 * caller's department for the interface and purpose (403 naming the rule otherwise, audited).
 */
@RestController
@RequestMapping("/api/v1/sharing")
class SharingController {

    private static final String CALL = "hasAuthority('" + Permissions.SHARING_INTERFACE_CALL + "')";

    private final SharingQueries queries;
    private final SharingMarketRents marketRents;

    SharingController(SharingQueries queries, SharingMarketRents marketRents) {
        this.queries = queries;
        this.marketRents = marketRents;
    }

    /** 网签备案合同 (二、三). */
    @PreAuthorize(CALL)
    @GetMapping("/contracts/{filingCode}")
    SharingViews.SharedContract contract(@PathVariable String filingCode) {
        return queries.contract(filingCode, SharingInterface.CONTRACT);
    }

    /** 住房套数 and the homes counted (二、三、六). */
    @PreAuthorize(CALL)
    @GetMapping("/persons/{idNumber}/housing")
    HousingCount.Result housing(@PathVariable String idNumber) {
        return queries.housing(idNumber);
    }

    /** A person's filed contracts (六). */
    @PreAuthorize(CALL)
    @GetMapping("/persons/{idNumber}/contracts")
    List<SharingViews.SharedContract> personContracts(@PathVariable String idNumber) {
        return queries.personContracts(idNumber);
    }

    /** 贷款计算基数 and the anti-money-laundering gap signal (二、三). */
    @PreAuthorize(CALL)
    @GetMapping("/contracts/{filingCode}/loan-base")
    SharingViews.LoanBase loanBase(@PathVariable String filingCode, @RequestParam(required = false) BigDecimal appraisal,
            @RequestParam(required = false) BigDecimal funds) {
        return queries.loanBase(filingCode, appraisal, funds);
    }

    /** 租房提取住房公积金 (三); {@code taxReceipt} is the monthly rent the rent tax receipt states. */
    @PreAuthorize(CALL)
    @GetMapping("/contracts/{filingCode}/rent-withdrawal")
    SharingViews.RentWithdrawal rentWithdrawal(@PathVariable String filingCode,
            @RequestParam(required = false) BigDecimal taxReceipt) {
        return queries.rentWithdrawal(filingCode, taxReceipt);
    }

    /** 房屋交易纳税申报 (四): the filed sale contract with parties and unit. */
    @PreAuthorize(CALL)
    @GetMapping("/tax/sale-contracts/{filingCode}")
    SharingViews.SharedContract taxSaleContract(@PathVariable String filingCode) {
        return queries.contract(filingCode, SharingInterface.TAX_SALE_CONTRACT);
    }

    /** What the police ask (五): the person, and the unit (不动产单元代码) or the address. */
    record ResidenceCheck(String idNumber, String unitCode, String address) {
    }

    /** 居住证: yes or no, with the kind and dates (五). */
    @PreAuthorize(CALL)
    @PostMapping("/residence-checks")
    SharingViews.ResidenceAnswer residence(@RequestBody ResidenceCheck check) {
        return queries.residence(check.idNumber(), check.unitCode(), check.address());
    }

    @PreAuthorize("hasAuthority('" + Permissions.SHARING_GRANT_QUERY + "')")
    @GetMapping("/market-rents")
    List<SharingMarketRents.MarketRent> marketRents() {
        return marketRents.all();
    }

    record MarketRentLevel(BigDecimal monthlyPerSqm, String source) {
    }

    /** Sets the market rent level of a district and 房屋用途 (yuan per m² of building area per month). */
    @PreAuthorize("hasAuthority('" + Permissions.SHARING_GRANT_MANAGE + "')")
    @PutMapping("/market-rents/{districtCode}/{houseUse}")
    SharingMarketRents.MarketRent setMarketRent(@PathVariable String districtCode, @PathVariable String houseUse,
            @RequestBody MarketRentLevel level) {
        return marketRents.set(districtCode, houseUse, level.monthlyPerSqm(), level.source());
    }
}
