package cn.tongban.kernel;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * 公民身份号码 (citizen identity number) as defined by GB 11643-1999: six digits of address code, eight digits of
 * birth date, three digits of order code and one check character.
 *
 * <p>Fifteen-digit numbers of the earlier GB 11643-1989 are accepted and upgraded to eighteen characters. This
 * is personal data: {@link #toString()} masks it, so that it does not leak into logs; only {@link #value()} and
 * the JSON form give the whole number.
 */
public final class CitizenIdNumber {

    /** GB 11643-1999 5.1 (号码的结构): a 17-digit body code plus one check character. */
    private static final int LENGTH = 18;
    /** GB 11643-1989: 6-digit address code, 6-digit birth date (yyMMdd), 3-digit order code; no check character. */
    private static final int LEGACY_LENGTH = 15;
    /** GB 11643-1999 5.5 (校验码): W_i = 2^(i-1) mod 11, i counted from the check character leftwards. */
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    /** GB 11643-1999 5.5: the check character for (sum of weighted digits) mod 11 = 0, 1, ..., 10; 10 is written X. */
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final String value;

    private CitizenIdNumber(String value) {
        this.value = value;
    }

    /**
     * Parses an 18-character number (a lowercase {@code x} check character is accepted as {@code X}) or upgrades a
     * 15-digit one, checking the birth date against today's date in China.
     *
     * @throws InvalidValueException {@code id-number.*} naming what is wrong
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CitizenIdNumber of(String text) {
        return of(text, LocalDate.now(CHINA));
    }

    static CitizenIdNumber of(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("id-number.blank");
        }
        String number = text.strip().toUpperCase(Locale.ROOT);
        if (number.length() == LEGACY_LENGTH) {
            requireDigits(number, LEGACY_LENGTH);
            // A GB 11643-1989 number's 2-digit year is of the 1900s (the 15-digit form was replaced from 1999):
            // insert "19" before it and append the GB 11643-1999 5.5 check character.
            String body = number.substring(0, 6) + "19" + number.substring(6);
            number = body + checkCharacter(body);
        } else if (number.length() == LENGTH) {
            // GB 11643-1999 5.1: 17 digits, then the check character 0-9 or X (5.5).
            requireDigits(number, LENGTH - 1);
            char last = number.charAt(LENGTH - 1);
            if (!isDigit(last) && last != 'X') {
                throw new InvalidValueException("id-number.characters", LENGTH, String.valueOf(last));
            }
        } else {
            throw new InvalidValueException("id-number.length", number.length());
        }
        requireBirthDate(number.substring(6, 14), today);
        char expected = checkCharacter(number.substring(0, LENGTH - 1));
        char actual = number.charAt(LENGTH - 1);
        if (actual != expected) {
            throw new InvalidValueException("id-number.check-character", String.valueOf(expected), String.valueOf(actual));
        }
        return new CitizenIdNumber(number);
    }

    /**
     * Completes a number from its first 17 digits by computing the GB 11643-1999 check character (demo data, tests).
     *
     * @throws InvalidValueException if the 17 digits are not a valid number's body
     */
    public static CitizenIdNumber withCheckCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new InvalidValueException("id-number.length", first17 == null ? 0 : first17.length() + 1);
        }
        requireDigits(first17, LENGTH - 1);
        return of(first17 + checkCharacter(first17));
    }

    /** The 18-character number, check character {@code X} in uppercase. */
    @JsonValue
    public String value() {
        return value;
    }

    /** GB 11643-1999 5.3 (出生日期码): positions 7-14, yyyyMMdd (GB/T 7408). */
    public LocalDate birthDate() {
        return parseDate(value.substring(6, 14));
    }

    /** GB 11643-1999 5.4 (顺序码): odd order codes go to men, even to women; the 17th digit decides. */
    public boolean isMale() {
        return (value.charAt(16) - '0') % 2 == 1;
    }

    /** GB 11643-1999 5.2 (地址码): positions 1-6, the GB/T 2260 code of the county of permanent residence. */
    public String areaCode() {
        return value.substring(0, 6);
    }

    /** The first four and last four characters, the ten between replaced by {@code *}: {@code 3204**********1234}. */
    public String masked() {
        return Masking.identifier(value);
    }

    /** Masked, never the whole number: see {@link #masked()}. */
    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CitizenIdNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** GB 11643-1999 5.5: S = sum of a_i * W_i over the 17 body digits; the check character is that of S mod 11. */
    private static char checkCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** GB 11643-1999 5.3: a real calendar date; the platform accepts 1900-01-01 up to today. */
    private static void requireBirthDate(String yyyyMMdd, LocalDate today) {
        LocalDate birthDate;
        try {
            birthDate = parseDate(yyyyMMdd);
        } catch (DateTimeException e) {
            throw new InvalidValueException("id-number.birth-date", yyyyMMdd);
        }
        if (birthDate.isAfter(today)) {
            throw new InvalidValueException("id-number.birth-date-future", yyyyMMdd);
        }
        if (birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            throw new InvalidValueException("id-number.birth-date-before-1900", yyyyMMdd);
        }
    }

    private static LocalDate parseDate(String yyyyMMdd) {
        return LocalDate.of(Integer.parseInt(yyyyMMdd.substring(0, 4)), Integer.parseInt(yyyyMMdd.substring(4, 6)),
                Integer.parseInt(yyyyMMdd.substring(6, 8)));
    }

    /** Every one of the first {@code count} characters is an ASCII digit; names the first that is not (1-based). */
    private static void requireDigits(String number, int count) {
        for (int i = 0; i < count; i++) {
            if (!isDigit(number.charAt(i))) {
                throw new InvalidValueException("id-number.characters", i + 1, String.valueOf(number.charAt(i)));
            }
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
