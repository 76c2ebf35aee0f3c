package cn.tongban.monitoring;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import cn.tongban.identity.Permissions;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;
import cn.tongban.monitoring.MarketMonitoring.Activity;
import cn.tongban.monitoring.MarketMonitoring.Anomaly;
import cn.tongban.monitoring.MarketMonitoring.Price;
import cn.tongban.monitoring.MarketMonitoring.Volume;

/**
 * 房地产市场监测 (建房规〔2020〕4号 五（十三）) over HTTP: each view as JSON or, with {@code format=csv} or
 * {@code Accept: text/csv}, as the CSV of the numbers behind its chart.
 */
@RestController
@RequestMapping("/api/v1/monitoring")
class MonitoringController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final MarketMonitoring monitoring;

    MonitoringController(MarketMonitoring monitoring) {
        this.monitoring = monitoring;
    }

    @PreAuthorize("hasAuthority('" + Permissions.MONITORING_MARKET_QUERY + "')")
    @GetMapping(path = "/activity", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "网签备案与登簿件数（按行政区划、月份）", description = "groupBy: district, month（默认两者）。")
    ResponseEntity<?> activity(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String district, @RequestParam(required = false) String groupBy,
            @RequestParam(required = false) String format, @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = csv(format, accept);
        MarketMonitoring.Report<Activity> report = monitoring.activity(monitoring.request(from, to, district, null, groupBy,
                MarketMonitoring.ACTIVITY_GROUPS, MarketMonitoring.ACTIVITY_GROUPS));
        return answer(csv, report, "activity", report.groupBy(), List.of("filings", "registrations"), r -> groups(report.groupBy(),
                g -> g.equals("district") ? r.district() : r.month(), r.filings(), r.registrations()));
    }

    @PreAuthorize("hasAuthority('" + Permissions.MONITORING_MARKET_QUERY + "')")
    @GetMapping(path = "/prices", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "备案商品房成交均价（元/㎡，按行政区划、用途、月份）",
            description = "价格÷备案时房屋建筑面积；groupBy: district, use, month（默认 district,use）。")
    ResponseEntity<?> prices(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String district, @RequestParam(required = false) String use,
            @RequestParam(required = false) String groupBy, @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = csv(format, accept);
        MarketMonitoring.Report<Price> report = monitoring.prices(monitoring.request(from, to, district, use, groupBy,
                MarketMonitoring.PRICE_GROUPS, List.of("district", "use")));
        return answer(csv, report, "prices", report.groupBy(), List.of("sales", "totalPrice", "totalArea", "averageUnitPrice"),
                r -> groups(report.groupBy(), g -> switch (g) {
                    case "district" -> r.district();
                    case "use" -> r.use();
                    default -> r.month();
                }, r.sales(), r.totalPrice(), r.totalArea(), r.averageUnitPrice()));
    }

    @PreAuthorize("hasAuthority('" + Permissions.MONITORING_MARKET_QUERY + "')")
    @GetMapping(path = "/volume", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "成交量走势（备案买卖合同件数与总价，按月）", description = "groupBy: month, district, type（默认 month）。")
    ResponseEntity<?> volume(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String district, @RequestParam(required = false) String use,
            @RequestParam(required = false) String groupBy, @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = csv(format, accept);
        MarketMonitoring.Report<Volume> report = monitoring.volume(monitoring.request(from, to, district, use, groupBy,
                MarketMonitoring.VOLUME_GROUPS, List.of("month")));
        return answer(csv, report, "volume", report.groupBy(), List.of("sales", "totalValue"), r -> groups(report.groupBy(),
                g -> switch (g) {
                    case "district" -> r.district();
                    case "type" -> r.type();
                    default -> r.month();
                }, r.sales(), r.totalValue()));
    }

    @PreAuthorize("hasAuthority('" + Permissions.MONITORING_MARKET_QUERY + "')")
    @GetMapping(path = "/anomalies", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "备案价格异常（偏离标准房基准价格或本区均价）",
            description = "单价低于 low（默认 0.70）或高于 high（默认 1.50）倍参考单价的备案买卖合同；参考单价为签约日所在季度的标准房基准价格，未设定时为本区同用途本期均价。")
    ResponseEntity<?> anomalies(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String district, @RequestParam(required = false) String use,
            @RequestParam(required = false) String low, @RequestParam(required = false) String high,
            @RequestParam(required = false) String format, @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = csv(format, accept);
        MarketMonitoring.Anomalies anomalies = monitoring.anomalies(monitoring.request(from, to, district, use, null,
                List.of(), List.of()), low, high);
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(anomalies);
        }
        List<String> header = List.of("filingCode", "type", "district", "use", "signedOn", "filedAt", "price", "buildingArea",
                "unitPrice", "referenceUnitPrice", "referenceSource", "ratio", "direction");
        List<List<Object>> records = new ArrayList<>();
        for (Anomaly a : anomalies.rows()) {
            records.add(java.util.Arrays.asList(a.filingCode(), a.type(), a.district(), a.use(), a.signedOn(), a.filedAt(), a.price(),
                    a.buildingArea(), a.unitPrice(), a.referenceUnitPrice(), a.referenceSource(), a.ratio(), a.direction()));
        }
        return csvAnswer("anomalies", anomalies.from(), anomalies.to(), header, records);
    }

    /** CSV if {@code format=csv}, or without {@code format} if the Accept header asks for text/csv. */
    static boolean csv(String format, String accept) {
        if (format == null || format.isBlank()) {
            return accept != null && MediaType.parseMediaTypes(accept).stream().anyMatch(t -> t.isCompatibleWith(CSV) && !t.isWildcardType());
        }
        if (format.strip().equalsIgnoreCase("csv") || format.strip().equalsIgnoreCase("json")) {
            return format.strip().equalsIgnoreCase("csv");
        }
        throw new RuleViolationException(new Violation("format", "monitoring.format-unknown", format, "json, csv"));
    }

    private static List<Object> groups(List<String> groupBy, Function<String, String> value, Object... figures) {
        List<Object> cells = new ArrayList<>();
        groupBy.forEach(g -> cells.add(value.apply(g)));
        cells.addAll(java.util.Arrays.asList(figures));
        return cells;
    }

    private static <R> ResponseEntity<?> answer(boolean csv, MarketMonitoring.Report<R> report, String name, List<String> groupBy,
            List<String> figures, Function<R, List<Object>> record) {
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        List<String> header = new ArrayList<>(groupBy);
        header.addAll(figures);
        return csvAnswer(name, report.from(), report.to(), header, report.rows().stream().map(record).toList());
    }

    /** RFC 4180 with a header row, named after the view and the period. */
    private static ResponseEntity<String> csvAnswer(String name, String from, String to, List<String> header, List<List<Object>> records) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator("\r\n").get())) {
            for (List<Object> record : records) {
                printer.printRecord(record.stream().map(v -> v instanceof java.math.BigDecimal b ? b.toPlainString() : v).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"monitoring-%s-%s-%s.csv\"".formatted(name, from, to))
                .body(out.toString());
    }
}
