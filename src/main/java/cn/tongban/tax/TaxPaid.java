package cn.tongban.tax;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * 完税 (or 减免税) record issued for a declared transfer: what registration checks before it registers the transfer
 * (契税法 第十一条, 先税后证). Published in the issuing transaction through Spring Modulith's publication registry.
 *
 * @param filingCode    the filed contract declared
 * @param declarationId the declaration
 * @param receiptNo     the 18-digit receipt number
 * @param exemption     an exemption record (nothing to pay) rather than a payment
 * @param amount        the total paid, yuan
 */
public record TaxPaid(String filingCode, long declarationId, String receiptNo, boolean exemption, BigDecimal amount,
        OffsetDateTime issuedAt) {
}
