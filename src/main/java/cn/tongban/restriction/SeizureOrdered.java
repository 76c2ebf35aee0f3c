package cn.tongban.restriction;

import java.time.LocalDate;

/**
 * A court's seizure took effect on a unit (查封 or 预查封): the registration authority enters it in the register
 * book as 查封登记 (嘱托登记, 不动产登记暂行条例实施细则 第九十条). Published in the recording transaction.
 */
public record SeizureOrdered(long seizureId, String unitCode, RestrictionRegistry.SeizureKind kind, String court,
        String documentNo, LocalDate validFrom, LocalDate validTo, String recordedBy) {
}
