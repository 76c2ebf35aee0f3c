package cn.tongban.kernel;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * 不动产单元代码 (real estate unit code), GB/T 37346-2019: 28 characters in three layers — the 宗地 (parcel), the
 * 定着物 (fixture on it, e.g. a building) and the unit within that fixture (e.g. a flat).
 *
 * <pre>
 *  1-6   county-level division code (GB/T 2260)      20     定着物特征码 F / L / Q / W
 *  7-9   地籍区 cadastral district                     21-28  定着物单元编号; for F: 幢号 (21-24) + 户号 (25-28)
 * 10-12  地籍子区 cadastral sub-district
 * 13-14  宗地特征码 (ownership + parcel kind)
 * 15-19  宗地顺序号 parcel sequence number
 * </pre>
 *
 * The code has no check character: only its structure can be verified.
 */
public final class RealEstateUnitCode {

    /** GB/T 37346-2019 8.1 (代码结构): 6 + 6 + 7 + 9 = 28 characters. */
    private static final int LENGTH = 28;
    /** GB/T 37346-2019 8.2 (编码方法): 宗地特征码, first character — G 国家土地所有权, J 集体土地所有权, Z 土地所有权争议. */
    private static final String OWNERSHIP_FEATURES = "GJZ";
    /**
     * GB/T 37346-2019 8.2: 宗地特征码, second character — A 集体土地所有权, B 建设用地使用权（地表）, S（地上）, X（地下）,
     * C 宅基地使用权, D 土地承包经营权, E 林地使用权, F 草原使用权, H 海域使用权, G 无居民海岛使用权, W 使用权未确定或有争议,
     * Y 其他土地使用权.
     */
    private static final String PARCEL_KINDS = "ABSXCDEFHGWY";
    /** GB/T 37346-2019 8.2: 定着物特征码 — F 房屋等建筑物、构筑物, L 森林、林木, Q 其他, W 无定着物. */
    private static final String FIXTURE_FEATURES = "FLQW";
    private static final char BUILDING = 'F';
    private static final char NO_FIXTURE = 'W';
    /** GB/T 37346-2019 8.2: a parcel without fixture is coded W00000000, i.e. feature W and unit number 00000000. */
    private static final String NO_FIXTURE_NUMBER = "00000000";

    private final String value;

    private RealEstateUnitCode(String value) {
        this.value = value;
    }

    /**
     * Parses a code; lower-case letters are accepted and upper-cased.
     *
     * @throws InvalidValueException {@code unit-code.*} naming the part that is wrong and its position
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RealEstateUnitCode of(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("unit-code.blank");
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            throw new InvalidValueException("unit-code.length", code.length());
        }
        // GB/T 37346-2019 8.1: the 宗地代码 (positions 1-19).
        requireDigits(code, 1, 6, "unit-code.county");
        requireDigits(code, 7, 9, "unit-code.cadastral-district");
        requireDigits(code, 10, 12, "unit-code.cadastral-sub-district");
        requireOneOf(code, 13, OWNERSHIP_FEATURES, "unit-code.parcel-feature");
        requireOneOf(code, 14, PARCEL_KINDS, "unit-code.parcel-feature");
        requireDigits(code, 15, 19, "unit-code.parcel-sequence");
        // GB/T 37346-2019 8.1: the 定着物单元代码 (positions 20-28).
        requireOneOf(code, 20, FIXTURE_FEATURES, "unit-code.fixture-feature");
        requireDigits(code, 21, 28, "unit-code.fixture-number");
        if (code.charAt(19) == NO_FIXTURE && !code.endsWith(NO_FIXTURE_NUMBER)) {
            throw new InvalidValueException("unit-code.no-fixture-number", code.substring(20));
        }
        return new RealEstateUnitCode(code);
    }

    /** The 28 characters, upper case. */
    @JsonValue
    public String value() {
        return value;
    }

    /** Positions 1-6: the county-level division (GB/T 2260) the parcel lies in. */
    public String countyCode() {
        return value.substring(0, 6);
    }

    /** Positions 7-9: 地籍区. */
    public String cadastralDistrict() {
        return value.substring(6, 9);
    }

    /** Positions 10-12: 地籍子区. */
    public String cadastralSubDistrict() {
        return value.substring(9, 12);
    }

    /** Positions 13-14: 宗地特征码, e.g. {@code GB} 国有建设用地使用权（地表）. */
    public String parcelFeature() {
        return value.substring(12, 14);
    }

    /** Positions 15-19: 宗地顺序号. */
    public String parcelSequence() {
        return value.substring(14, 19);
    }

    /** Positions 1-19: 宗地代码, the parcel the unit stands on. */
    public String parcelCode() {
        return value.substring(0, 19);
    }

    /** Position 20: 定着物特征码 F, L, Q or W. */
    public char fixtureFeature() {
        return value.charAt(19);
    }

    /** Positions 21-28: 定着物单元编号 ({@code 00000000} when there is no fixture). */
    public String fixtureUnitNumber() {
        return value.substring(20);
    }

    /** Whether the fixture is a building or structure (定着物特征码 F). */
    public boolean isBuilding() {
        return fixtureFeature() == BUILDING;
    }

    /**
     * Positions 21-24: 幢号.
     *
     * @throws IllegalStateException if the unit is not in a building (see {@link #isBuilding()})
     */
    public String buildingNumber() {
        requireBuilding();
        return value.substring(20, 24);
    }

    /**
     * Positions 25-28: 户号.
     *
     * @throws IllegalStateException if the unit is not in a building (see {@link #isBuilding()})
     */
    public String roomNumber() {
        requireBuilding();
        return value.substring(24);
    }

    /**
     * Positions 1-24: the code of the building (幢) — {@link #parcelCode()}, {@code F} and {@link #buildingNumber()}.
     *
     * @throws IllegalStateException if the unit is not in a building (see {@link #isBuilding()})
     */
    public String buildingCode() {
        requireBuilding();
        return value.substring(0, 24);
    }

    @Override
    public String toString() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RealEstateUnitCode that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    private void requireBuilding() {
        if (!isBuilding()) {
            throw new IllegalStateException("not a building unit (定着物特征码 " + fixtureFeature() + "): " + value);
        }
    }

    /** Positions {@code from}-{@code to} (1-based, inclusive) are digits; names the part, its positions and content. */
    private static void requireDigits(String code, int from, int to, String rule) {
        for (int i = from - 1; i < to; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidValueException(rule, from, to, code.substring(from - 1, to));
            }
        }
    }

    /** Position {@code position} (1-based) is one of {@code allowed}; names the position, the character and the set. */
    private static void requireOneOf(String code, int position, String allowed, String rule) {
        char c = code.charAt(position - 1);
        if (allowed.indexOf(c) < 0) {
            throw new InvalidValueException(rule, position, String.valueOf(c), String.join("/", allowed.split("")));
        }
    }
}
