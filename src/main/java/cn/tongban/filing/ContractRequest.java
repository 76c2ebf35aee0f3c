package cn.tongban.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the parties enter to sign and file a contract: only the required fields — everything the 楼盘表 knows about
 * the unit is filled in from it (建房规〔2020〕4号 三（九）: 当事人仅需录入交易合同必填字段).
 *
 * @param price            total price in yuan (sale)
 * @param paymentType      付款类型 (dictionary payment_type)
 * @param loanType         贷款方式 (dictionary loan_type)
 * @param mortgageeConsent the mortgagee's written consent to sell a mortgaged unit (民法典 第四百零六条), its document number
 */
record ContractRequest(@NotNull ContractType type, @NotBlank String unitCode, @NotNull LocalDate signedOn,
        @NotNull BigDecimal price, String paymentType, String loanType,
        @NotEmpty @Size(max = 10) List<@Valid Party> sellers, @NotEmpty @Size(max = 10) List<@Valid Party> buyers,
        String mortgageeConsent) {

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
