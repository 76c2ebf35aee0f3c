package cn.tongban.registration;

import java.time.OffsetDateTime;

/**
 * 登记结果: a registration was entered in the register book (登簿). Published in the registering transaction through
 * Spring Modulith's publication registry, for the housing and tax departments (互联网+不动产登记建设指南 三（一）3:
 * 登记结果信息实时推送住建、税务部门). Codes only: who owns what is read through the granted interfaces.
 *
 * @param businessType  the business type code (TRANSFER, MORTGAGE …)
 * @param entryKind     the register book entry written (OWNERSHIP, MORTGAGE …)
 * @param filingCode    the filed contract the registration rests on, if any
 * @param certificateNo the 不动产权证书号 or 不动产登记证明号 taken at 登簿, if the type issues one
 */
public record RightsRegistered(String applicationNo, String businessType, String unitCode, String districtCode,
        String entryKind, int entrySeq, String filingCode, String certificateNo, OffsetDateTime registeredAt) {
}
