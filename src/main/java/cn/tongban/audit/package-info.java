/**
 * Audit 审计: the tamper-evident log of every read of personal data and every change, written in the same
 * transaction as the work, hash-chained with SM3, kept in monthly partitions one year at least and then archived
 * to files (互联网+不动产登记建设指南 五: 日志保存时长不小于1年; 建房〔2020〕61号 八). Auditors query, export and verify
 * it; citizens see who accessed their records and why. Owns the tables {@code audit_event},
 * {@code audit_chain_head} and {@code audit_archive}.
 *
 * <p>Other modules use {@link cn.tongban.audit.AuditLog}, {@link cn.tongban.audit.AuditRecord} and
 * {@link cn.tongban.audit.Purpose}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit 审计")
package cn.tongban.audit;
