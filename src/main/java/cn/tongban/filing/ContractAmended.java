package cn.tongban.filing;

import java.math.BigDecimal;

/** A filed contract was amended (变更网签备案); {@code version} is its new version number. */
public record ContractAmended(String filingCode, int version, BigDecimal price) {
}
