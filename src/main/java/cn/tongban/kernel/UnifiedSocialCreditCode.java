package cn.tongban.kernel;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * 统一社会信用代码 (unified social credit code) of a legal person or other organisation, GB 32100-2015: 18
 * characters — registration authority, institution type, the registering authority's GB/T 2260 division code, the
 * GB 11714 organisation code (主体标识码) and a check character.
 *
 * <p>Both check characters are verified: the organisation code's own (GB 11714) and the code's last (GB 32100).
 */
public final class UnifiedSocialCreditCode {

    private static final int LENGTH = 18;
    /**
     * GB 32100-2015 第4章（代码结构）: Arabic digits and upper-case Latin letters except I, O, Z, S and V. A
     * character's value in the check calculation is its index here.
     */
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int MODULUS = ALPHABET.length();
    /** GB 32100-2015 校验码: W_i = 3^(i-1) mod 31 for positions i = 1..17. */
    private static final int[] WEIGHTS = weights();
    /** GB 11714-1997 校验码: weights of the eight body characters of the organisation code. */
    private static final int[] ORGANIZATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private final String value;

    private UnifiedSocialCreditCode(String value) {
        this.value = value;
    }

    /**
     * Parses a code; lower-case letters are accepted and upper-cased.
     *
     * @throws InvalidValueException {@code credit-code.*} naming what is wrong
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static UnifiedSocialCreditCode of(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("credit-code.blank");
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            throw new InvalidValueException("credit-code.length", code.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                throw new InvalidValueException("credit-code.characters", i + 1, String.valueOf(code.charAt(i)));
            }
        }
        // GB 32100-2015 第4章: positions 3-8 are the registering authority's administrative division code (GB/T 2260).
        for (int i = 2; i < 8; i++) {
            if (!isDigit(code.charAt(i))) {
                throw new InvalidValueException("credit-code.division", i + 1, String.valueOf(code.charAt(i)));
            }
        }
        // GB 32100-2015 第4章: positions 9-17 are the organisation code of GB 11714, which carries its own check.
        char expectedOrganizationCheck = organizationCheckCharacter(code.substring(8, 16));
        if (code.charAt(16) != expectedOrganizationCheck) {
            throw new InvalidValueException("credit-code.organization-code-check",
                    String.valueOf(expectedOrganizationCheck), String.valueOf(code.charAt(16)));
        }
        char expectedCheck = checkCharacter(code.substring(0, LENGTH - 1));
        if (code.charAt(LENGTH - 1) != expectedCheck) {
            throw new InvalidValueException("credit-code.check-character",
                    String.valueOf(expectedCheck), String.valueOf(code.charAt(LENGTH - 1)));
        }
        return new UnifiedSocialCreditCode(code);
    }

    /**
     * Completes a code from its first 16 characters by computing both check characters — what a registering
     * authority does when it issues a code (and what demo data and tests need).
     */
    public static UnifiedSocialCreditCode withCheckCharacters(String first16) {
        if (first16 == null || first16.length() != LENGTH - 2) {
            throw new InvalidValueException("credit-code.length", first16 == null ? 0 : first16.length() + 2);
        }
        String upper = first16.toUpperCase(Locale.ROOT);
        String first17 = upper + organizationCheckCharacter(upper.substring(8, 16));
        return of(first17 + checkCharacter(first17));
    }

    /** The 18 characters, upper case. */
    @JsonValue
    public String value() {
        return value;
    }

    /** Position 1, 登记管理部门代码, e.g. {@code 9} for 市场监督管理 (formerly 工商), {@code 5} for 民政. */
    public String registrationAuthority() {
        return value.substring(0, 1);
    }

    /** Position 2, 机构类别代码, read together with the registration authority (e.g. {@code 1} after {@code 9}: 企业). */
    public String institutionType() {
        return value.substring(1, 2);
    }

    /** Positions 3-8, 登记管理机关行政区划码: the GB/T 2260 code of the registering authority. */
    public String divisionCode() {
        return value.substring(2, 8);
    }

    /** Positions 9-17, 主体标识码: the 9-character GB 11714 organisation code, check character included. */
    public String organizationCode() {
        return value.substring(8, 17);
    }

    @Override
    public String toString() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnifiedSocialCreditCode that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * GB 32100-2015 校验码: C18 = 31 - (sum of C_i * W_i mod 31), 31 written as 0, each character valued by its
     * index in the alphabet.
     */
    private static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((MODULUS - sum % MODULUS) % MODULUS);
    }

    /**
     * GB 11714-1997 校验码: C9 = 11 - (sum of C_i * W_i mod 11); 10 is written X and 11 is written 0. Digits are
     * valued 0-9 and letters A-Z 10-35.
     */
    private static char organizationCheckCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < ORGANIZATION_WEIGHTS.length; i++) {
            sum += Character.digit(body.charAt(i), 36) * ORGANIZATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    private static int[] weights() {
        int[] weights = new int[LENGTH - 1];
        int weight = 1;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = weight;
            weight = weight * 3 % MODULUS;
        }
        return weights;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
