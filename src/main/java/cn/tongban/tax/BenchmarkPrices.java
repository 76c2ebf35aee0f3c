package cn.tongban.tax;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.kernel.AdministrativeDivision;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/**
 * 标准房基准价格 (benchmark prices of standard homes): yuan per m² of building area for a district, a use and a
 * quarter, proposed by the price assessment body each quarter (常经办发〔2023〕19号 二（三）1). A declared price below
 * {@code tongban.tax.low-price-share} of the benchmark value is flagged for a tax officer, who may assess the price
 * (契税法 第四条 第二款).
 */
@Service
class BenchmarkPrices {

    static final String CITATION = "常经办发〔2023〕19号 二（三）1；中华人民共和国契税法 第四条 第二款";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final CurrentCaller callers;
    private final BigDecimal lowPriceShare;

    BenchmarkPrices(JdbcClient jdbc, AuditLog audit, CurrentCaller callers,
            @Value("${tongban.tax.low-price-share:0.70}") BigDecimal lowPriceShare) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.callers = callers;
        if (lowPriceShare.signum() <= 0 || lowPriceShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalStateException("tongban.tax.low-price-share must be in (0, 1], is " + lowPriceShare);
        }
        this.lowPriceShare = lowPriceShare;
    }

    /**
     * One benchmark price.
     *
     * @param districtCode county-level GB/T 2260 code
     * @param houseUse     GB/T 17986.1 top-level use, e.g. {@code 10} 住宅
     * @param quarter      e.g. {@code 2026-Q4}
     * @param unitPrice    yuan per m² of building area
     * @param document     the document that set it
     */
    @Schema(description = "标准房基准价格")
    record BenchmarkPrice(@Schema(description = "县级行政区划代码", example = "320411") String districtCode,
            @Schema(description = "房屋用途大类（GB/T 17986.1），如 10 住宅", example = "10") String houseUse,
            @Schema(description = "季度", example = "2026-Q4") String quarter,
            @Schema(description = "元/平方米（建筑面积）") BigDecimal unitPrice,
            @Schema(description = "确定该价格的文件") String document,
            String setBy, OffsetDateTime setAt) {
    }

    /**
     * The check of a declared price against the benchmark.
     *
     * @param flagged        below the share of the benchmark value: for a tax officer to look at
     * @param benchmarkValue unit price × building area, {@code null} without a benchmark
     */
    @Schema(description = "申报价格与标准房基准价格的比对")
    record PriceCheck(@Schema(description = "是否明显偏低，待税务人员核定") boolean flagged, BigDecimal declaredPrice,
            BigDecimal benchmarkUnitPrice, BigDecimal benchmarkValue, BigDecimal share, String quarter, String citation,
            @Schema(description = "说明") String explanation) {

        /** The declared price as a share of the benchmark value; {@code null} without a benchmark. */
        public BigDecimal declaredShare() {
            return shareOf(declaredPrice, benchmarkValue);
        }
    }

    /** {@code part / whole} to four places, {@code null} when either is unknown. */
    static BigDecimal shareOf(BigDecimal part, BigDecimal whole) {
        return part == null || whole == null || whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_UP);
    }

    @Transactional
    BenchmarkPrice set(BenchmarkPrice price) {
        List<Violation> violations = new ArrayList<>();
        try {
            AdministrativeDivision district = AdministrativeDivision.of(price.districtCode());
            if (!district.isCountyLevel()) {
                violations.add(new Violation("districtCode", "tax.district-not-county", price.districtCode()));
            }
        } catch (InvalidValueException e) {
            violations.add(e.at("districtCode"));
        }
        if (price.houseUse() == null || !price.houseUse().matches("[1-9]0")) {
            violations.add(new Violation("houseUse", "tax.house-use", String.valueOf(price.houseUse())));
        }
        LocalDate start = quarterStart(price.quarter(), violations);
        if (price.unitPrice() == null || price.unitPrice().signum() <= 0) {
            violations.add(new Violation("unitPrice", "tax.amount-not-positive", String.valueOf(price.unitPrice())));
        } else if (price.unitPrice().scale() > 2 && price.unitPrice().stripTrailingZeros().scale() > 2) {
            violations.add(new Violation("unitPrice", "tax.amount-precision", price.unitPrice().toPlainString()));
        }
        if (price.document() == null || price.document().isBlank()) {
            violations.add(new Violation("document", "tax.required"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        jdbc.sql("""
                INSERT INTO tax_benchmark_price (district_code, house_use, quarter_start, unit_price, document, set_by)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (district_code, house_use, quarter_start)
                DO UPDATE SET unit_price = excluded.unit_price, document = excluded.document, set_by = excluded.set_by, set_at = now()""")
                .params(price.districtCode(), price.houseUse(), start, price.unitPrice(), price.document().strip(), callers.get().actorId())
                .update();
        audit.record(AuditRecord.change("set", "tax_benchmark_price", price.districtCode() + "/" + price.houseUse() + "/" + price.quarter(), null));
        return find(price.districtCode(), price.houseUse(), start).orElseThrow();
    }

    List<BenchmarkPrice> list(String districtCode) {
        return jdbc.sql("""
                SELECT district_code, house_use, quarter_start, unit_price, document, set_by, set_at FROM tax_benchmark_price
                 WHERE (?::text IS NULL OR district_code = ?) ORDER BY district_code, house_use, quarter_start DESC""")
                .params(districtCode, districtCode)
                .query(BenchmarkPrices::row)
                .list();
    }

    /** Checks a declared price against the benchmark of the district, use and quarter of the contract date. */
    PriceCheck check(String districtCode, String houseUse, LocalDate contractDate, BigDecimal area, BigDecimal declaredPrice) {
        String use = houseUse == null || houseUse.isEmpty() ? null : houseUse.charAt(0) + "0";
        LocalDate start = contractDate.withDayOfMonth(1).withMonth((contractDate.getMonthValue() - 1) / 3 * 3 + 1);
        String quarter = quarter(start);
        Optional<BenchmarkPrice> benchmark = use == null || area == null ? Optional.empty() : find(districtCode, use, start);
        if (benchmark.isEmpty()) {
            return new PriceCheck(false, declaredPrice, null, null, lowPriceShare, quarter, CITATION,
                    "该行政区划、用途在" + quarter + "没有标准房基准价格，未作比对。");
        }
        BigDecimal value = benchmark.get().unitPrice().multiply(area).setScale(2, RoundingMode.HALF_UP);
        BigDecimal threshold = value.multiply(lowPriceShare).setScale(2, RoundingMode.HALF_UP);
        boolean flagged = declaredPrice.compareTo(threshold) < 0;
        return new PriceCheck(flagged, declaredPrice, benchmark.get().unitPrice(), value, lowPriceShare, quarter, CITATION,
                "标准房基准价格" + benchmark.get().unitPrice().toPlainString() + "元/㎡×建筑面积" + area.toPlainString() + "㎡="
                        + value.toPlainString() + "元；申报价格" + declaredPrice.toPlainString() + "元"
                        + (flagged ? "低于其" : "不低于其") + lowPriceShare.movePointRight(2).stripTrailingZeros().toPlainString() + "%（"
                        + threshold.toPlainString() + "元）" + (flagged ? "，明显偏低，待税务人员核定计税价格。" : "。"));
    }

    private Optional<BenchmarkPrice> find(String districtCode, String houseUse, LocalDate start) {
        return jdbc.sql("""
                SELECT district_code, house_use, quarter_start, unit_price, document, set_by, set_at FROM tax_benchmark_price
                 WHERE district_code = ? AND house_use = ? AND quarter_start = ?""")
                .params(districtCode, houseUse, start)
                .query(BenchmarkPrices::row)
                .optional();
    }

    private static BenchmarkPrice row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return view(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, OffsetDateTime.class));
    }

    private static BenchmarkPrice view(String district, String use, LocalDate start, BigDecimal price, String document, String setBy,
            OffsetDateTime setAt) {
        return new BenchmarkPrice(district, use, quarter(start), price, document, setBy, setAt);
    }

    private static String quarter(LocalDate start) {
        return start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
    }

    private static LocalDate quarterStart(String quarter, List<Violation> violations) {
        if (quarter == null || !quarter.matches("[0-9]{4}-Q[1-4]")) {
            violations.add(new Violation("quarter", "tax.quarter-format", String.valueOf(quarter)));
            return null;
        }
        return LocalDate.of(Integer.parseInt(quarter.substring(0, 4)), (quarter.charAt(6) - '1') * 3 + 1, 1);
    }
}
