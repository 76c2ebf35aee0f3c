package cn.tongban.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * 面积 (an area) in square metres, to the hundredth as surveyed areas are given (e.g. 建筑面积 89.37 m²).
 *
 * <p>An area is never negative. Zero is allowed: a flat's 分摊面积 (apportioned common area) may be 0. More than
 * two decimals are refused rather than rounded, so that no one's surveyed area is silently changed.
 *
 * @param squareMetres the area in square metres, scale 2
 */
public record Area(BigDecimal squareMetres) implements Comparable<Area> {

    /** 1 km², more than any one real estate unit: a larger value is taken for a mistake (e.g. a wrong unit). */
    private static final BigDecimal MAXIMUM = new BigDecimal("1000000");
    private static final int SCALE = 2;
    private static final String DECIMAL = "[+-]?[0-9]+(\\.[0-9]+)?";

    /** Declared after the constants the constructor uses. */
    public static final Area ZERO = new Area(BigDecimal.ZERO);

    /** @throws InvalidValueException {@code area.blank}, {@code area.negative}, {@code area.precision}, {@code area.too-large} */
    public Area {
        if (squareMetres == null) {
            throw new InvalidValueException("area.blank");
        }
        if (squareMetres.signum() < 0) {
            throw new InvalidValueException("area.negative", squareMetres.toPlainString());
        }
        if (squareMetres.stripTrailingZeros().scale() > SCALE) {
            throw new InvalidValueException("area.precision", squareMetres.toPlainString(), SCALE);
        }
        if (squareMetres.compareTo(MAXIMUM) > 0) {
            throw new InvalidValueException("area.too-large", squareMetres.toPlainString(), MAXIMUM.toPlainString());
        }
        // exact: at most two decimals remain after the check above
        squareMetres = squareMetres.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    /** @throws InvalidValueException see {@link #Area(BigDecimal)} */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Area of(BigDecimal squareMetres) {
        return new Area(squareMetres);
    }

    /**
     * Parses plain decimal notation, e.g. {@code 89.37}.
     *
     * @throws InvalidValueException {@code area.blank}, {@code area.format}, or as {@link #Area(BigDecimal)}
     */
    public static Area of(String squareMetres) {
        if (squareMetres == null || squareMetres.isBlank()) {
            throw new InvalidValueException("area.blank");
        }
        String text = squareMetres.strip();
        if (!text.matches(DECIMAL)) {
            throw new InvalidValueException("area.format", text);
        }
        return new Area(new BigDecimal(text));
    }

    /** The area in square metres at scale 2; the JSON form. */
    @Override
    @JsonValue
    public BigDecimal squareMetres() {
        return squareMetres;
    }

    public Area plus(Area other) {
        return new Area(squareMetres.add(other.squareMetres));
    }

    /** @throws InvalidValueException {@code area.negative} if {@code other} is the larger */
    public Area minus(Area other) {
        return new Area(squareMetres.subtract(other.squareMetres));
    }

    public boolean isPositive() {
        return squareMetres.signum() > 0;
    }

    /**
     * This area, if larger than zero (e.g. a 建筑面积).
     *
     * @throws InvalidValueException {@code area.not-positive}
     */
    public Area requirePositive() {
        if (!isPositive()) {
            throw new InvalidValueException("area.not-positive");
        }
        return this;
    }

    @Override
    public int compareTo(Area other) {
        return squareMetres.compareTo(other.squareMetres);
    }

    /** Plain notation, two decimals: {@code 89.30}. */
    @Override
    public String toString() {
        return squareMetres.toPlainString();
    }
}
