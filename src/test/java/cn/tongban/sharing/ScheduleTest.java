package cn.tongban.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import cn.tongban.sharing.SchedulePeriod.Unit;

/** 交换频率 of 常经办发〔2023〕19号 附件1: every text the catalog uses is read, or left to a person — never guessed. */
class ScheduleTest {

    /**
     * Every distinct frequency text of the shipped catalog with what it must read as: the status, and for deadlines a
     * period and its due date. A text added to the catalog that is not here fails the test below.
     */
    private static final Map<String, Object[]> EXPECTED = Map.ofEntries(
            Map.entry("定期共享:每季终了后20日内", new Object[] {ScheduleStatus.SCHEDULED, "2026-Q3", "2026-10-20"}),
            Map.entry("定期共享：每季终了后20日内", new Object[] {ScheduleStatus.SCHEDULED, "2026-Q4", "2027-01-20"}),
            Map.entry("定期共享:每季终了后25日内", new Object[] {ScheduleStatus.SCHEDULED, "2026-Q1", "2026-04-25"}),
            Map.entry("定期共享:每半年终了后20日内", new Object[] {ScheduleStatus.SCHEDULED, "2026-H1", "2026-07-20"}),
            Map.entry("定期共享:每月终了后20日内", new Object[] {ScheduleStatus.SCHEDULED, "2026-02", "2026-03-20"}),
            Map.entry("定期共享:每月度终了后20日内", new Object[] {ScheduleStatus.SCHEDULED, "2026-12", "2027-01-20"}),
            Map.entry("定期共享:每月终了后10日内", new Object[] {ScheduleStatus.SCHEDULED, "2026-04", "2026-05-10"}),
            Map.entry("定期共享:每月终了后 10 日内", new Object[] {ScheduleStatus.SCHEDULED, "2026-04", "2026-05-10"}),
            Map.entry("定期共享:每月终了后25日内", new Object[] {ScheduleStatus.SCHEDULED, "2026-01", "2026-02-25"}),
            Map.entry("定期共享:每月终了后次月10日内", new Object[] {ScheduleStatus.SCHEDULED, "2026-01", "2026-02-10"}),
            Map.entry("定期共享:每周终了后3日内", new Object[] {ScheduleStatus.SCHEDULED, "2026-W27", "2026-07-08"}),
            Map.entry("定期共享:每年终了后20日内", new Object[] {ScheduleStatus.SCHEDULED, "2025", "2026-01-20"}),
            Map.entry("定期共享:每年终了后1个月内", new Object[] {ScheduleStatus.SCHEDULED, "2025", "2026-01-31"}),
            Map.entry("定期共享:每年3月份", new Object[] {ScheduleStatus.SCHEDULED, "2026", "2026-03-31"}),
            Map.entry("定期共享:每年7月份", new Object[] {ScheduleStatus.SCHEDULED, "2026", "2026-07-31"}),
            Map.entry("定期共享:每年6月15日前", new Object[] {ScheduleStatus.SCHEDULED, "2026", "2026-06-15"}),
            Map.entry("定期共享:文件出台后20日内", new Object[] {ScheduleStatus.EVENT_TRIGGERED, "2026-05-10", "2026-05-30"}),
            Map.entry("定期共享:在完成吊销程序后20日内", new Object[] {ScheduleStatus.EVENT_TRIGGERED, "2026-12-20", "2027-01-09"}),
            Map.entry("实时共享", new Object[] {ScheduleStatus.REAL_TIME}),
            Map.entry("按需提供", new Object[] {ScheduleStatus.ON_DEMAND}),
            Map.entry("按需提供（省局授权）", new Object[] {ScheduleStatus.ON_DEMAND}),
            // the document's own texts that cannot be read without guessing
            Map.entry("定期共享:每季末20日前", new Object[] {ScheduleStatus.NEEDS_DECISION, "unreadable"}),
            Map.entry("定期共享:每年终了后", new Object[] {ScheduleStatus.NEEDS_DECISION, "number-missing"}),
            Map.entry("定期共享:每年终了后20内", new Object[] {ScheduleStatus.NEEDS_DECISION, "unit-missing"}),
            Map.entry("定期共享:每季终了后20内", new Object[] {ScheduleStatus.NEEDS_DECISION, "unit-missing"}),
            Map.entry("定期共享:按需提供", new Object[] {ScheduleStatus.NEEDS_DECISION, "mode-contradiction"}));

    private static Set<String> shippedFrequencyTexts() throws IOException {
        try (InputStream in = new ClassPathResource(CatalogSeed.RESOURCE).getInputStream()) {
            return CatalogCsv.read(in).stream().map(r -> r.item().frequencyText()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void everyFrequencyTextOfTheShippedCatalogIsScheduledOrExplicitlyLeftForADecision() throws IOException {
        Set<String> texts = shippedFrequencyTexts();
        assertThat(texts).as("every text of Annex 1 has an expectation here").isEqualTo(new TreeSet<>(EXPECTED.keySet()));
        for (String text : texts) {
            Object[] expected = EXPECTED.get(text);
            Schedule schedule = Schedule.parse(text);
            assertThat(schedule.status()).as(text).isEqualTo(expected[0]);
            switch (schedule.status()) {
                case SCHEDULED, EVENT_TRIGGERED -> {
                    SchedulePeriod period = SchedulePeriod.parse(schedule.unit(), (String) expected[1]);
                    assertThat(schedule.dueDate(period)).as(text).isEqualTo(LocalDate.parse((String) expected[2]));
                    assertThat(schedule.reason()).isNull();
                }
                case NEEDS_DECISION -> assertThat(schedule.reason()).as(text).isEqualTo(expected[1]);
                default -> assertThat(schedule.hasDeadlines()).isFalse();
            }
        }
    }

    @Test
    void aQuarterTwentyDaysAfterItsEndIsDueOnTheTwentiethOfTheNextMonth() {
        // 常经办发〔2023〕19号 附件1 第1项 “定期共享:每季终了后20日内”: 2026 Q3 ends 2026-09-30
        Schedule schedule = Schedule.parse("定期共享:每季终了后20日内");
        SchedulePeriod q3 = SchedulePeriod.parse(Unit.QUARTER, "2026-Q3");
        assertThat(q3.start()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(q3.end()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(schedule.dueDate(q3)).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(schedule.opens(q3)).isEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test
    void theNextDueDateIsOnOrAfterTheDayAsked() {
        Schedule quarterly = Schedule.parse("定期共享:每季终了后20日内");
        assertThat(quarterly.nextDue(LocalDate.of(2026, 10, 20))).hasToString("2026-Q3");
        assertThat(quarterly.nextDue(LocalDate.of(2026, 10, 21))).hasToString("2026-Q4");
        assertThat(quarterly.dueDate(quarterly.nextDue(LocalDate.of(2026, 10, 21)))).isEqualTo(LocalDate.of(2027, 1, 20));
        Schedule weekly = Schedule.parse("定期共享:每周终了后3日内");
        // Wednesday 2026-07-08 is the deadline of the week of 2026-06-29..07-05; Thursday the next week's
        assertThat(weekly.nextDue(LocalDate.of(2026, 7, 8))).hasToString("2026-W27");
        assertThat(weekly.nextDue(LocalDate.of(2026, 7, 9))).hasToString("2026-W28");
        Schedule inMarch = Schedule.parse("定期共享:每年3月份");
        assertThat(inMarch.nextDue(LocalDate.of(2026, 4, 1))).hasToString("2027");
        assertThat(Schedule.parse("实时共享").nextDue(LocalDate.of(2026, 4, 1))).isNull();
        assertThat(Schedule.parse("定期共享:文件出台后20日内").nextDue(LocalDate.of(2026, 4, 1))).as("event-triggered").isNull();
    }

    @Test
    void monthsAfterTheEndCountToTheSameDayOfTheLaterMonth() {
        // 终了后1个月内: a half year ending 06-30 is due 07-31, not 07-30
        Schedule schedule = Schedule.parse("每半年终了后1个月内");
        assertThat(schedule.dueDate(SchedulePeriod.parse(Unit.HALF_YEAR, "2026-H1"))).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(schedule.dueDate(SchedulePeriod.parse(Unit.HALF_YEAR, "2026-H2"))).isEqualTo(LocalDate.of(2027, 1, 31));
    }

    @Test
    void anEventTriggeredDeadlineRunsFromTheEventDay() {
        // 附件1 第158项 “在完成吊销程序后20日内”
        Schedule schedule = Schedule.parse("定期共享:在完成吊销程序后20日内");
        assertThat(schedule.event()).isEqualTo("完成吊销程序");
        SchedulePeriod revoked = SchedulePeriod.parse(Unit.EVENT, "2026-03-01");
        assertThat(schedule.opens(revoked)).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(schedule.dueDate(revoked)).isEqualTo(LocalDate.of(2026, 3, 21));
    }

    @Test
    void textsThatNeedGuessingAreNeverScheduled() {
        for (String text : new String[] {"定期共享:每季末20日前", "每年终了后", "每年终了后20内", "定期共享:按需提供", "每季终了后0日内",
                "每季终了后400日内", "每年2月29日前", "每年13月份", "实时共享每日", "按需提供每月", "每两周终了后3日内"}) {
            Schedule schedule = Schedule.parse(text);
            assertThat(schedule.status()).as(text).isEqualTo(ScheduleStatus.NEEDS_DECISION);
            assertThat(schedule.hasDeadlines()).as(text).isFalse();
            assertThat(schedule.nextDue(LocalDate.of(2026, 1, 1))).as(text).isNull();
            assertThatThrownBy(() -> schedule.dueDate(SchedulePeriod.parse(Unit.YEAR, "2026"))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void periodsAreWrittenAndReadTheSameWay() {
        for (String[] p : new String[][] {{"WEEK", "2026-W01"}, {"WEEK", "2026-W53"}, {"MONTH", "2026-07"}, {"QUARTER", "2026-Q3"},
                {"HALF_YEAR", "2026-H2"}, {"YEAR", "2026"}, {"EVENT", "2026-05-10"}}) {
            assertThat(SchedulePeriod.parse(Unit.valueOf(p[0]), p[1])).hasToString(p[1]);
        }
        assertThat(SchedulePeriod.parse(Unit.WEEK, "2026-W01").start()).isEqualTo(LocalDate.of(2025, 12, 29));
        for (String[] p : new String[][] {{"WEEK", "2025-W53"}, {"MONTH", "2026-13"}, {"QUARTER", "2026-Q5"}, {"QUARTER", "2026-07"},
                {"HALF_YEAR", "2026-H3"}, {"YEAR", "26"}, {"EVENT", "2026-02-30"}}) {
            assertThatThrownBy(() -> SchedulePeriod.parse(Unit.valueOf(p[0]), p[1])).as(p[1]).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
