package cn.tongban.kernel;

import static cn.tongban.kernel.Refusals.JSON;
import static cn.tongban.kernel.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** 面积 in square metres, to the hundredth. */
class AreaTest {

    @Test
    void keptToTwoDecimals() {
        assertThat(Area.of("89.3").squareMetres()).isEqualTo(new BigDecimal("89.30"));
        assertThat(Area.of("89")).hasToString("89.00");
    }

    @Test
    void trailingZerosBeyondTheHundredthLoseNothing() {
        assertThat(Area.of("89.370").squareMetres()).isEqualTo(new BigDecimal("89.37"));
    }

    @Test
    void moreThanTwoDecimalsAreRefusedNotRounded() {
        assertRefused(() -> Area.of("89.375"), "area.precision", "89.375", 2);
        assertRefused(() -> Area.of(new BigDecimal("0.001")), "area.precision", "0.001", 2);
    }

    @Test
    void zeroIsAnArea() {
        // 分摊面积 may be 0
        assertThat(Area.of("0").isPositive()).isFalse();
        assertThat(Area.of("0.00")).isEqualTo(Area.ZERO);
    }

    @Test
    void negativeIsRefused() {
        assertRefused(() -> Area.of("-0.01"), "area.negative", "-0.01");
    }

    @Test
    void moreThanOneMillionSquareMetresIsRefused() {
        assertThat(Area.of("1000000").squareMetres()).isEqualTo(new BigDecimal("1000000.00"));
        assertRefused(() -> Area.of("1000000.01"), "area.too-large", "1000000.01", "1000000");
    }

    @Test
    void requirePositive() {
        assertThat(Area.of("0.01").requirePositive()).isEqualTo(Area.of("0.01"));
        assertRefused(() -> Area.ZERO.requirePositive(), "area.not-positive");
    }

    @Test
    void plusAndMinus() {
        // 建筑面积 = 套内建筑面积 + 分摊面积
        assertThat(Area.of("75.12").plus(Area.of("14.25"))).isEqualTo(Area.of("89.37"));
        assertThat(Area.of("89.37").minus(Area.of("75.12"))).isEqualTo(Area.of("14.25"));
    }

    @Test
    void minusBelowZeroIsRefused() {
        assertRefused(() -> Area.of("75.12").minus(Area.of("89.37")), "area.negative", "-14.25");
    }

    @Test
    void equalAndOrderedByValue() {
        assertThat(Area.of("89.3")).isEqualTo(Area.of(new BigDecimal("89.300"))).hasSameHashCodeAs(Area.of("89.30"));
        assertThat(Area.of("89.31")).isGreaterThan(Area.of("89.3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"89,37", "1e2", "89.37㎡", "abc", "."})
    void onlyPlainDecimalNotation(String text) {
        assertRefused(() -> Area.of(text), "area.format", text);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " "})
    void blankIsRefused(String blank) {
        assertRefused(() -> Area.of(blank), "area.blank");
    }

    @Test
    void nullIsRefused() {
        assertRefused(() -> Area.of((BigDecimal) null), "area.blank");
    }

    @Test
    void jsonIsTheNumberOfSquareMetres() throws Exception {
        Area area = JSON.readValue("89.3", Area.class);
        assertThat(area).isEqualTo(Area.of("89.30"));
        assertThat(JSON.writeValueAsString(area)).isEqualTo("89.30");
    }
}
