package cn.tongban.registration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.identity.Caller;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/**
 * 办件统计 (互联网+不动产登记建设指南 五（二）4: 对不同地区、不同时间、不同申请类型的办件情况进行个性化统计; issue #7 item 8):
 * the applications submitted in a range of months, in the caller's districts (五（二）3 租户管理), per district, business
 * type, month and channel as asked — how many were submitted, completed, rejected, withdrawn and are still in
 * progress; how long the completed ones took from submission to completion (average and 90th percentile, calendar
 * time, in hours and days); the share of completed ones that needed no visit to a hall (一次都不跑, 一（六）); and the
 * same per channel (online, the banks' and developers' extended port, the hall).
 *
 * <p>Applications are counted in the month they were submitted in (a cohort: "completed" are those of the month's
 * submissions completed by now), months in China Standard Time. One SQL statement per request, totals included
 * (GROUPING SETS).
 */
@Service
class RegistrationStatistics {

    static final int MAX_MONTHS = 36;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** What may be grouped by, and the column it groups: a closed set, never user input in SQL. */
    enum Dimension {
        DISTRICT("district", "district_code"),
        BUSINESS_TYPE("businessType", "business_type"),
        MONTH("month", "to_char(submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')"),
        CHANNEL("channel", "channel");

        final String parameter;
        final String column;

        Dimension(String parameter, String column) {
            this.parameter = parameter;
            this.column = column;
        }
    }

    /** 申请渠道. */
    enum Channel {
        ONLINE, PORT, HALL
    }

    /** A validated request. */
    record Request(YearMonth from, YearMonth to, List<Dimension> groupBy) {
    }

    /** The figures of one channel. */
    record ChannelFigures(long submitted, long completed, long completedWithoutVisit, BigDecimal withoutVisitShare) {
    }

    /**
     * The figures of one group (the dimensions not grouped by are {@code null}) or of all.
     *
     * @param withoutVisitShare completed without a hall visit / completed, 4 decimals; {@code null} if none completed
     */
    record Row(String district, String businessType, String month, String channel, long submitted, long completed,
            long rejected, long withdrawn, long inProgress, BigDecimal averageHours, BigDecimal p90Hours,
            BigDecimal averageDays, BigDecimal p90Days, long completedWithoutVisit, BigDecimal withoutVisitShare,
            Map<Channel, ChannelFigures> channels) {
    }

    /**
     * @param districts the districts counted: the caller's, or {@code null} for the whole city
     */
    record Report(String from, String to, List<String> groupBy, List<String> districts, List<Row> rows, Row total) {
    }

    private final JdbcClient jdbc;
    private final CurrentCaller callers;

    RegistrationStatistics(JdbcClient jdbc, CurrentCaller callers) {
        this.jdbc = jdbc;
        this.callers = callers;
    }

    /**
     * Reads and checks the parameters: months as {@code yyyy-MM} ({@code to} defaults to this month, {@code from} to
     * 11 months before it), {@code from} not after {@code to}, at most {@value #MAX_MONTHS} months, {@code groupBy} a
     * comma-separated list of district, businessType, month, channel.
     *
     * @throws RuleViolationException naming the field
     */
    static Request request(String from, String to, String groupBy) {
        List<Violation> violations = new ArrayList<>();
        YearMonth end = month(to, "to", YearMonth.now(CHINA), violations);
        YearMonth start = month(from, "from", end == null ? null : end.minusMonths(11), violations);
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                violations.add(new Violation("from", "statistics.range-order", start.toString(), end.toString()));
            } else if (start.until(end, ChronoUnit.MONTHS) + 1 > MAX_MONTHS) {
                violations.add(new Violation("to", "statistics.range-too-long", MAX_MONTHS));
            }
        }
        Set<Dimension> dimensions = new LinkedHashSet<>();
        if (groupBy != null && !groupBy.isBlank()) {
            for (String name : groupBy.split(",")) {
                Arrays.stream(Dimension.values()).filter(d -> d.parameter.equalsIgnoreCase(name.strip())).findFirst()
                        .ifPresentOrElse(dimensions::add, () -> violations.add(new Violation("groupBy", "statistics.group-by-unknown",
                                name.strip(), Arrays.stream(Dimension.values()).map(d -> d.parameter).collect(Collectors.joining(", ")))));
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return new Request(start, end, List.copyOf(dimensions));
    }

    private static YearMonth month(String text, String field, YearMonth fallback, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "statistics.month-format", text));
            return null;
        }
    }

    /** The report for the caller's districts. */
    @Transactional(readOnly = true)
    Report report(Request request) {
        Caller caller = callers.get();
        List<Object> args = new ArrayList<>();
        args.add(request.from().atDay(1).atStartOfDay(CHINA).toOffsetDateTime());
        args.add(request.to().plusMonths(1).atDay(1).atStartOfDay(CHINA).toOffsetDateTime());
        String scope = "";
        List<String> districts = null;
        if (!caller.allDistricts()) {
            districts = caller.districts().stream().sorted().toList();
            scope = " AND district_code = ANY(?)";
            args.add(districts.toArray(String[]::new));
        }
        List<Dimension> groups = request.groupBy();
        String columns = groups.stream().map(d -> d.column + " AS " + key(d)).collect(Collectors.joining(", "));
        String keys = groups.stream().map(RegistrationStatistics::key).collect(Collectors.joining(", "));
        StringBuilder channels = new StringBuilder();
        for (Channel channel : Channel.values()) {
            // enum names, never user input
            String c = "'" + channel.name() + "'";
            channels.append(", count(*) FILTER (WHERE channel = ").append(c).append(")")
                    .append(", count(*) FILTER (WHERE channel = ").append(c).append(" AND status = 'COMPLETED')")
                    .append(", count(*) FILTER (WHERE channel = ").append(c).append(" AND status = 'COMPLETED' AND hall_visits = 0)");
        }
        String sql = "WITH a AS (SELECT " + (groups.isEmpty() ? "" : columns + ", ") + """
                       channel, status, hall_visits,
                       CASE WHEN status = 'COMPLETED' AND completed_at IS NOT NULL
                            THEN (extract(epoch FROM completed_at - submitted_at) / 3600)::double precision END AS hours
                  FROM registration_application WHERE submitted_at >= ? AND submitted_at < ?""" + scope + ")\n"
                + "SELECT " + (groups.isEmpty() ? "1 AS total" : keys + ", GROUPING(" + keys + ") <> 0 AS total") + """
                , count(*) AS submitted,
                       count(*) FILTER (WHERE status = 'COMPLETED') AS completed,
                       count(*) FILTER (WHERE status IN ('REJECTED', 'REFUSED')) AS rejected,
                       count(*) FILTER (WHERE status = 'WITHDRAWN') AS withdrawn,
                       avg(hours) AS average_hours,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) AS p90_hours,
                       count(*) FILTER (WHERE status = 'COMPLETED' AND hall_visits = 0) AS without_visit""" + channels
                + " FROM a" + (groups.isEmpty() ? "" : " GROUP BY GROUPING SETS ((" + keys + "), ()) ORDER BY total, " + keys);
        List<Row> rows = new ArrayList<>();
        Row[] total = new Row[1];
        jdbc.sql(sql).params(args).query((ResultSet rs) -> {
            boolean isTotal = groups.isEmpty() || rs.getBoolean("total");
            Row row = row(rs, isTotal ? List.of() : groups);
            if (isTotal) {
                total[0] = row;
            } else {
                rows.add(row);
            }
        });
        return new Report(request.from().toString(), request.to().toString(), groups.stream().map(d -> d.parameter).toList(),
                districts, rows, total[0]);
    }

    private static String key(Dimension d) {
        return "g_" + d.name().toLowerCase(Locale.ROOT);
    }

    private static Row row(ResultSet rs, List<Dimension> groups) throws SQLException {
        Map<Dimension, String> group = new LinkedHashMap<>();
        for (Dimension d : groups) {
            group.put(d, rs.getString(key(d)));
        }
        long submitted = rs.getLong("submitted");
        long completed = rs.getLong("completed");
        long rejected = rs.getLong("rejected");
        long withdrawn = rs.getLong("withdrawn");
        long withoutVisit = rs.getLong("without_visit");
        Double average = (Double) rs.getObject("average_hours");
        Double p90 = (Double) rs.getObject("p90_hours");
        Map<Channel, ChannelFigures> channels = new LinkedHashMap<>();
        int column = rs.findColumn("without_visit");
        for (Channel channel : Channel.values()) {
            long channelSubmitted = rs.getLong(++column);
            long channelCompleted = rs.getLong(++column);
            long channelWithoutVisit = rs.getLong(++column);
            channels.put(channel, new ChannelFigures(channelSubmitted, channelCompleted, channelWithoutVisit,
                    share(channelWithoutVisit, channelCompleted)));
        }
        return new Row(group.get(Dimension.DISTRICT), group.get(Dimension.BUSINESS_TYPE), group.get(Dimension.MONTH),
                group.get(Dimension.CHANNEL), submitted, completed, rejected, withdrawn,
                submitted - completed - rejected - withdrawn, scaled(average, 1), scaled(p90, 1), scaled(average, 24),
                scaled(p90, 24), withoutVisit, share(withoutVisit, completed), channels);
    }

    /** Hours divided by {@code per} (1 or 24), to 2 decimals. */
    static BigDecimal scaled(Double hours, int per) {
        return hours == null ? null : BigDecimal.valueOf(hours).divide(BigDecimal.valueOf(per), 2, RoundingMode.HALF_UP);
    }

    /** A ratio to 4 decimals, {@code null} without a denominator. */
    static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
