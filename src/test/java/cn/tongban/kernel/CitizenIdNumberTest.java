package cn.tongban.kernel;

import static cn.tongban.kernel.Refusals.JSON;
import static cn.tongban.kernel.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 11643-1999 公民身份号码. Check characters below are worked out by hand from 5.5, as shown. */
class CitizenIdNumberTest {

    /**
     * The example of GB 11643-1999 itself. Body 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2, weights 7 9 10 5 8 4 2 1 6 3 7 9
     * 10 5 8 4 2: 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2; "10X98765432"[2] = X.
     */
    private static final String STANDARD_EXAMPLE = "11010519491231002X";
    /**
     * Changzhou 天宁区, 1990-01-01, order 123: 21+18+0+20+0+8+2+9+54+0+0+9+0+5+8+8+6 = 168; 168 mod 11 = 3;
     * "10X98765432"[3] = 9.
     */
    private static final String CHANGZHOU = "320402199001011239";

    @Test
    void checkCharacterIsSumOfWeightedDigitsMod11() {
        assertThat(CitizenIdNumber.of(STANDARD_EXAMPLE).value()).isEqualTo(STANDARD_EXAMPLE);
        assertThat(CitizenIdNumber.of(CHANGZHOU).value()).isEqualTo(CHANGZHOU);
    }

    @Test
    void wrongCheckCharacterNamesTheExpectedOne() {
        assertRefused(() -> CitizenIdNumber.of("320402199001011234"), "id-number.check-character", "9", "4");
        assertRefused(() -> CitizenIdNumber.of("110105194912310029"), "id-number.check-character", "X", "9");
    }

    @Test
    void refusalDoesNotRepeatTheNumber() {
        InvalidValueException e = assertRefused(() -> CitizenIdNumber.of("320402199001011234"),
                "id-number.check-character", "9", "4");
        assertThat(e.getMessage()).doesNotContain("32040219900101123");
    }

    @Test
    void lowerCaseCheckCharacterXIsWrittenUpperCase() {
        assertThat(CitizenIdNumber.of("11010519491231002x").value()).isEqualTo(STANDARD_EXAMPLE);
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(CitizenIdNumber.of(" " + CHANGZHOU + "\t").value()).isEqualTo(CHANGZHOU);
    }

    @Test
    void legacyFifteenDigitNumberIsUpgraded() {
        // GB 11643-1989: 320402 + 900101 + 123 becomes 320402 + 19900101 + 123 + check character (9, see CHANGZHOU)
        assertThat(CitizenIdNumber.of("320402900101123").value()).isEqualTo(CHANGZHOU);
    }

    @Test
    void legacyFifteenDigitNumberMustBeAllDigits() {
        assertRefused(() -> CitizenIdNumber.of("32040290010112X"), "id-number.characters", 15, "X");
    }

    @Test
    void legacyFifteenDigitNumberNeedsARealBirthDate() {
        assertRefused(() -> CitizenIdNumber.of("320402900230123"), "id-number.birth-date", "19900230");
    }

    @Test
    void februaryThirtiethIsNotABirthDate() {
        // the date is checked before the check character, so any 18th character will do
        assertRefused(() -> CitizenIdNumber.of("320402199002301230"), "id-number.birth-date", "19900230");
    }

    @Test
    void monthThirteenIsNotABirthDate() {
        assertRefused(() -> CitizenIdNumber.of("320402199013011230"), "id-number.birth-date", "19901301");
    }

    @Test
    void februaryTwentyNinthOfALeapYearIsABirthDate() {
        // 21+18+0+20+0+8+4+0+0+0+0+18+20+45+8+8+6 = 176; 176 mod 11 = 0; check 1
        CitizenIdNumber number = CitizenIdNumber.of("320402200002291231");
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void nineteenHundredWasNotALeapYear() {
        assertRefused(() -> CitizenIdNumber.of("320402190002291231"), "id-number.birth-date", "19000229");
    }

    @Test
    void birthDateMayNotBeInTheFuture() {
        assertRefused(() -> CitizenIdNumber.of(CHANGZHOU, LocalDate.of(1989, 12, 31)),
                "id-number.birth-date-future", "19900101");
        assertThat(CitizenIdNumber.of(CHANGZHOU, LocalDate.of(1990, 1, 1)).birthDate())
                .isEqualTo(LocalDate.of(1990, 1, 1));
    }

    @Test
    void birthDateBefore1900IsRefused() {
        // GB 11643-1999's second example, born 1880-01-01; its check character is right:
        // 28+36+0+25+16+16+2+8+48+0+0+9+0+5+0+0+2 = 195; 195 mod 11 = 8; "10X98765432"[8] = 4
        assertRefused(() -> CitizenIdNumber.of("440524188001010014"), "id-number.birth-date-before-1900", "18800101");
    }

    @Test
    void seventeenthDigitOddIsMaleEvenIsFemale() {
        assertThat(CitizenIdNumber.of(CHANGZHOU).isMale()).isTrue(); // order 123
        assertThat(CitizenIdNumber.of(STANDARD_EXAMPLE).isMale()).isFalse(); // order 002
    }

    @Test
    void partsAreReadFromTheirPositions() {
        CitizenIdNumber number = CitizenIdNumber.of(STANDARD_EXAMPLE);
        assertThat(number.areaCode()).isEqualTo("110105");
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
    }

    @Test
    void areaCodeNeedNotBeAKnownDivision() {
        // 999999 is no GB/T 2260 code: 63+81+90+45+72+36+2+9+54+0+0+9+0+5+8+8+6 = 488; 488 mod 11 = 4; check 8
        assertThat(CitizenIdNumber.of("999999199001011238").areaCode()).isEqualTo("999999");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void blankIsRefused(String blank) {
        assertRefused(() -> CitizenIdNumber.of(blank), "id-number.blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3204021990010112", "32040219900101123", "3204021990010112399"})
    void onlyEighteenOrFifteenCharactersAreANumber(String text) {
        assertRefused(() -> CitizenIdNumber.of(text), "id-number.length", text.length());
    }

    @Test
    void firstSeventeenCharactersAreDigits() {
        assertRefused(() -> CitizenIdNumber.of("32040A199001011239"), "id-number.characters", 6, "A");
        assertRefused(() -> CitizenIdNumber.of("3204021990010112X9"), "id-number.characters", 17, "X");
    }

    @Test
    void checkCharacterIsADigitOrX() {
        assertRefused(() -> CitizenIdNumber.of("32040219900101123Y"), "id-number.characters", 18, "Y");
    }

    @Test
    void toStringMasksTheNumber() {
        CitizenIdNumber number = CitizenIdNumber.of(CHANGZHOU);
        assertThat(number.masked()).isEqualTo("320402********1239");
        assertThat(number.toString()).isEqualTo(number.masked()).doesNotContain("19900101");
    }

    @Test
    void equalByValue() {
        assertThat(CitizenIdNumber.of("11010519491231002x")).isEqualTo(CitizenIdNumber.of(STANDARD_EXAMPLE))
                .hasSameHashCodeAs(CitizenIdNumber.of(STANDARD_EXAMPLE));
        assertThat(CitizenIdNumber.of(CHANGZHOU)).isNotEqualTo(CitizenIdNumber.of(STANDARD_EXAMPLE));
    }

    @Test
    void jsonIsTheWholeNumberAsAString() throws Exception {
        CitizenIdNumber number = JSON.readValue("\"11010519491231002x\"", CitizenIdNumber.class);
        assertThat(number.value()).isEqualTo(STANDARD_EXAMPLE);
        assertThat(JSON.writeValueAsString(number)).isEqualTo("\"" + STANDARD_EXAMPLE + "\"");
    }
}
