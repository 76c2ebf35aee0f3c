package cn.tongban.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.tongban.filing.FiledContractFigures;
import cn.tongban.filing.FiledContractFigures.Figures;
import cn.tongban.filing.FiledContractFigures.Sale;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;
import cn.tongban.registration.RegistrationCounts;
import cn.tongban.tax.BenchmarkPriceBook;

/**
 * 房地产市场监测 (建房规〔2020〕4号 五（十三）): the four views of the market that the console charts, computed from the
 * filing, registration and tax modules' public figures in the caller's districts. Money in yuan, HALF_UP at the end:
 * sums exact, an average per m² to 2 decimals, a ratio to 4.
 */
@Service
class MarketMonitoring {

    /** At most this many anomalies are listed (the sales scanned are capped at {@link #SALES_SCANNED}). */
    static final int MAX_ANOMALIES = 1000;
    static final int SALES_SCANNED = 200_000;

    static final List<String> ACTIVITY_GROUPS = List.of("district", "month");
    static final List<String> PRICE_GROUPS = List.of("district", "use", "month");
    static final List<String> VOLUME_GROUPS = List.of("month", "district", "type");

    private final FiledContractFigures filings;
    private final RegistrationCounts registrations;
    private final BenchmarkPriceBook benchmarks;
    private final CurrentCaller callers;
    private final BigDecimal lowShare;
    private final BigDecimal highShare;

    MarketMonitoring(FiledContractFigures filings, RegistrationCounts registrations, BenchmarkPriceBook benchmarks,
            CurrentCaller callers, @Value("${tongban.monitoring.low-share:0.70}") BigDecimal lowShare,
            @Value("${tongban.monitoring.high-share:1.50}") BigDecimal highShare) {
        if (lowShare.signum() <= 0 || lowShare.compareTo(highShare) >= 0) {
            throw new IllegalStateException("tongban.monitoring.low-share must be positive and below high-share");
        }
        this.filings = filings;
        this.registrations = registrations;
        this.benchmarks = benchmarks;
        this.callers = callers;
        this.lowShare = lowShare;
        this.highShare = highShare;
    }

    /**
     * A report: the request as understood and its rows.
     *
     * @param districts the districts counted, {@code null} for the whole city
     */
    record Report<R>(String from, String to, List<String> groupBy, List<String> districts, List<R> rows) {
    }

    /** Filings (every contract type) and 登簿 entries of a district and month; a field not grouped by is {@code null}. */
    record Activity(String district, String month, long filings, long registrations) {
    }

    /** Filed sales of a district, use and month and their average price per m² of building area. */
    record Price(String district, String use, String month, long sales, BigDecimal totalPrice, BigDecimal totalArea,
            BigDecimal averageUnitPrice) {
    }

    /** Filed sales (new and existing homes) of a month, district and type, and their total value. */
    record Volume(String month, String district, String type, long sales, BigDecimal totalValue) {
    }

    /**
     * A filed sale whose price per m² is below {@code low} or above {@code high} times its reference.
     *
     * @param referenceSource {@code BENCHMARK} (标准房基准价格 of the quarter of the signing date) or
     *                        {@code DISTRICT_AVERAGE} (the average of the district and use over the period)
     * @param direction       {@code LOW} or {@code HIGH}
     */
    record Anomaly(String filingCode, String type, String district, String use, LocalDate signedOn, OffsetDateTime filedAt,
            BigDecimal price, BigDecimal buildingArea, BigDecimal unitPrice, BigDecimal referenceUnitPrice,
            String referenceSource, BigDecimal ratio, String direction) {
    }

    /** The anomalies and the thresholds applied; {@code truncated} if more than {@value #MAX_ANOMALIES} were found. */
    record Anomalies(String from, String to, List<String> districts, BigDecimal low, BigDecimal high, boolean truncated,
            List<Anomaly> rows) {
    }

    MonitoringRequest request(String from, String to, String district, String use, String groupBy, List<String> allowed,
            List<String> defaults) {
        return MonitoringRequest.of(callers.get(), from, to, district, use, groupBy, allowed, defaults, new ArrayList<>());
    }

    Report<Activity> activity(MonitoringRequest request) {
        Map<List<String>, long[]> cells = new LinkedHashMap<>();
        TreeSet<String> districts = new TreeSet<>();
        for (Figures f : filings.figures(query(request, null))) {
            districts.add(f.districtCode());
            cells.computeIfAbsent(key(request, f.districtCode(), f.month()), k -> new long[2])[0] += f.contracts();
        }
        for (RegistrationCounts.Count c : registrations.entries(request.from(), request.to(), request.districts())) {
            districts.add(c.districtCode());
            cells.computeIfAbsent(key(request, c.districtCode(), c.month()), k -> new long[2])[1] += c.entries();
        }
        if (request.groups("month")) {
            for (String district : request.groups("district") ? districts : java.util.Collections.<String>singleton(null)) {
                request.months().forEach(m -> cells.computeIfAbsent(key(request, district, m), k -> new long[2]));
            }
        }
        List<Activity> rows = new TreeMap<>(cells.entrySet().stream().collect(
                java.util.stream.Collectors.toMap(e -> String.join("|", nullsAsEmpty(e.getKey())), e -> e))).values().stream()
                .map(e -> new Activity(e.getKey().get(0), e.getKey().get(1), e.getValue()[0], e.getValue()[1])).toList();
        return report(request, rows);
    }

    Report<Price> prices(MonitoringRequest request) {
        Map<String, Object[]> cells = new TreeMap<>();
        for (Figures f : filings.figures(query(request, request.use()))) {
            if (!f.isSale()) {
                continue;
            }
            String district = request.groups("district") ? f.districtCode() : null;
            String use = request.groups("use") ? f.houseUse() : null;
            String month = request.groups("month") ? f.month() : null;
            Object[] cell = cells.computeIfAbsent(String.join("|", nullsAsEmpty(java.util.Arrays.asList(district, use, month))),
                    k -> new Object[] {district, use, month, 0L, BigDecimal.ZERO, BigDecimal.ZERO});
            cell[3] = (long) cell[3] + f.contracts();
            cell[4] = ((BigDecimal) cell[4]).add(f.totalPrice());
            cell[5] = ((BigDecimal) cell[5]).add(f.totalArea() == null ? BigDecimal.ZERO : f.totalArea());
        }
        List<Price> rows = cells.values().stream().map(c -> new Price((String) c[0], (String) c[1], (String) c[2], (long) c[3],
                (BigDecimal) c[4], (BigDecimal) c[5], perSquareMetre((BigDecimal) c[4], (BigDecimal) c[5]))).toList();
        return report(request, rows);
    }

    Report<Volume> volume(MonitoringRequest request) {
        Map<String, Object[]> cells = new TreeMap<>();
        Function<String[], Object[]> cell = k -> cells.computeIfAbsent(String.join("|", nullsAsEmpty(java.util.Arrays.asList(k))),
                x -> new Object[] {k[0], k[1], k[2], 0L, BigDecimal.ZERO});
        TreeSet<String> seen = new TreeSet<>();
        for (Figures f : filings.figures(query(request, request.use()))) {
            if (!f.isSale()) {
                continue;
            }
            String[] k = {request.groups("month") ? f.month() : null, request.groups("district") ? f.districtCode() : null,
                    request.groups("type") ? f.type().name() : null};
            seen.add((k[1] == null ? "" : k[1]) + "|" + (k[2] == null ? "" : k[2]));
            Object[] c = cell.apply(k);
            c[3] = (long) c[3] + f.contracts();
            c[4] = ((BigDecimal) c[4]).add(f.totalPrice());
        }
        if (request.groups("month")) {
            // a trend has every month of the range, a month without sales at 0
            if (seen.isEmpty() && !request.groups("district") && !request.groups("type")) {
                seen.add("|");
            }
            for (String other : seen) {
                String[] parts = other.split("\\|", -1);
                request.months().forEach(m -> cell.apply(new String[] {m, parts[0].isEmpty() ? null : parts[0],
                        parts[1].isEmpty() ? null : parts[1]}));
            }
        }
        List<Volume> rows = cells.values().stream().map(c -> new Volume((String) c[0], (String) c[1], (String) c[2], (long) c[3],
                (BigDecimal) c[4])).toList();
        return report(request, rows);
    }

    Anomalies anomalies(MonitoringRequest request, String low, String high) {
        List<Violation> violations = new ArrayList<>();
        BigDecimal lowAt = MonitoringRequest.share(low, "low", lowShare, violations);
        BigDecimal highAt = MonitoringRequest.share(high, "high", highShare, violations);
        if (lowAt != null && highAt != null && lowAt.compareTo(highAt) >= 0) {
            violations.add(new Violation("low", "monitoring.share-order", lowAt.toPlainString(), highAt.toPlainString()));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        FiledContractFigures.Query query = query(request, request.use());
        // the district's own average per use over the period: the reference where no benchmark price was set
        Map<String, BigDecimal[]> sums = new HashMap<>();
        for (Figures f : filings.figures(query)) {
            if (f.isSale() && f.totalArea() != null) {
                BigDecimal[] s = sums.computeIfAbsent(f.districtCode() + "|" + f.houseUse(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                s[0] = s[0].add(f.totalPrice());
                s[1] = s[1].add(f.totalArea());
            }
        }
        Map<String, Optional<BigDecimal>> benchmarkCache = new HashMap<>();
        List<Anomaly> found = new ArrayList<>();
        for (Sale sale : filings.sales(query, SALES_SCANNED)) {
            BigDecimal unitPrice = perSquareMetre(sale.price(), sale.buildingArea());
            LocalDate quarter = sale.signedOn().withDayOfMonth(1).withMonth((sale.signedOn().getMonthValue() - 1) / 3 * 3 + 1);
            Optional<BigDecimal> benchmark = benchmarkCache.computeIfAbsent(sale.districtCode() + "|" + sale.houseUse() + "|" + quarter,
                    k -> benchmarks.unitPrice(sale.districtCode(), sale.houseUse(), sale.signedOn()));
            String source = "BENCHMARK";
            BigDecimal reference = benchmark.orElse(null);
            if (reference == null) {
                BigDecimal[] s = sums.get(sale.districtCode() + "|" + sale.houseUse());
                reference = s == null ? null : perSquareMetre(s[0], s[1]);
                source = "DISTRICT_AVERAGE";
            }
            if (reference == null || reference.signum() <= 0) {
                continue;
            }
            // compared unrounded: the rounding of the shown ratio must not move a sale across a threshold
            BigDecimal exact = sale.price().divide(sale.buildingArea().multiply(reference), 10, RoundingMode.HALF_UP);
            String direction = exact.compareTo(lowAt) < 0 ? "LOW" : exact.compareTo(highAt) > 0 ? "HIGH" : null;
            if (direction != null) {
                found.add(new Anomaly(sale.filingCode(), sale.type().name(), sale.districtCode(), sale.houseUse(), sale.signedOn(),
                        sale.filedAt(), sale.price(), sale.buildingArea(), unitPrice, reference, source,
                        exact.setScale(4, RoundingMode.HALF_UP), direction));
            }
        }
        // the farthest from its reference first
        found.sort(Comparator.comparing((Anomaly a) -> a.ratio().subtract(BigDecimal.ONE).abs()).reversed()
                .thenComparing(Anomaly::filingCode));
        boolean truncated = found.size() > MAX_ANOMALIES;
        return new Anomalies(request.from().toString(), request.to().toString(), districts(request), lowAt, highAt, truncated,
                List.copyOf(truncated ? found.subList(0, MAX_ANOMALIES) : found));
    }

    /** Yuan per m², 2 decimals HALF_UP; {@code null} without an area. */
    static BigDecimal perSquareMetre(BigDecimal price, BigDecimal area) {
        return area == null || area.signum() <= 0 ? null : price.divide(area, 2, RoundingMode.HALF_UP);
    }

    private static FiledContractFigures.Query query(MonitoringRequest request, String use) {
        return new FiledContractFigures.Query(request.from(), request.to(), request.districts(), use);
    }

    private static List<String> key(MonitoringRequest request, String district, String month) {
        return java.util.Arrays.asList(request.groups("district") ? district : null, request.groups("month") ? month : null);
    }

    private static List<String> nullsAsEmpty(List<String> key) {
        return key.stream().map(k -> k == null ? "" : k).toList();
    }

    private static <R> Report<R> report(MonitoringRequest request, List<R> rows) {
        return new Report<>(request.from().toString(), request.to().toString(), request.groupBy(), districts(request), rows);
    }

    private static List<String> districts(MonitoringRequest request) {
        return request.districts() == null ? null : request.districts().stream().sorted().toList();
    }
}
