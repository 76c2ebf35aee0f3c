package cn.tongban.sharing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 报送期: one period of a periodic catalog item — the week, month, quarter, half-year or year a delivery covers — or,
 * for an event-triggered item, the day of the event (文件出台, 完成吊销程序) the deadline runs from.
 *
 * <p>Written {@code 2026-W27} (ISO week), {@code 2026-07}, {@code 2026-Q3}, {@code 2026-H1}, {@code 2026}, or the event
 * date {@code 2026-05-10}.
 */
record SchedulePeriod(Unit unit, LocalDate start, LocalDate end) {

    /** The length of a period, as the catalog's frequency texts name it (每周, 每月, 每季, 每半年, 每年). */
    enum Unit {
        WEEK, MONTH, QUARTER, HALF_YEAR, YEAR, EVENT
    }

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    /** The period of this unit that contains the day (for {@link Unit#EVENT}: that day). */
    static SchedulePeriod containing(Unit unit, LocalDate day) {
        return switch (unit) {
            case WEEK -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new SchedulePeriod(unit, monday, monday.plusDays(6));
            }
            case MONTH -> new SchedulePeriod(unit, day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
            case QUARTER -> months(unit, day, 3);
            case HALF_YEAR -> months(unit, day, 6);
            case YEAR -> new SchedulePeriod(unit, day.withDayOfYear(1), day.with(TemporalAdjusters.lastDayOfYear()));
            case EVENT -> new SchedulePeriod(unit, day, day);
        };
    }

    private static SchedulePeriod months(Unit unit, LocalDate day, int length) {
        LocalDate start = LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / length * length + 1, 1);
        return new SchedulePeriod(unit, start, start.plusMonths(length).minusDays(1));
    }

    /**
     * Reads a period written for this unit.
     *
     * @throws IllegalArgumentException not a period of this unit
     */
    static SchedulePeriod parse(Unit unit, String text) {
        String t = text == null ? "" : text.strip();
        try {
            switch (unit) {
                case WEEK -> {
                    Matcher m = matched(WEEK, t);
                    LocalDate jan4 = LocalDate.of(Integer.parseInt(m.group(1)), 1, 4);
                    int week = Integer.parseInt(m.group(2));
                    if (week < 1 || week > jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                        throw new IllegalArgumentException(t);
                    }
                    return containing(unit, jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week));
                }
                case MONTH -> {
                    Matcher m = matched(MONTH, t);
                    return containing(unit, LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1));
                }
                case QUARTER -> {
                    Matcher m = matched(QUARTER, t);
                    return containing(unit, LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) * 3, 1));
                }
                case HALF_YEAR -> {
                    Matcher m = matched(HALF, t);
                    return containing(unit, LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) * 6, 1));
                }
                case YEAR -> {
                    return containing(unit, LocalDate.of(Integer.parseInt(matched(YEAR, t).group(1)), 1, 1));
                }
                case EVENT -> {
                    return containing(unit, LocalDate.parse(t));
                }
                default -> throw new IllegalArgumentException(t);
            }
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(t, e);
        }
    }

    /** How a period of this unit is written, for error messages. */
    static String example(Unit unit) {
        return switch (unit) {
            case WEEK -> "2026-W27";
            case MONTH -> "2026-07";
            case QUARTER -> "2026-Q3";
            case HALF_YEAR -> "2026-H1";
            case YEAR -> "2026";
            case EVENT -> "2026-05-10";
        };
    }

    private static Matcher matched(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(text);
        }
        return m;
    }

    /** The period after this one. */
    SchedulePeriod next() {
        return containing(unit, end.plusDays(1));
    }

    @Override
    public String toString() {
        return switch (unit) {
            case WEEK -> "%d-W%02d".formatted(start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> "%d-%02d".formatted(start.getYear(), start.getMonthValue());
            case QUARTER -> "%d-Q%d".formatted(start.getYear(), (start.getMonthValue() + 2) / 3);
            case HALF_YEAR -> "%d-H%d".formatted(start.getYear(), start.getMonthValue() < 7 ? 1 : 2);
            case YEAR -> Integer.toString(start.getYear());
            case EVENT -> start.toString();
        };
    }
}
