package cn.tongban.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A contract was filed (即时备案, 建房规〔2020〕4号 三（九）). Published in the filing transaction through Spring
 * Modulith's publication registry, so that tax, sharing and registration receive it even after a crash.
 */
public record ContractFiled(String filingCode, ContractType type, String unitCode, String districtCode, BigDecimal price,
        LocalDate signedOn, OffsetDateTime filedAt) {
}
