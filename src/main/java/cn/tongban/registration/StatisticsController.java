package cn.tongban.registration;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.identity.Permissions;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/** 办件统计 (互联网+不动产登记建设指南 五（二）4), as JSON or, with {@code format=csv} or {@code Accept: text/csv}, as CSV. */
@RestController
class StatisticsController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    /** The group columns' value on the totals row of the CSV. */
    static final String ALL = "ALL";

    private final RegistrationStatistics statistics;

    StatisticsController(RegistrationStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping(path = "/api/v1/registrations/statistics", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @PreAuthorize("hasAuthority('" + Permissions.REGISTRATION_STATISTICS_QUERY + "')")
    ResponseEntity<?> statistics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String groupBy, @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv;
        if (format == null || format.isBlank()) {
            csv = accept != null && MediaType.parseMediaTypes(accept).stream().anyMatch(t -> t.isCompatibleWith(CSV) && !t.isWildcardType());
        } else if (format.strip().equalsIgnoreCase("csv") || format.strip().equalsIgnoreCase("json")) {
            csv = format.strip().equalsIgnoreCase("csv");
        } else {
            throw new RuleViolationException(new Violation("format", "statistics.format-unknown", format, "json, csv"));
        }
        RegistrationStatistics.Report report = statistics.report(RegistrationStatistics.request(from, to, groupBy));
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"registration-statistics-%s-%s.csv\""
                        .formatted(report.from(), report.to()))
                .body(csv(report));
    }

    /** The report as CSV (RFC 4180): the grouped columns, the figures, and a last row of totals marked {@value #ALL}. */
    static String csv(RegistrationStatistics.Report report) {
        List<String> header = new ArrayList<>(report.groupBy());
        header.addAll(List.of("submitted", "completed", "rejected", "withdrawn", "inProgress", "averageHours", "p90Hours",
                "averageDays", "p90Days", "completedWithoutVisit", "withoutVisitShare"));
        for (RegistrationStatistics.Channel channel : RegistrationStatistics.Channel.values()) {
            String prefix = channel.name().toLowerCase(java.util.Locale.ROOT);
            header.addAll(List.of(prefix + "Submitted", prefix + "Completed", prefix + "CompletedWithoutVisit",
                    prefix + "WithoutVisitShare"));
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator("\r\n").get())) {
            for (RegistrationStatistics.Row row : report.rows()) {
                printer.printRecord(record(report.groupBy(), row, false));
            }
            printer.printRecord(record(report.groupBy(), report.total(), true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<Object> record(List<String> groupBy, RegistrationStatistics.Row row, boolean total) {
        List<Object> values = new ArrayList<>();
        for (String group : groupBy) {
            values.add(total ? ALL : switch (group) {
                case "district" -> row.district();
                case "businessType" -> row.businessType();
                case "month" -> row.month();
                default -> row.channel();
            });
        }
        values.addAll(List.of(row.submitted(), row.completed(), row.rejected(), row.withdrawn(), row.inProgress()));
        values.add(row.averageHours());
        values.add(row.p90Hours());
        values.add(row.averageDays());
        values.add(row.p90Days());
        values.add(row.completedWithoutVisit());
        values.add(row.withoutVisitShare());
        row.channels().values().forEach(c -> {
            values.add(c.submitted());
            values.add(c.completed());
            values.add(c.completedWithoutVisit());
            values.add(c.withoutVisitShare());
        });
        return values;
    }
}
