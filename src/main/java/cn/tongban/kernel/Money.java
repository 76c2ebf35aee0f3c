package cn.tongban.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * 人民币金额 (an amount of renminbi) in yuan.
 *
 * <p>Any scale is kept: a tax base times a rate carries more than two decimals, and the project rule is to round to
 * the fen (分, 0.01 yuan) only at the end, once, with {@link #roundedToFen()}. Two amounts are equal when their
 * values are, whatever their scale ({@code 1.5} equals {@code 1.50}). An amount may be negative (a refund);
 * {@link #requireNonNegative()} says where it must not be.
 *
 * @param yuan the amount in yuan
 */
public record Money(BigDecimal yuan) implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO);

    /** Plain decimal notation: an optional sign, digits, optionally a point and digits. No exponent, no grouping. */
    private static final String DECIMAL = "[+-]?[0-9]+(\\.[0-9]+)?";

    public Money {
        if (yuan == null) {
            throw new InvalidValueException("money.blank");
        }
    }

    /** @throws InvalidValueException {@code money.blank} for null */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Money of(BigDecimal yuan) {
        return new Money(yuan);
    }

    /**
     * Parses plain decimal notation, e.g. {@code 1234.56} or {@code -0.5}.
     *
     * @throws InvalidValueException {@code money.blank} or {@code money.format}
     */
    public static Money of(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            throw new InvalidValueException("money.blank");
        }
        String text = yuan.strip();
        if (!text.matches(DECIMAL)) {
            throw new InvalidValueException("money.format", text);
        }
        return new Money(new BigDecimal(text));
    }

    /** The amount in yuan, at the scale it was made with; the JSON form. */
    @Override
    @JsonValue
    public BigDecimal yuan() {
        return yuan;
    }

    public Money plus(Money other) {
        return new Money(yuan.add(other.yuan));
    }

    public Money minus(Money other) {
        return new Money(yuan.subtract(other.yuan));
    }

    /** Exact product, not rounded (e.g. a tax base times a rate); round with {@link #roundedToFen()} at the end. */
    public Money times(BigDecimal factor) {
        return new Money(yuan.multiply(Objects.requireNonNull(factor, "factor")));
    }

    /** Rounded to the fen: scale 2, half up (四舍五入). */
    public Money roundedToFen() {
        return new Money(yuan.setScale(2, RoundingMode.HALF_UP));
    }

    public boolean isNegative() {
        return yuan.signum() < 0;
    }

    /**
     * This amount, if it is not negative.
     *
     * @throws InvalidValueException {@code money.negative}
     */
    public Money requireNonNegative() {
        if (isNegative()) {
            throw new InvalidValueException("money.negative", yuan.toPlainString());
        }
        return this;
    }

    @Override
    public int compareTo(Money other) {
        return yuan.compareTo(other.yuan);
    }

    /** Equal by value: {@code 1.5} equals {@code 1.50}. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Money that && yuan.compareTo(that.yuan) == 0;
    }

    @Override
    public int hashCode() {
        return yuan.stripTrailingZeros().hashCode();
    }

    /** Plain notation, as given: {@code 1234.50}. */
    @Override
    public String toString() {
        return yuan.toPlainString();
    }
}
