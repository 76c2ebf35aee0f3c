package cn.tongban.registration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * 登记申请: what an applicant hands in (互联网+不动产登记建设指南 二（一）4 网上申请). Whatever the platform already has is
 * not asked again (免填单): a transfer's, pre-notice's or mortgage's parties, price and terms come from the filed
 * contract named by {@code filingCode}; the unit's facts from the 楼盘表.
 *
 * @param businessType  FIRST, TRANSFER, MORTGAGE, MORTGAGE_RELEASE, PRE_NOTICE, CORRECTION or OBJECTION (查封 and 解封
 *                      come from the courts' orders)
 * @param applicant     the single applicant where the type has no contract: the developer of a 首次登记, the mortgagee
 *                      or owner releasing a mortgage, the owner asking a correction, the person raising an objection
 * @param releases      the register book entry (seq) a release ends
 * @param rank          a mortgage's 顺位; the next free one when absent
 * @param certificates  certificates asked for (共有 owners may each ask one; 发改价格规〔2016〕2559号: 10 yuan each beyond the first)
 * @param correction    what a 更正登记 corrects: the owners as they should read, and why
 * @param reason        an objection's or correction's grounds
 */
record RegistrationRequest(@NotBlank @Size(max = 40) String businessType, @NotBlank String unitCode, @Size(max = 40) String filingCode,
        @Valid Party applicant, @Min(1) Integer releases, @Min(1) @Max(20) Integer rank, @Min(1) @Max(20) Integer certificates,
        @Valid List<Party> owners, @Size(max = 500) String reason) {

    /**
     * A party as registered.
     *
     * @param idType      交易者证件名称 code (01 居民身份证, 02 统一社会信用代码证 …)
     * @param coOwnership 共有方式 code, for owners
     * @param share       an owner's share, e.g. 1/2, for 按份共有
     */
    record Party(@NotBlank @Size(max = 2) String idType, @NotBlank @Size(max = 30) String idNumber,
            @NotBlank @Size(max = 100) String name, @Size(max = 20) String phone, @Size(max = 2) String coOwnership,
            @Size(max = 20) String share) {
    }

    /** 受理决定. */
    record Acceptance(@NotNull Decision decision, @Size(max = 500) String reason, List<@NotBlank @Size(max = 100) String> items) {

        enum Decision {
            /** 受理. */
            ACCEPT,
            /** 一次性告知补正. */
            SUPPLEMENT,
            /** 不予受理. */
            REJECT
        }
    }

    /** 审核决定. */
    record Review(@NotNull Decision decision, @Size(max = 1000) String opinion) {

        enum Decision {
            /** 审核通过, to 登簿. */
            APPROVE,
            /** 不予登记. */
            REFUSE
        }
    }

    /** 缴费: the registration fee confirmed paid by the cashier or the payment platform. */
    record Payment(@NotBlank @Size(max = 64) String paymentReference, @NotNull BigDecimal amount, LocalDate paidOn) {
    }
}
