/**
 * Data sharing: purpose-bound grants for banks, the provident fund, tax, police and courts, masked by default and
 * audited (建房〔2020〕61号), and the sharing catalog with its deadlines (常经办发〔2023〕19号 附件1). Not built
 * yet: see issue #5.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sharing 数据共享")
package cn.tongban.sharing;
