package cn.tongban.sharing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;
import cn.tongban.sharing.SchedulePeriod.Unit;

/**
 * 考核: how timely each provider delivered in a quarter (常经办发〔2023〕19号 三（三）“对负有税费征管保障职责和义务的
 * 部门履行职责情况进行考核”). The expected deliveries of a quarter are those due in it (and on or after the item's
 * {@code trackedFrom}); each is on time, late (with days) or missing once its due date has passed. The figure is the
 * on-time rate: on time ÷ (on time + late + missing), four decimals, HALF_UP; none when nothing was due.
 */
@Service
class Assessments {

    /** One expected delivery. */
    record AssessmentLine(int itemNo, String itemName, String period, LocalDate dueOn, DeliveryStatus status,
            Integer daysLate, LocalDate receivedOn, Long deliveryId) {
    }

    /** A provider's quarter in full. */
    record AssessmentReport(int providerNo, String provider, String departmentCode, String quarter, LocalDate asOf,
            int expected, int onTime, int late, int missing, int notYetDue, BigDecimal onTimeRate,
            List<Integer> itemsNeedingDecision, List<AssessmentLine> lines) {
    }

    /** A provider's quarter in figures. */
    record AssessmentSummary(int providerNo, String provider, String quarter, int expected, int onTime, int late,
            int missing, BigDecimal onTimeRate) {
    }

    private record Delivered(long id, LocalDate dueOn, LocalDate receivedOn) {
    }

    private final JdbcClient jdbc;
    private final Catalog catalog;

    Assessments(JdbcClient jdbc, Catalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    @Transactional(readOnly = true)
    AssessmentReport report(int providerNo, String quarterText, LocalDate asOf) {
        SchedulePeriod quarter = quarter(quarterText);
        Catalog.CatalogProvider provider = catalog.provider(providerNo);
        List<CatalogItem> items = catalog.itemsOf(providerNo);
        return assess(provider, items, quarter, asOf, delivered(quarter, providerNo));
    }

    @Transactional(readOnly = true)
    List<AssessmentSummary> summary(String quarterText, LocalDate asOf) {
        SchedulePeriod quarter = quarter(quarterText);
        Map<Integer, List<CatalogItem>> byProvider = new HashMap<>();
        for (CatalogItem item : catalog.items()) {
            byProvider.computeIfAbsent(item.providerNo(), p -> new ArrayList<>()).add(item);
        }
        Map<String, Delivered> delivered = delivered(quarter, null);
        return catalog.providers().stream().map(p -> {
            AssessmentReport r = assess(p, byProvider.getOrDefault(p.no(), List.of()), quarter, asOf, delivered);
            return new AssessmentSummary(r.providerNo(), r.provider(), r.quarter(), r.expected(), r.onTime(), r.late(),
                    r.missing(), r.onTimeRate());
        }).toList();
    }

    private static SchedulePeriod quarter(String text) {
        try {
            return SchedulePeriod.parse(Unit.QUARTER, text);
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException(new Violation("quarter", "assessment.quarter-format", text));
        }
    }

    /** Deliveries due in the quarter, by {@code itemNo/period}. */
    private Map<String, Delivered> delivered(SchedulePeriod quarter, Integer providerNo) {
        Map<String, Delivered> delivered = new HashMap<>();
        jdbc.sql("""
                SELECT d.id, d.item_no, d.period, d.due_on, d.received_on FROM delivery d JOIN catalog_item i ON i.no = d.item_no
                 WHERE d.due_on BETWEEN ? AND ? AND (CAST(? AS INT) IS NULL OR i.provider_no = ?)""")
                .params(quarter.start(), quarter.end(), providerNo, providerNo)
                .query(rs -> {
                    delivered.put(rs.getInt("item_no") + "/" + rs.getString("period"), new Delivered(rs.getLong("id"),
                            rs.getObject("due_on", LocalDate.class), rs.getObject("received_on", LocalDate.class)));
                });
        return delivered;
    }

    private static AssessmentReport assess(Catalog.CatalogProvider provider, List<CatalogItem> items, SchedulePeriod quarter,
            LocalDate asOf, Map<String, Delivered> delivered) {
        List<AssessmentLine> lines = new ArrayList<>();
        List<Integer> undecided = new ArrayList<>();
        for (CatalogItem item : items) {
            Schedule schedule = item.schedule();
            switch (schedule.status()) {
                case SCHEDULED -> {
                    LocalDate from = item.trackedFrom().isAfter(quarter.start()) ? item.trackedFrom() : quarter.start();
                    for (SchedulePeriod period : schedule.periodsDueBetween(from, quarter.end())) {
                        lines.add(line(item, period.toString(), schedule.dueDate(period), asOf, delivered));
                    }
                }
                case EVENT_TRIGGERED -> delivered.entrySet().stream()
                        .filter(e -> e.getKey().startsWith(item.no() + "/"))
                        .forEach(e -> lines.add(line(item, e.getKey().substring(e.getKey().indexOf('/') + 1),
                                e.getValue().dueOn(), asOf, delivered)));
                case NEEDS_DECISION -> undecided.add(item.no());
                default -> {
                    // 实时共享 and 按需提供 have no deliveries to assess
                }
            }
        }
        lines.sort(Comparator.comparing(AssessmentLine::dueOn).thenComparing(AssessmentLine::itemNo));
        int onTime = count(lines, DeliveryStatus.ON_TIME);
        int late = count(lines, DeliveryStatus.LATE);
        int missing = count(lines, DeliveryStatus.MISSING);
        int counted = onTime + late + missing;
        BigDecimal rate = counted == 0 ? null
                : BigDecimal.valueOf(onTime).divide(BigDecimal.valueOf(counted), 4, RoundingMode.HALF_UP);
        return new AssessmentReport(provider.no(), provider.name(), provider.departmentCode(), quarter.toString(), asOf, counted,
                onTime, late, missing, count(lines, DeliveryStatus.NOT_YET_DUE), rate, undecided, lines);
    }

    private static AssessmentLine line(CatalogItem item, String period, LocalDate dueOn, LocalDate asOf,
            Map<String, Delivered> delivered) {
        Delivered d = delivered.get(item.no() + "/" + period);
        if (d != null) {
            boolean late = d.receivedOn().isAfter(dueOn);
            return new AssessmentLine(item.no(), item.name(), period, dueOn, late ? DeliveryStatus.LATE : DeliveryStatus.ON_TIME,
                    late ? (int) ChronoUnit.DAYS.between(dueOn, d.receivedOn()) : null, d.receivedOn(), d.id());
        }
        // the due date itself still belongs to the provider
        DeliveryStatus status = dueOn.isBefore(asOf) ? DeliveryStatus.MISSING : DeliveryStatus.NOT_YET_DUE;
        return new AssessmentLine(item.no(), item.name(), period, dueOn, status, null, null, null);
    }

    private static int count(List<AssessmentLine> lines, DeliveryStatus status) {
        return (int) lines.stream().filter(l -> l.status() == status).count();
    }
}
