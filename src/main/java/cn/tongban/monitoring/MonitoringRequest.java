package cn.tongban.monitoring;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.tongban.identity.Caller;
import cn.tongban.kernel.AdministrativeDivision;
import cn.tongban.kernel.InvalidValueException;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/**
 * The checked parameters of a monitoring request: months {@code from}..{@code to} ({@code yyyy-MM}, {@code to}
 * defaults to this month and {@code from} to 11 months before it, at most {@value #MAX_MONTHS} months), an optional
 * county {@code district} in the caller's scope, an optional top-level {@code use} ({@code 10} 住宅 …), and
 * {@code groupBy} from the set the endpoint allows.
 *
 * @param districts the districts to count: the one asked for, else the caller's, {@code null} for the whole city
 */
record MonitoringRequest(YearMonth from, YearMonth to, Set<String> districts, String use, List<String> groupBy) {

    static final int MAX_MONTHS = 36;
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** @throws RuleViolationException naming each bad field */
    static MonitoringRequest of(Caller caller, String from, String to, String district, String use, String groupBy,
            List<String> allowedGroups, List<String> defaultGroups, List<Violation> violations) {
        YearMonth end = month(to, "to", YearMonth.now(CHINA), violations);
        YearMonth start = month(from, "from", end == null ? null : end.minusMonths(11), violations);
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                violations.add(new Violation("from", "monitoring.range-order", start.toString(), end.toString()));
            } else if (start.until(end, ChronoUnit.MONTHS) + 1 > MAX_MONTHS) {
                violations.add(new Violation("to", "monitoring.range-too-long", MAX_MONTHS));
            }
        }
        Set<String> districts = caller.allDistricts() ? null : Set.copyOf(caller.districts());
        if (district != null && !district.isBlank()) {
            String code = district.strip();
            try {
                if (!AdministrativeDivision.of(code).isCountyLevel()) {
                    violations.add(new Violation("district", "monitoring.district-not-county", code));
                } else if (!caller.seesDistrict(code)) {
                    violations.add(new Violation("district", "monitoring.district-out-of-scope", code));
                } else {
                    districts = Set.of(code);
                }
            } catch (InvalidValueException e) {
                violations.add(e.at("district"));
            }
        }
        String houseUse = null;
        if (use != null && !use.isBlank()) {
            houseUse = use.strip();
            if (!houseUse.matches("[1-8]0")) {
                violations.add(new Violation("use", "monitoring.use-unknown", houseUse));
            }
        }
        Set<String> groups = new LinkedHashSet<>();
        if (groupBy == null || groupBy.isBlank()) {
            groups.addAll(defaultGroups);
        } else {
            for (String name : groupBy.split(",")) {
                allowedGroups.stream().filter(g -> g.equalsIgnoreCase(name.strip())).findFirst().ifPresentOrElse(groups::add,
                        () -> violations.add(new Violation("groupBy", "monitoring.group-by-unknown", name.strip(),
                                String.join(", ", allowedGroups))));
            }
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return new MonitoringRequest(start, end, districts, houseUse, List.copyOf(groups));
    }

    /** A share such as {@code 0.70}, or the default; a violation if not a positive number. */
    static BigDecimal share(String text, String field, BigDecimal fallback, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            BigDecimal share = new BigDecimal(text.strip());
            if (share.signum() > 0) {
                return share;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new Violation(field, "monitoring.share-invalid", text));
        return null;
    }

    boolean groups(String group) {
        return groupBy.contains(group);
    }

    /** Every month of the range, in order. */
    List<String> months() {
        List<String> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }

    private static YearMonth month(String text, String field, YearMonth fallback, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "monitoring.month-format", text));
            return null;
        }
    }
}
