/**
 * Tamper-evident operation and access log, kept one year or more (互联网+不动产登记建设指南 五). Not built yet: see
 * issue #3.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit 审计")
package cn.tongban.audit;
