package cn.tongban.building;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.tongban.IntegrationTest;

/** 楼盘表 bulk import: issue #2, item 6 and its bad-input list. */
@IntegrationTest
class UnitImportTest {

    @Autowired
    MockMvc http;

    @Autowired
    JdbcClient jdbc;

    BuildingFixture fixture;
    String building;

    @BeforeEach
    void newBuilding() throws Exception {
        fixture = new BuildingFixture(http);
        building = fixture.building(10).get("buildingCode").asText();
    }

    @Test
    void validRowsAreImportedAndEachBadRowIsReportedWithLineFieldAndRule() throws Exception {
        String csv = String.join("\n",
                BuildingFixture.HEADER,
                BuildingFixture.row(building, 1, 1),                                  // line 2: good
                BuildingFixture.row(building, 2, 1).replace(building + "0002", "32041100900" + "9GB0000F00010002"), // 3: malformed code
                BuildingFixture.row(building, 3, 1).replace(",11,", ",99,"),          // 4: unknown 房屋用途
                BuildingFixture.row("320411009009GB99999F0001", 4, 1),              // 5: no such building
                BuildingFixture.row(building, 5, 1).replace("89.50,73.39,16.11", "0,0,0"),     // 6: zero area
                BuildingFixture.row(building, 6, 1).replace("89.50,73.39,16.11", "-5.00,-5.00,0"), // 7: negative
                BuildingFixture.row(building, 7, 1).replace("89.50,73.39,16.11", "89.50,73.39,16.00"), // 8: sum off by 0.11
                BuildingFixture.row(building, 8, 11),                                 // 9: floor 11 of a 10-floor building
                BuildingFixture.row(building, 9, 2));                                 // 10: good
        JsonNode report = fixture.body(fixture.importCsv(csv).andExpect(status().isOk()));

        assertThat(report.get("totalRows").asLong()).isEqualTo(9);
        assertThat(report.get("inserted").asLong()).isEqualTo(2);
        assertThat(report.get("rejected").asLong()).isEqualTo(7);
        List<String> errors = new ArrayList<>();
        report.get("errors").forEach(e -> errors.add(e.get("line").asLong() + ":" + e.get("field").asText() + ":" + e.get("code").asText()));
        assertThat(errors).contains(
                "3:unitCode:unit-code.length",
                "4:houseUse:dictionary.unknown-code",
                "5:unitCode:unit.building-unknown",
                "6:buildingArea:area.not-positive",
                "6:innerArea:area.not-positive",
                "7:buildingArea:area.negative",
                "8:buildingArea:unit.areas-add-up",
                "9:floor:unit.floor-outside-building");
        report.get("errors").forEach(e -> assertThat(e.get("message").asText()).isNotBlank().isNotEqualTo(e.get("code").asText()));

        http.perform(get("/api/v1/units/" + building + "0001")).andExpect(status().isOk())
                .andExpect(jsonPath("$.buildingArea").value(89.50))
                .andExpect(jsonPath("$.tradeStatus").value("UNAVAILABLE"));
        http.perform(get("/api/v1/units/" + building + "0005")).andExpect(status().isNotFound());
    }

    @Test
    void sameFileTwiceChangesNothing() throws Exception {
        String csv = BuildingFixture.HEADER + "\n" + BuildingFixture.row(building, 1, 1) + "\n" + BuildingFixture.row(building, 2, 2) + "\n";
        fixture.importCsv(csv).andExpect(jsonPath("$.inserted").value(2));
        long versionBefore = version(building + "0001");

        fixture.importCsv(csv).andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(2));
        assertThat(version(building + "0001")).isEqualTo(versionBefore);
    }

    @Test
    void changedRowIsUpdatedByUnitCodeAndItsVersionRaised() throws Exception {
        fixture.importCsv(BuildingFixture.HEADER + "\n" + BuildingFixture.row(building, 1, 1));
        long before = version(building + "0001");
        fixture.importCsv(BuildingFixture.HEADER + "\n" + BuildingFixture.row(building, 1, 1).replace("测试路", "更名路"))
                .andExpect(jsonPath("$.updated").value(1))
                .andExpect(jsonPath("$.inserted").value(0));
        assertThat(version(building + "0001")).isEqualTo(before + 1);
        http.perform(get("/api/v1/units/" + building + "0001")).andExpect(jsonPath("$.location").value("常州市新北区更名路1号"));
    }

    @Test
    void repeatedUnitCodeInOneFileIsRefusedNamingTheLineThatStands() throws Exception {
        String csv = String.join("\n", BuildingFixture.HEADER, BuildingFixture.row(building, 1, 1),
                BuildingFixture.row(building, 2, 1), BuildingFixture.row(building, 1, 2), BuildingFixture.row(building, 1, 3));
        fixture.importCsv(csv).andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(2))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.errors[0].line").value(4))
                .andExpect(jsonPath("$.errors[0].field").value("unitCode"))
                .andExpect(jsonPath("$.errors[0].code").value("unit.duplicate-in-file"))
                .andExpect(jsonPath("$.errors[0].message").value("不动产单元代码与第 2 行重复，以第 2 行为准，本行未导入"))
                .andExpect(jsonPath("$.errors[1].line").value(5));
        http.perform(get("/api/v1/units/" + building + "0001")).andExpect(jsonPath("$.floor").value(1));
    }

    @Test
    void houseCodeGivenToTwoUnitsIsRefusedForTheSecond() throws Exception {
        String csv = String.join("\n", BuildingFixture.HEADER,
                BuildingFixture.row(building, 1, 1).replace(building + "0001,,", building + "0001,HC-" + building + ","),
                BuildingFixture.row(building, 2, 1).replace(building + "0002,,", building + "0002,HC-" + building + ","));
        fixture.importCsv(csv).andExpect(jsonPath("$.inserted").value(1))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].code").value("unit.house-code-duplicate-in-file"));
        // and in a later file, the house code still belongs to the first unit
        fixture.importCsv(BuildingFixture.HEADER + "\n"
                        + BuildingFixture.row(building, 3, 1).replace(building + "0003,,", building + "0003,HC-" + building + ","))
                .andExpect(jsonPath("$.errors[0].field").value("houseCode"))
                .andExpect(jsonPath("$.errors[0].code").value("unit.house-code-taken"));
    }

    @Test
    void missingColumnRefusesTheWholeFile() throws Exception {
        String header = BuildingFixture.HEADER.replace("buildingArea,", "");
        String row = BuildingFixture.row(building, 1, 1).replace("89.50,", "");
        fixture.importCsv(header + "\n" + row).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("buildingArea"))
                .andExpect(jsonPath("$.errors[0].code").value("unit-import.missing-column"));
        assertThat(count(building)).isZero();
    }

    @Test
    void unknownColumnRefusesTheWholeFile() throws Exception {
        fixture.importCsv(BuildingFixture.HEADER + ",price\n" + BuildingFixture.row(building, 1, 1) + ",100")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("unit-import.unknown-column"));
        assertThat(count(building)).isZero();
    }

    @Test
    void gbkFileIsRefusedAndNothingIsWritten() throws Exception {
        String csv = BuildingFixture.HEADER + "\n" + BuildingFixture.row(building, 1, 1) + "\n" + BuildingFixture.row(building, 2, 1) + "\n";
        fixture.importCsv(csv.getBytes(Charset.forName("GBK"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("unit-import.not-utf8"));
        assertThat(count(building)).isZero();
    }

    @Test
    void byteOrderMarkOfExcelIsNotPartOfTheFirstColumn() throws Exception {
        byte[] body = ("\uFEFF" + BuildingFixture.HEADER + "\n" + BuildingFixture.row(building, 1, 1)).getBytes(StandardCharsets.UTF_8);
        fixture.importCsv(body).andExpect(status().isOk()).andExpect(jsonPath("$.inserted").value(1));
    }

    @Test
    void fileWithHeaderButNoRowsIsRefused() throws Exception {
        fixture.importCsv(BuildingFixture.HEADER + "\n").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("unit-import.no-rows"));
        fixture.importCsv("").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("unit-import.empty"));
    }

    @Test
    void rowWithMissingFieldsIsReportedNotGuessed() throws Exception {
        fixture.importCsv(BuildingFixture.HEADER + "\n" + building + "0001,,常州市,1\n" + BuildingFixture.row(building, 2, 1))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(1))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].code").value("unit-import.field-count"));
    }

    @Test
    void errorReportIsKeptAndPagedInTheReadersLanguage() throws Exception {
        JsonNode report = fixture.body(fixture.importCsv(BuildingFixture.HEADER + "\n"
                + BuildingFixture.row(building, 1, 1).replace(",11,", ",99,")));
        http.perform(get(report.get("errorsUrl").asText()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].field").value("houseUse"));
        http.perform(get("/api/v1/units/imports/" + report.get("importId").asText()))
                .andExpect(jsonPath("$.rejected").value(1));
    }

    private long version(String unitCode) {
        return jdbc.sql("SELECT version FROM unit WHERE unit_code = ?").param(unitCode).query(Long.class).single();
    }

    private long count(String buildingCode) {
        return jdbc.sql("SELECT count(*) FROM unit WHERE unit_code LIKE ?").param(buildingCode + "%").query(Long.class).single();
    }
}
