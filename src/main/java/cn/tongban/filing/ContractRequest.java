package cn.tongban.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the parties enter to sign and file a contract: only the required fields — everything the 楼盘表 knows about
 * the unit is filled in from it (建房规〔2020〕4号 三（九）: 当事人仅需录入交易合同必填字段).
 *
 * <p>The parties are {@code sellers} and {@code buyers}; a lease may name them {@code landlords} and {@code tenants}
 * (出租人, 承租人), a mortgage {@code mortgagors} and {@code mortgagees} (抵押人, 抵押权人).
 *
 * @param price            in yuan: the total price of a sale, the monthly rent of a lease, the secured amount of a
 *                         mortgage
 * @param startOn          a lease's first day
 * @param endOn            a lease's last day, or the day a mortgage's debt falls due
 * @param use              a lease's agreed use of the home (e.g. 居住)
 * @param paymentType      付款类型 (dictionary payment_type)
 * @param loanType         贷款方式 (dictionary loan_type)
 * @param mortgageeConsent the mortgagee's written consent to sell a mortgaged unit (民法典 第四百零六条), its document number
 */
record ContractRequest(@NotNull ContractType type, @NotBlank String unitCode, @NotNull LocalDate signedOn,
        @NotNull BigDecimal price, String paymentType, String loanType,
        @JsonAlias({"landlords", "mortgagors"}) @NotEmpty @Size(max = 10) List<@Valid Party> sellers,
        @JsonAlias({"tenants", "mortgagees"}) @NotEmpty @Size(max = 10) List<@Valid Party> buyers,
        String mortgageeConsent, LocalDate startOn, LocalDate endOn, @Size(max = 50) String use) {

    /**
     * A party: a person or an organisation.
     *
     * @param idType      交易者证件名称 (dictionary party_id_type): 01 居民身份证, 02 统一社会信用代码证, …
     * @param coOwnership 共有方式 of the buyers (dictionary co_ownership): 01 单独所有, 02 共同共有, 03 按份共有
     * @param share       for 按份共有, an exact fraction such as {@code 1/2}
     */
    record Party(@NotBlank String idType, @NotBlank String idNumber, @NotBlank @Size(max = 100) String name,
            @Size(max = 20) String phone, String coOwnership, String share) {
    }
}
