package cn.tongban.kernel;

import static cn.tongban.kernel.Refusals.JSON;
import static cn.tongban.kernel.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB/T 37346-2019 不动产单元代码: 6 + 3 + 3 + 2 + 5 + 1 + 8 characters. */
class RealEstateUnitCodeTest {

    /** 天宁区 320402, 地籍区 001, 地籍子区 002, GB 国有建设用地使用权（地表）, 宗地 00123, F 房屋, 幢 0001, 户 0203. */
    private static final String FLAT = "320402" + "001" + "002" + "GB" + "00123" + "F" + "0001" + "0203";
    /** The same parcel without fixture: W00000000. */
    private static final String BARE_LAND = "320402" + "001" + "002" + "GB" + "00123" + "W" + "00000000";

    @Test
    void partsOfABuildingUnitAreReadFromTheirPositions() {
        RealEstateUnitCode code = RealEstateUnitCode.of(FLAT);
        assertThat(code.value()).isEqualTo(FLAT).hasSize(28);
        assertThat(code.countyCode()).isEqualTo("320402");
        assertThat(code.cadastralDistrict()).isEqualTo("001");
        assertThat(code.cadastralSubDistrict()).isEqualTo("002");
        assertThat(code.parcelFeature()).isEqualTo("GB");
        assertThat(code.parcelSequence()).isEqualTo("00123");
        assertThat(code.parcelCode()).isEqualTo("320402001002GB00123");
        assertThat(code.fixtureFeature()).isEqualTo('F');
        assertThat(code.fixtureUnitNumber()).isEqualTo("00010203");
        assertThat(code.isBuilding()).isTrue();
        assertThat(code.buildingNumber()).isEqualTo("0001");
        assertThat(code.roomNumber()).isEqualTo("0203");
        assertThat(code).hasToString(FLAT);
    }

    @Test
    void buildingCodeIsParcelCodeThenFThenBuildingNumber() {
        RealEstateUnitCode code = RealEstateUnitCode.of(FLAT);
        assertThat(code.buildingCode()).isEqualTo(code.parcelCode() + "F" + code.buildingNumber()).hasSize(24);
    }

    @Test
    void landWithoutFixtureIsFeatureWWithNumberZeros() {
        RealEstateUnitCode code = RealEstateUnitCode.of(BARE_LAND);
        assertThat(code.fixtureFeature()).isEqualTo('W');
        assertThat(code.fixtureUnitNumber()).isEqualTo("00000000");
        assertThat(code.isBuilding()).isFalse();
    }

    @Test
    void featureWRequiresNumberZeros() {
        assertRefused(() -> RealEstateUnitCode.of("320402001002GB00123W00010203"), "unit-code.no-fixture-number",
                "00010203");
    }

    @Test
    void buildingPartsExistOnlyForBuildings() {
        RealEstateUnitCode land = RealEstateUnitCode.of(BARE_LAND);
        assertThatIllegalStateException().isThrownBy(land::buildingNumber);
        assertThatIllegalStateException().isThrownBy(land::roomNumber);
        assertThatIllegalStateException().isThrownBy(land::buildingCode);
    }

    @Test
    void forestAndOtherFixturesHaveEightDigitNumbers() {
        assertThat(RealEstateUnitCode.of("320481101001JE00007L00000001").fixtureFeature()).isEqualTo('L');
        assertThat(RealEstateUnitCode.of("320481101001JC00007Q00000002").fixtureFeature()).isEqualTo('Q');
    }

    @Test
    void lowerCaseIsWrittenUpperCase() {
        assertThat(RealEstateUnitCode.of("320402001002gb00123f00010203").value()).isEqualTo(FLAT);
    }

    @ParameterizedTest
    @ValueSource(chars = {'G', 'J', 'Z'})
    void ownershipIsStateCollectiveOrDisputed(char ownership) {
        String text = "320402001002" + ownership + "B00123F00010203";
        assertThat(RealEstateUnitCode.of(text).parcelFeature()).isEqualTo(ownership + "B");
    }

    @Test
    void ownershipOtherThanGJZIsRefusedAtPosition13() {
        assertRefused(() -> RealEstateUnitCode.of("320402001002XB00123F00010203"), "unit-code.parcel-feature",
                13, "X", "G/J/Z");
    }

    @ParameterizedTest
    @ValueSource(chars = {'A', 'B', 'S', 'X', 'C', 'D', 'E', 'F', 'H', 'G', 'W', 'Y'})
    void parcelKindIsOneOfTheTwelve(char kind) {
        String text = "320402001002G" + kind + "00123F00010203";
        assertThat(RealEstateUnitCode.of(text).parcelFeature()).isEqualTo("G" + kind);
    }

    @Test
    void parcelKindOutsideTheTwelveIsRefusedAtPosition14() {
        assertRefused(() -> RealEstateUnitCode.of("320402001002GI00123F00010203"), "unit-code.parcel-feature",
                14, "I", "A/B/S/X/C/D/E/F/H/G/W/Y");
    }

    @Test
    void fixtureFeatureIsFLQOrW() {
        assertRefused(() -> RealEstateUnitCode.of("320402001002GB00123A00010203"), "unit-code.fixture-feature",
                20, "A", "F/L/Q/W");
    }

    @Test
    void countyCodeIsSixDigits() {
        assertRefused(() -> RealEstateUnitCode.of("32040X001002GB00123F00010203"), "unit-code.county",
                1, 6, "32040X");
    }

    @Test
    void cadastralDistrictAndSubDistrictAreThreeDigitsEach() {
        assertRefused(() -> RealEstateUnitCode.of("320402A01002GB00123F00010203"), "unit-code.cadastral-district",
                7, 9, "A01");
        assertRefused(() -> RealEstateUnitCode.of("32040200100BGB00123F00010203"), "unit-code.cadastral-sub-district",
                10, 12, "00B");
    }

    @Test
    void parcelSequenceIsFiveDigits() {
        assertRefused(() -> RealEstateUnitCode.of("320402001002GB0012BF00010203"), "unit-code.parcel-sequence",
                15, 19, "0012B");
    }

    @Test
    void fixtureUnitNumberIsEightDigits() {
        assertRefused(() -> RealEstateUnitCode.of("320402001002GB00123F0001020A"), "unit-code.fixture-number",
                21, 28, "0001020A");
    }

    @ParameterizedTest
    @ValueSource(strings = {"320402001002GB00123F0001020", "320402001002GB00123F000102030", "320402001002GB00123"})
    void twentyEightCharacters(String text) {
        assertRefused(() -> RealEstateUnitCode.of(text), "unit-code.length", text.length());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void blankIsRefused(String blank) {
        assertRefused(() -> RealEstateUnitCode.of(blank), "unit-code.blank");
    }

    @Test
    void equalByValue() {
        assertThat(RealEstateUnitCode.of(FLAT)).isEqualTo(RealEstateUnitCode.of(FLAT.toLowerCase()))
                .hasSameHashCodeAs(RealEstateUnitCode.of(FLAT)).isNotEqualTo(RealEstateUnitCode.of(BARE_LAND));
    }

    @Test
    void jsonIsTheCodeAsAString() throws Exception {
        RealEstateUnitCode code = JSON.readValue("\"" + FLAT + "\"", RealEstateUnitCode.class);
        assertThat(code.value()).isEqualTo(FLAT);
        assertThat(JSON.writeValueAsString(code)).isEqualTo("\"" + FLAT + "\"");
    }
}
