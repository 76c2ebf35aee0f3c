package cn.tongban.kernel;

import static cn.tongban.kernel.Refusals.JSON;
import static cn.tongban.kernel.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB/T 2260 行政区划 of 江苏省. */
class AdministrativeDivisionTest {

    private static final AdministrativeDivision JIANGSU = AdministrativeDivision.of("320000");

    @Test
    void jiangsuHasThirteenPrefectureLevelCities() {
        List<AdministrativeDivision> cities = JIANGSU.children();
        assertThat(cities).extracting(AdministrativeDivision::name).containsExactly(
                "南京市", "无锡市", "徐州市", "常州市", "苏州市", "南通市", "连云港市",
                "淮安市", "盐城市", "扬州市", "镇江市", "泰州市", "宿迁市");
        assertThat(cities).allSatisfy(city -> assertThat(city.kind()).isEqualTo(DivisionKind.PREFECTURE_CITY));
    }

    @Test
    void jiangsuHas95CountyLevelDivisions() {
        // 民政部 statistics for 江苏省 (2023): 55 市辖区, 21 县级市, 19 县
        List<AdministrativeDivision> countyLevel = AdministrativeDivision.all().stream()
                .filter(AdministrativeDivision::isCountyLevel).toList();
        assertThat(countyLevel).hasSize(95);
        assertThat(countyLevel).filteredOn(d -> d.kind() == DivisionKind.URBAN_DISTRICT).hasSize(55);
        assertThat(countyLevel).filteredOn(d -> d.kind() == DivisionKind.COUNTY_LEVEL_CITY).hasSize(21);
        assertThat(countyLevel).filteredOn(d -> d.kind() == DivisionKind.COUNTY).hasSize(19);
    }

    @Test
    void changzhouHasFiveDistrictsAndOneCountyLevelCity() {
        assertThat(AdministrativeDivision.of("320400").children())
                .extracting(AdministrativeDivision::code, AdministrativeDivision::name, AdministrativeDivision::kind)
                .containsExactly(
                        tuple("320402", "天宁区", DivisionKind.URBAN_DISTRICT),
                        tuple("320404", "钟楼区", DivisionKind.URBAN_DISTRICT),
                        tuple("320411", "新北区", DivisionKind.URBAN_DISTRICT),
                        tuple("320412", "武进区", DivisionKind.URBAN_DISTRICT),
                        tuple("320413", "金坛区", DivisionKind.URBAN_DISTRICT),
                        tuple("320481", "溧阳市", DivisionKind.COUNTY_LEVEL_CITY));
    }

    @Test
    void kindFollowsTheLastTwoDigits() {
        // GB/T 2260: county-level digits 01-20 市辖区, 21-80 县, 81-99 县级市
        for (AdministrativeDivision division : AdministrativeDivision.all()) {
            if (!division.isCountyLevel()) {
                continue;
            }
            int digits = Integer.parseInt(division.code().substring(4));
            DivisionKind expected = digits <= 20 ? DivisionKind.URBAN_DISTRICT
                    : digits <= 80 ? DivisionKind.COUNTY : DivisionKind.COUNTY_LEVEL_CITY;
            assertThat(division.kind()).as(division.code() + " " + division.name()).isEqualTo(expected);
        }
    }

    @Test
    void parentIsTheCodeWithItsLastLevelZeroed() {
        // GB/T 2260: digits 1-2 province, 3-4 prefecture, 5-6 county
        for (AdministrativeDivision division : AdministrativeDivision.all()) {
            String code = division.code();
            String expectedParent = switch (division.kind()) {
                case PROVINCE -> null;
                case PREFECTURE_CITY -> code.substring(0, 2) + "0000";
                default -> code.substring(0, 4) + "00";
            };
            assertThat(division.parentCode()).as(code).isEqualTo(expectedParent);
            assertThat(code).matches("32[0-9]{4}");
        }
    }

    @Test
    void everyDivisionIsReachableFromTheProvince() {
        long reachable = 1 + JIANGSU.children().size()
                + JIANGSU.children().stream().mapToLong(city -> city.children().size()).sum();
        assertThat(reachable).isEqualTo(AdministrativeDivision.all().size());
    }

    @Test
    void allIsOrderedByCodeWithoutDuplicates() {
        List<String> codes = AdministrativeDivision.all().stream().map(AdministrativeDivision::code).toList();
        assertThat(codes).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void countyLevelDivisionsHaveNoChildren() {
        assertThat(AdministrativeDivision.of("320402").children()).isEmpty();
        assertThat(AdministrativeDivision.of("320402").isCountyLevel()).isTrue();
        assertThat(AdministrativeDivision.of("320400").isCountyLevel()).isFalse();
        assertThat(JIANGSU.isCountyLevel()).isFalse();
    }

    @Test
    void mergedAndUpgradedDivisionsHaveTheirCurrentCodes() {
        // 南通: 崇川区 and 港闸区 merged into 320613 崇川区, 海门市 became 320614 海门区 (2020); 海安县 became 320685 海安市 (2018)
        assertThat(AdministrativeDivision.find("320613")).map(AdministrativeDivision::name).contains("崇川区");
        assertThat(AdministrativeDivision.find("320614")).map(AdministrativeDivision::name).contains("海门区");
        assertThat(AdministrativeDivision.find("320685")).map(AdministrativeDivision::kind)
                .contains(DivisionKind.COUNTY_LEVEL_CITY);
        assertThat(AdministrativeDivision.find("320611")).isEmpty();
        assertThat(AdministrativeDivision.find("320684")).isEmpty();
        assertThat(AdministrativeDivision.find("320621")).isEmpty();
    }

    @Test
    void findIsEmptyForUnknownMalformedAndNull() {
        assertThat(AdministrativeDivision.find("320499")).isEmpty();
        assertThat(AdministrativeDivision.find("3204")).isEmpty();
        assertThat(AdministrativeDivision.find(null)).isEmpty();
    }

    @Test
    void wellFormedCodeNotInTheTableIsUnknown() {
        assertRefused(() -> AdministrativeDivision.of("320499"), "division.unknown", "320499");
        assertRefused(() -> AdministrativeDivision.of("110105"), "division.unknown", "110105");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3204", "3204020", "32040a", "320 402"})
    void codeIsSixDigits(String text) {
        assertRefused(() -> AdministrativeDivision.of(text), "division.format", text);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " "})
    void blankIsRefused(String blank) {
        assertRefused(() -> AdministrativeDivision.of(blank), "division.blank");
    }

    @Test
    void jsonIsTheCode() throws Exception {
        AdministrativeDivision tianning = JSON.readValue("\"320402\"", AdministrativeDivision.class);
        assertThat(tianning.name()).isEqualTo("天宁区");
        assertThat(tianning.parentCode()).isEqualTo("320400");
        assertThat(JSON.writeValueAsString(tianning)).isEqualTo("\"320402\"");
        assertThat(tianning).hasToString("320402");
    }
}
