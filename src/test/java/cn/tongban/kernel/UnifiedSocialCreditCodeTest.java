package cn.tongban.kernel;

import static cn.tongban.kernel.Refusals.JSON;
import static cn.tongban.kernel.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 32100-2015 统一社会信用代码, with the GB 11714 organisation code in positions 9-17. */
class UnifiedSocialCreditCodeTest {

    /**
     * The commonly cited example, checked by hand.
     *
     * <p>Organisation code M000100Y4 (GB 11714, M = 22, Y = 34): 22·3 + 1·5 + 34·2 = 139; 139 mod 11 = 7; 11 - 7 = 4.
     *
     * <p>Code check (GB 32100, values = index in 0-9 A-H J-N P-R T U W-Y, so M = 21, Y = 30; weights 3^(i-1) mod 31 =
     * 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28): 9 + 3 + 27 + 135 + 0 + 26 + 0 + 0 + 420 + 0 + 0 + 0 + 8 + 0 + 0
     * + 900 + 112 = 1640; 1640 mod 31 = 28; 31 - 28 = 3.
     */
    private static final String EXAMPLE = "91350100M000100Y43";

    @Test
    void commonlyCitedExampleIsValid() {
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.of(EXAMPLE);
        assertThat(code.value()).isEqualTo(EXAMPLE);
        assertThat(code.registrationAuthority()).isEqualTo("9");
        assertThat(code.institutionType()).isEqualTo("1");
        assertThat(code.divisionCode()).isEqualTo("350100");
        assertThat(code.organizationCode()).isEqualTo("M000100Y4");
        assertThat(code).hasToString(EXAMPLE);
    }

    @Test
    void generatorOfThisTestAgreesWithTheHandWorkedExample() {
        assertThat(Generator.complete("91350100M000100Y4")).isEqualTo(EXAMPLE);
    }

    @Test
    void checkCharacterIsThirtyOneMinusWeightedSumMod31() {
        assertRefused(() -> UnifiedSocialCreditCode.of("91350100M000100Y44"), "credit-code.check-character", "3", "4");
    }

    @Test
    void organizationCodeCheckIsElevenMinusWeightedSumMod11() {
        assertRefused(() -> UnifiedSocialCreditCode.of("91350100M000100Y53"),
                "credit-code.organization-code-check", "4", "5");
    }

    @Test
    void organizationCodeCheckTenIsWrittenX() {
        // body 00000006: 6 at weight 2 makes 12; 12 mod 11 = 1; 11 - 1 = 10, written X
        String code = Generator.complete("91320400" + "00000006" + "X");
        assertThat(UnifiedSocialCreditCode.of(code).organizationCode()).isEqualTo("00000006X");
        assertRefused(() -> UnifiedSocialCreditCode.of(Generator.complete("91320400" + "00000006" + "0")),
                "credit-code.organization-code-check", "X", "0");
    }

    @Test
    void organizationCodeCheckElevenIsWrittenZero() {
        // body 00000000: sum 0; 11 - 0 = 11, written 0
        String code = Generator.complete("91320400" + "00000000" + "0");
        assertThat(UnifiedSocialCreditCode.of(code).organizationCode()).isEqualTo("000000000");
    }

    @Test
    void checkCharacterThirtyOneIsWrittenZero() {
        // 31 - (sum mod 31) is 31 when the sum is a multiple of 31; that check is written 0
        String code = Generator.firstWithCheck("913204", '0');
        assertThat(UnifiedSocialCreditCode.of(code).value()).endsWith("0");
    }

    @Test
    void lowerCaseIsWrittenUpperCase() {
        assertThat(UnifiedSocialCreditCode.of("91350100m000100y43").value()).isEqualTo(EXAMPLE);
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'Z', 'S', 'V'})
    void lettersIOZSVAreNotUsed(char letter) {
        String text = "9" + letter + "350100M000100Y43";
        assertRefused(() -> UnifiedSocialCreditCode.of(text), "credit-code.characters", 2, String.valueOf(letter));
    }

    @Test
    void punctuationIsNotUsed() {
        assertRefused(() -> UnifiedSocialCreditCode.of("91350100M000100Y4-"), "credit-code.characters", 18, "-");
    }

    @Test
    void registeringAuthorityDivisionIsDigits() {
        assertRefused(() -> UnifiedSocialCreditCode.of("913501A0M000100Y43"), "credit-code.division", 7, "A");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " "})
    void blankIsRefused(String blank) {
        assertRefused(() -> UnifiedSocialCreditCode.of(blank), "credit-code.blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y4", "91350100M000100Y433", "M000100Y4"})
    void eighteenCharacters(String text) {
        assertRefused(() -> UnifiedSocialCreditCode.of(text), "credit-code.length", text.length());
    }

    @Test
    void equalByValue() {
        assertThat(UnifiedSocialCreditCode.of("91350100m000100y43")).isEqualTo(UnifiedSocialCreditCode.of(EXAMPLE))
                .hasSameHashCodeAs(UnifiedSocialCreditCode.of(EXAMPLE));
    }

    @Test
    void jsonIsTheCodeAsAString() throws Exception {
        UnifiedSocialCreditCode code = JSON.readValue("\"91350100m000100y43\"", UnifiedSocialCreditCode.class);
        assertThat(code.value()).isEqualTo(EXAMPLE);
        assertThat(JSON.writeValueAsString(code)).isEqualTo("\"" + EXAMPLE + "\"");
    }

    /** The GB 32100 check character, written out afresh from the standard's table of weights. */
    private static final class Generator {

        private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

        /** The 17 characters followed by their check character. */
        static String complete(String first17) {
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
            }
            int check = 31 - sum % 31;
            return first17 + ALPHABET.charAt(check == 31 ? 0 : check);
        }

        /** The first valid code under {@code prefix} (6 characters) + 00 whose check character is {@code check}. */
        static String firstWithCheck(String prefix, char check) {
            for (int n = 0; n < 100_000_000; n++) {
                String body = String.format("%08d", n);
                String code = complete(prefix + "00" + body + organizationCheck(body));
                if (code.charAt(17) == check) {
                    return code;
                }
            }
            throw new AssertionError("none found");
        }

        /** GB 11714: weights 3 7 9 10 5 8 4 2 over digit bodies; 11 - sum mod 11, 10 written X, 11 written 0. */
        private static char organizationCheck(String digits) {
            int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (digits.charAt(i) - '0') * weights[i];
            }
            int check = 11 - sum % 11;
            return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
        }
    }
}
