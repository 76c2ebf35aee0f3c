/**
 * Documents the platform issues as PDF — contracts, certificates, notices, housing records — typeset alike on A4 in
 * one embedded CJK font ({@link cn.tongban.kernel.pdf.A4Pdf}).
 */
package cn.tongban.kernel.pdf;
