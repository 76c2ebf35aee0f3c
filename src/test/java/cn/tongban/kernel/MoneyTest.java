package cn.tongban.kernel;

import static cn.tongban.kernel.Refusals.JSON;
import static cn.tongban.kernel.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** 人民币金额 in yuan; rounded to the fen only at the end. */
class MoneyTest {

    @Test
    void equalWhateverTheScale() {
        assertThat(Money.of("1.5")).isEqualTo(Money.of("1.50")).hasSameHashCodeAs(Money.of("1.50"));
        assertThat(Money.of("0")).isEqualTo(Money.ZERO).hasSameHashCodeAs(Money.of("0.00"));
        assertThat(Money.of("1.5")).isNotEqualTo(Money.of("1.51"));
    }

    @Test
    void anyScaleIsKept() {
        assertThat(Money.of("0.125").yuan()).isEqualByComparingTo("0.125");
        assertThat(Money.of(new BigDecimal("12.3456")).yuan().scale()).isEqualTo(4);
    }

    @Test
    void timesIsExact() {
        // 契税 of 333.33 at 1.5%: 4.99995, not yet rounded
        assertThat(Money.of("333.33").times(new BigDecimal("0.015")).yuan()).isEqualByComparingTo("4.99995");
    }

    @Test
    void roundedToFenIsHalfUp() {
        assertThat(Money.of("0.125").roundedToFen().yuan()).isEqualTo(new BigDecimal("0.13"));
        assertThat(Money.of("0.124").roundedToFen().yuan()).isEqualTo(new BigDecimal("0.12"));
        assertThat(Money.of("-0.125").roundedToFen().yuan()).isEqualTo(new BigDecimal("-0.13"));
        assertThat(Money.of("7").roundedToFen().yuan()).isEqualTo(new BigDecimal("7.00"));
    }

    @Test
    void roundingOnlyAtTheEndKeepsWhatEarlyRoundingLoses() {
        Money third = Money.of("0.004");
        Money sum = third.plus(third).plus(third);
        assertThat(sum.roundedToFen()).isEqualTo(Money.of("0.01"));
        Money roundedEachTime = third.roundedToFen().plus(third.roundedToFen()).plus(third.roundedToFen());
        assertThat(roundedEachTime).isEqualTo(Money.ZERO);
    }

    @Test
    void plusAndMinus() {
        assertThat(Money.of("100.10").plus(Money.of("0.9"))).isEqualTo(Money.of("101"));
        assertThat(Money.of("100").minus(Money.of("100.01"))).isEqualTo(Money.of("-0.01"));
    }

    @Test
    void negativeAmountsExistButCanBeRefused() {
        Money refund = Money.of("-1.00");
        assertThat(refund.isNegative()).isTrue();
        assertRefused(refund::requireNonNegative, "money.negative", "-1.00");
        assertThat(Money.ZERO.requireNonNegative()).isEqualTo(Money.ZERO);
        assertThat(Money.of("0.01").isNegative()).isFalse();
    }

    @Test
    void orderedByValue() {
        assertThat(Money.of("2")).isGreaterThan(Money.of("1.99")).isEqualByComparingTo(Money.of("2.000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,000.00", "1e3", "¥12", "12元", "1.", ".5", "abc"})
    void onlyPlainDecimalNotation(String text) {
        assertRefused(() -> Money.of(text), "money.format", text);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " "})
    void blankIsRefused(String blank) {
        assertRefused(() -> Money.of(blank), "money.blank");
    }

    @Test
    void nullAmountIsRefused() {
        assertRefused(() -> Money.of((BigDecimal) null), "money.blank");
        assertRefused(() -> new Money(null), "money.blank");
    }

    @Test
    void toStringIsPlain() {
        assertThat(Money.of(new BigDecimal("1E+3"))).hasToString("1000");
        assertThat(Money.of("1234.50")).hasToString("1234.50");
    }

    @Test
    void jsonIsTheNumberOfYuan() throws Exception {
        Money money = JSON.readValue("1234.50", Money.class);
        assertThat(money).isEqualTo(Money.of("1234.5"));
        assertThat(JSON.writeValueAsString(money)).isEqualTo("1234.50");
    }
}
