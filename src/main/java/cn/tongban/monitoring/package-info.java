/**
 * 房地产市场监测 (建房规〔2020〕4号 五（十三）: 建立以房屋网签备案数据为基础的房地产市场监测体系……加强房屋网签备案价格监测;
 * issue #8 item 2): filings and registrations per district and month, the average price per m² by district and use,
 * the volume trend and the price anomalies — filed sales far from the district's 标准房基准价格 or, without one, from
 * the district's own average — behind {@code GET /api/v1/monitoring/...} (JSON or CSV) and the page
 * {@code /console/monitoring}.
 *
 * <p>No tables of its own: it reads the public figures of {@code filing} ({@link cn.tongban.filing.FiledContractFigures}),
 * {@code registration} ({@link cn.tongban.registration.RegistrationCounts}) and {@code tax}
 * ({@link cn.tongban.tax.BenchmarkPriceBook}) when asked, so the figures are always those of the filed contracts as
 * they stand (a cancelled contract drops out) and hold for data filed before this module existed — a projection fed
 * by events would need a replay of history and could not see cancellations without more events. Scoped to the
 * caller's districts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Market monitoring 房地产市场监测")
package cn.tongban.monitoring;
