package cn.tongban.sharing;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.tongban.sharing.SchedulePeriod.Unit;

/**
 * 交换频率: what a catalog item's frequency text (常经办发〔2023〕19号 附件1, column “共享方式及交换频率”) means — when a
 * period's delivery is due, or that the text cannot be read without a person's decision.
 *
 * <p>The rule: a text is read only when every part of it is there; 每年终了后20内 (no unit), 每年终了后 (no number),
 * 每季末20日前 (which day of which month?) and 定期共享:按需提供 (periodic and on demand at once) are
 * {@link ScheduleStatus#NEEDS_DECISION}, never guessed (issue #5 item 2).
 *
 * @param status   how the text reads
 * @param kind     the deadline rule, for {@code SCHEDULED} and {@code EVENT_TRIGGERED}
 * @param unit     the period length ({@link Unit#EVENT} for event-triggered items)
 * @param amount   days (or months for {@link Kind#MONTHS_AFTER_END}) after the period's end or the event
 * @param monthDay the day of 每年M月D日前, or the month (day 1) of 每年M月份
 * @param event    the event a deadline runs from (文件出台, 完成吊销程序)
 * @param reason   why a person must decide (message key suffix {@code schedule.<reason>})
 */
record Schedule(ScheduleStatus status, Kind kind, Unit unit, int amount, MonthDay monthDay, String event, String reason) {

    /** The deadline rules the catalog uses. */
    enum Kind {
        /** 每X终了后N日内 (and 每月终了后次月N日内, which is the same day): due N days after the period's last day. */
        DAYS_AFTER_END,
        /** 每X终了后N个月内: due on the same day N months after the period, i.e. the last day of the N-th month after. */
        MONTHS_AFTER_END,
        /** 每年M月份: the year's delivery is due by the end of month M of that year. */
        IN_MONTH,
        /** 每年M月D日前: the year's delivery is due on M-D of that year (前 counts the day itself, as 申报期限 do). */
        BY_DATE,
        /** 文件出台后N日内, 在完成吊销程序后N日内: due N days after the event. */
        AFTER_EVENT
    }

    static final int MAX_DAYS = 366;

    private static final String PERIOD = "(周|月|月度|季|季度|半年|半年度|年|年度)";
    private static final Pattern DAYS_AFTER = Pattern.compile("每" + PERIOD + "终了后(\\d+)日内");
    private static final Pattern NEXT_MONTH_DAY = Pattern.compile("每月度?终了后次月(\\d+)日内");
    private static final Pattern MONTHS_AFTER = Pattern.compile("每" + PERIOD + "终了后(\\d+)个月内");
    private static final Pattern IN_MONTH = Pattern.compile("每年(\\d{1,2})月份");
    private static final Pattern BY_DATE = Pattern.compile("每年(\\d{1,2})月(\\d{1,2})日前");
    private static final Pattern AFTER_EVENT = Pattern.compile("在?(文件出台|完成吊销程序)后(\\d+)日内");
    private static final Pattern NUMBER_WITHOUT_UNIT = Pattern.compile("每" + PERIOD + "终了后\\d+内");
    private static final Pattern NO_NUMBER = Pattern.compile("每" + PERIOD + "终了后");

    private static final String PERIODIC = "定期共享";
    private static final String REAL_TIME = "实时共享";
    private static final String ON_DEMAND = "按需提供";

    /**
     * Reads a frequency text as written in the catalog ({@code 定期共享:每季终了后20日内}, {@code 实时共享},
     * {@code 按需提供（省局授权）}) or a person's decision without the mode ({@code 每年终了后20日内}).
     */
    static Schedule parse(String frequencyText) {
        String text = normalised(frequencyText);
        if (text.startsWith(REAL_TIME)) {
            return text.equals(REAL_TIME) ? of(ScheduleStatus.REAL_TIME) : undecided("unreadable");
        }
        if (text.startsWith(ON_DEMAND)) {
            // a note in brackets (省局授权) says who authorises, not when
            String rest = text.substring(ON_DEMAND.length());
            return rest.isEmpty() || rest.matches("（[^（）]*）|\\([^()]*\\)") ? of(ScheduleStatus.ON_DEMAND) : undecided("unreadable");
        }
        String rule = text.startsWith(PERIODIC + ":") ? text.substring(PERIODIC.length() + 1) : text;
        if (rule.equals(ON_DEMAND)) {
            return undecided("mode-contradiction");
        }
        return periodic(rule);
    }

    private static Schedule periodic(String rule) {
        Matcher m;
        if ((m = DAYS_AFTER.matcher(rule)).matches()) {
            return days(Kind.DAYS_AFTER_END, unit(m.group(1)), m.group(2), null);
        }
        if ((m = NEXT_MONTH_DAY.matcher(rule)).matches()) {
            // 次月N日 is N days after the month's last day
            return days(Kind.DAYS_AFTER_END, Unit.MONTH, m.group(1), null);
        }
        if ((m = MONTHS_AFTER.matcher(rule)).matches()) {
            int months = Integer.parseInt(m.group(2));
            return months < 1 || months > 12 ? undecided("out-of-range")
                    : new Schedule(ScheduleStatus.SCHEDULED, Kind.MONTHS_AFTER_END, unit(m.group(1)), months, null, null, null);
        }
        if ((m = IN_MONTH.matcher(rule)).matches()) {
            int month = Integer.parseInt(m.group(1));
            return month < 1 || month > 12 ? undecided("out-of-range")
                    : new Schedule(ScheduleStatus.SCHEDULED, Kind.IN_MONTH, Unit.YEAR, 0, MonthDay.of(month, 1), null, null);
        }
        if ((m = BY_DATE.matcher(rule)).matches()) {
            int month = Integer.parseInt(m.group(1));
            int day = Integer.parseInt(m.group(2));
            // 2月29日 does not exist every year: a person must say what happens then
            if (month < 1 || month > 12 || day < 1 || day > java.time.Month.of(month).minLength()) {
                return undecided("out-of-range");
            }
            return new Schedule(ScheduleStatus.SCHEDULED, Kind.BY_DATE, Unit.YEAR, 0, MonthDay.of(month, day), null, null);
        }
        if ((m = AFTER_EVENT.matcher(rule)).matches()) {
            return days(Kind.AFTER_EVENT, Unit.EVENT, m.group(2), m.group(1));
        }
        if (NUMBER_WITHOUT_UNIT.matcher(rule).matches()) {
            return undecided("unit-missing");
        }
        if (NO_NUMBER.matcher(rule).matches()) {
            return undecided("number-missing");
        }
        return undecided("unreadable");
    }

    private static Schedule days(Kind kind, Unit unit, String digits, String event) {
        int days = digits.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        if (days < 1 || days > MAX_DAYS) {
            return undecided("out-of-range");
        }
        ScheduleStatus status = kind == Kind.AFTER_EVENT ? ScheduleStatus.EVENT_TRIGGERED : ScheduleStatus.SCHEDULED;
        return new Schedule(status, kind, unit, days, null, event, null);
    }

    private static Unit unit(String word) {
        return switch (word) {
            case "周" -> Unit.WEEK;
            case "月", "月度" -> Unit.MONTH;
            case "季", "季度" -> Unit.QUARTER;
            case "半年", "半年度" -> Unit.HALF_YEAR;
            default -> Unit.YEAR;
        };
    }

    /** Spaces (also full-width) removed, the full-width colon made ASCII: the document writes both. */
    static String normalised(String text) {
        return text == null ? "" : text.replaceAll("[\\s\\u3000]+", "").replace('：', ':');
    }

    private static Schedule of(ScheduleStatus status) {
        return new Schedule(status, null, null, 0, null, null, null);
    }

    private static Schedule undecided(String reason) {
        return new Schedule(ScheduleStatus.NEEDS_DECISION, null, null, 0, null, null, reason);
    }

    /** Whether deliveries are expected by period (or by event) and have due dates. */
    boolean hasDeadlines() {
        return status == ScheduleStatus.SCHEDULED || status == ScheduleStatus.EVENT_TRIGGERED;
    }

    /** The day the period's delivery is due; the platform counts it on time when received on or before that day. */
    LocalDate dueDate(SchedulePeriod period) {
        requireDeadlines();
        return switch (kind) {
            case DAYS_AFTER_END, AFTER_EVENT -> period.end().plusDays(amount);
            case MONTHS_AFTER_END -> period.end().plusDays(1).plusMonths(amount).minusDays(1);
            case IN_MONTH -> LocalDate.of(period.start().getYear(), monthDay.getMonthValue(), 1)
                    .with(java.time.temporal.TemporalAdjusters.lastDayOfMonth());
            case BY_DATE -> monthDay.atYear(period.start().getYear());
        };
    }

    /**
     * The first day a delivery of the period may be made: the day after the period ends, the first day of month M
     * (每年M月份), the year's first day (每年M月D日前), or the event's day.
     */
    LocalDate opens(SchedulePeriod period) {
        requireDeadlines();
        return switch (kind) {
            case DAYS_AFTER_END, MONTHS_AFTER_END -> period.end().plusDays(1);
            case IN_MONTH -> LocalDate.of(period.start().getYear(), monthDay.getMonthValue(), 1);
            case BY_DATE -> period.start();
            case AFTER_EVENT -> period.start();
        };
    }

    /** The first period whose due date is on or after the day, for {@code SCHEDULED} items; otherwise {@code null}. */
    SchedulePeriod nextDue(LocalDate onOrAfter) {
        if (status != ScheduleStatus.SCHEDULED) {
            return null;
        }
        SchedulePeriod period = SchedulePeriod.containing(unit, onOrAfter.minusYears(2));
        while (dueDate(period).isBefore(onOrAfter)) {
            period = period.next();
        }
        return period;
    }

    /** Every period of a {@code SCHEDULED} item whose due date falls in [from, to], in order. */
    List<SchedulePeriod> periodsDueBetween(LocalDate from, LocalDate to) {
        List<SchedulePeriod> periods = new ArrayList<>();
        if (status != ScheduleStatus.SCHEDULED || to.isBefore(from)) {
            return periods;
        }
        for (SchedulePeriod period = nextDue(from); !dueDate(period).isAfter(to); period = period.next()) {
            periods.add(period);
        }
        return periods;
    }

    private void requireDeadlines() {
        if (!hasDeadlines()) {
            throw new IllegalStateException("no deadlines for a schedule that is " + status);
        }
    }
}
