package cn.tongban.tax;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The holding-period rule: N years are held on the N-th anniversary; 29 February's anniversary is 28 February. */
class HoldingTest {

    @Test
    void theAnniversaryItselfCompletesTheYears() {
        Holding holding = new Holding(LocalDate.of(2023, 9, 1), LocalDate.of(2025, 9, 1));
        assertThat(holding.atLeastYears(2)).isTrue();
        assertThat(new Holding(LocalDate.of(2023, 9, 1), LocalDate.of(2025, 8, 31)).atLeastYears(2)).isFalse();
        assertThat(holding.describe()).isEqualTo("2年0个月0天");
    }

    @Test
    void aLeapDayIsHeldTwoYearsOn28FebruaryOfACommonYear() {
        // 民法典 第二百零二条: 没有对应日的，月末日为期间的最后一日
        LocalDate leapDay = LocalDate.of(2024, 2, 29);
        assertThat(new Holding(leapDay, LocalDate.of(2026, 2, 27)).atLeastYears(2)).isFalse();
        assertThat(new Holding(leapDay, LocalDate.of(2026, 2, 28)).atLeastYears(2)).isTrue();
        // four years on: the leap day exists again
        assertThat(new Holding(leapDay, LocalDate.of(2028, 2, 28)).atLeastYears(4)).isFalse();
        assertThat(new Holding(leapDay, LocalDate.of(2028, 2, 29)).atLeastYears(4)).isTrue();
    }
}
